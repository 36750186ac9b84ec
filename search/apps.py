from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search import backends, sources, tracking

        sources.register_content()
        tracking.connect_migrate()
        connection_created.connect(backends.add_sqlite_functions, dispatch_uid="search-sqlite")
