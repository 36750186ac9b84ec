from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SmolyanPortalConfig(AppConfig):
    name = "smolyan_portal"
    verbose_name = _("Portal")

    def ready(self):
        from smolyan_portal import editors, lookups, page_cache, request_log, searchable

        lookups.register()
        searchable.register_pages()
        page_cache.connect_signals()
        request_log.connect_signals()
        post_migrate.connect(
            editors.set_up_editors_group, sender=self, dispatch_uid="editors-group"
        )
