from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from publishing import relations, staleness, usage
        from publishing.models import record_reverted_slugs

        usage.connect()
        staleness.connect()
        relations.name_link_rows()
        pre_save.connect(record_reverted_slugs, dispatch_uid="publishing-reverted-slugs")
