"""Deleting an item that others link to: say which links go, and restore them on recovery.

A model admin that uses `KeepLinksAdminMixin` names, in `links_cut_by_deleting(obj)`,
the (item, field name) pairs whose link a deletion sets to nothing (a news item's
meeting). The delete confirmation lists those items; the deletion records the links
(DetachedLink); recovering the item from its history puts back each link still empty.
"""

from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.html import format_html
from reversion.models import Version

from publishing.models import DetachedLink
from publishing.usage import change_link


def record_links(obj, links):
    """Note each link before `obj`'s deletion sets it to nothing."""
    deleted_type = ContentType.objects.get_for_model(obj)
    DetachedLink.objects.bulk_create(
        DetachedLink(
            deleted_type=deleted_type,
            deleted_id=obj.pk,
            linked_type=ContentType.objects.get_for_model(item),
            linked_id=item.pk,
            field_name=field_name,
            target_id=getattr(item, item._meta.get_field(field_name).attname),
        )
        for item, field_name in links
    )


def restore_links(model, object_id):
    """Put back the links the deletion of this item cut, where they are still empty."""
    deleted_type = ContentType.objects.get_for_model(model)
    detached = DetachedLink.objects.filter(deleted_type=deleted_type, deleted_id=object_id)
    with transaction.atomic():
        restored = _restore(detached)
        detached.delete()
    return restored


def _restore(detached):
    restored = 0
    for link in detached.select_related("linked_type"):
        linked_model = link.linked_type.model_class()
        field = linked_model._meta.get_field(link.field_name)
        if not field.related_model._base_manager.filter(pk=link.target_id).exists():
            continue  # What it linked to was not recovered (a session deleted since).
        item = linked_model._base_manager.filter(
            pk=link.linked_id, **{f"{field.attname}__isnull": True}
        ).first()
        if item is None:
            continue  # Gone, or linked to something else since: the editor's choice stands.
        setattr(item, field.attname, link.target_id)
        # Saved one by one (not update()), so that the page cache hears of the change.
        names = [field.name, *(["updated_at"] if hasattr(item, "updated_at") else [])]
        item.save(update_fields=names)
        restored += 1
    return restored


class KeepLinksAdminMixin:
    """The delete confirmation names the links that go; recovery restores them."""

    delete_confirmation_template = "admin/publishing/delete_confirmation.html"
    delete_selected_confirmation_template = "admin/publishing/delete_selected_confirmation.html"

    def links_cut_by_deleting(self, obj):
        return []

    def link_lines(self, objects):
        """Each item that loses a link, once, as a line with a link to its change form."""
        lines, seen = [], set()
        for obj in objects:
            for item, _field_name in self.links_cut_by_deleting(obj):
                key = (item._meta.label, item.pk)
                if key in seen:
                    continue
                seen.add(key)
                label = format_html("{}: {}", item._meta.verbose_name.capitalize(), item)
                lines.append(change_link(self.admin_site.name, item, label))
        return lines

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        lines = self.link_lines([obj]) if obj is not None else []
        return super().delete_view(
            request, object_id, {**(extra_context or {}), "links_cut": lines}
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _function, name, description = actions["delete_selected"]
            actions["delete_selected"] = (self.delete_selected_keeping_links, name, description)
        return actions

    @staticmethod
    def delete_selected_keeping_links(modeladmin, request, queryset):
        response = delete_selected(modeladmin, request, queryset)
        if isinstance(response, TemplateResponse):
            response.context_data["links_cut"] = modeladmin.link_lines(queryset)
        return response

    def delete_model(self, request, obj):
        with transaction.atomic():
            record_links(obj, self.links_cut_by_deleting(obj))
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                record_links(obj, self.links_cut_by_deleting(obj))
            super().delete_queryset(request, queryset)

    def recover_view(self, request, version_id, extra_context=None):
        response = super().recover_view(request, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            version = Version.objects.filter(pk=version_id).first()
            if (
                version is not None
                and self.model._base_manager.filter(pk=version.object_id).exists()
            ):
                restore_links(self.model, version.object_id)
        return response
