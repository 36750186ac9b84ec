import reversion
from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from publishing.admin import PublishableAdmin
from publishing.usage import UsageProtectedAdminMixin

reversion.register(Document)


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
    completeness_fields = ("title",)
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
