import reversion
from django import forms
from django.contrib import admin
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from publishing.admin import PublishableAdmin
from publishing.usage import UsageProtectedAdminMixin

reversion.register(Document)


class StoredFile:
    """A stored file as the file input shows it: its name, linked to where it may be had."""

    def __init__(self, name, url):
        self.name, self.url = name, url

    def __str__(self):
        return self.name


class DownloadLinkFileInput(forms.ClearableFileInput):
    """Links the current file to the document's download view, as its media address is 404."""

    def format_value(self, value):
        value = super().format_value(value)
        instance = getattr(value, "instance", None)
        if self.is_initial(value) and instance is not None and instance.pk:
            return StoredFile(value.name, instance.get_absolute_url())
        return value


@admin.register(Document)
class DocumentAdmin(UsageProtectedAdminMixin, PublishableAdmin):
    list_display = [
        "title",
        "kind",
        "file_language",
        "project",
        "meeting",
        "status",
        "published_at",
    ]
    list_filter = ["kind", "file_language", "project", "meeting"]
    list_select_related = ["project", "meeting"]
    date_hierarchy = "published_at"
    search_fields = ["title_bg", "title_en", "description_bg", "description_en"]
    autocomplete_fields = ["project", "meeting", "session"]
    readonly_fields = ["file_details"]
    formfield_overrides = {models.FileField: {"widget": DownloadLinkFileInput}}
    fieldsets = [
        (None, {"fields": ["title", "kind", "description"]}),
        (_("File"), {"fields": ["file", "file_language", "file_details"]}),
        (_("Belongs to"), {"fields": ["project", "meeting", "session"]}),
        (_("Publishing"), {"fields": ["status", "published_at"]}),
    ]

    @admin.display(description=_("stored file"))
    def file_details(self, obj):
        if not obj or not obj.file_type:
            return "–"
        return f"{obj.file_type.upper()}, {filesizeformat(obj.file_size)}"
