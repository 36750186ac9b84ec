from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from publishing import relations, staleness, usage

        usage.connect()
        staleness.connect()
        relations.name_link_rows()
