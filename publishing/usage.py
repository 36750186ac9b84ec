"""Items in use stay: a row that others use cannot be deleted.

A model may define `usages()`: the items that use a row. While there are any, the row
cannot be deleted (ProtectedError); `UsageProtectedAdminMixin` shows them in the admin's
delete confirmation instead of deleting.
"""

from django.apps import apps
from django.contrib.admin.utils import quote
from django.db import models
from django.db.models import Q
from django.db.models.signals import pre_delete
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from publishing.fields import RichTextField


def refuse_deleting_what_is_in_use(sender, instance, **kwargs):
    in_use = list(instance.usages())
    if in_use:
        raise models.ProtectedError(
            _("“%(item)s” cannot be deleted while it is in use.") % {"item": instance},
            in_use,
        )


def connect():
    """Guard every installed model that says what uses it."""
    for model in apps.get_models():
        if callable(getattr(model, "usages", None)):
            pre_delete.connect(
                refuse_deleting_what_is_in_use,
                sender=model,
                dispatch_uid=f"usages-{model._meta.label}",
            )


def rich_text_links(needles):
    """Every row, of any model, whose rich text contains one of `needles` (e.g. a URL)."""
    needles = [needle for needle in needles if needle]
    found = []
    if not needles:
        return found
    for model in apps.get_models():
        columns = [f.attname for f in model._meta.concrete_fields if isinstance(f, RichTextField)]
        if not columns:
            continue
        condition = Q()
        for column in columns:
            for needle in needles:
                condition |= Q(**{f"{column}__contains": needle})
        found.extend(model._base_manager.filter(condition))
    return found


def change_link(site_name, obj, label):
    """`label` linked to the admin's change form of `obj`, or alone if it has none."""
    opts = obj._meta
    try:
        url = reverse(
            f"{site_name}:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)]
        )
    except NoReverseMatch:
        return label
    return format_html('<a href="{}">{}</a>', url, label)


class UsageProtectedAdminMixin:
    """The delete confirmation lists what uses an item, and refuses, as for PROTECT."""

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected)
        for obj in objs:
            for user in obj.usages():
                protected.append(self._usage_line(obj, user))
        return deleted, model_count, perms_needed, protected

    def _usage_line(self, obj, user):
        label = format_html("{}: {} ← {}", user._meta.verbose_name.capitalize(), user, obj)
        return change_link(self.admin_site.name, user, label)
