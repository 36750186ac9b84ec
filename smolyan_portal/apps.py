from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SmolyanPortalConfig(AppConfig):
    name = "smolyan_portal"
    verbose_name = _("Portal")

    def ready(self):
        from smolyan_portal import lookups, page_cache

        lookups.register()
        page_cache.connect_signals()
