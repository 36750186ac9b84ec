import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from media.admin_previews import ImagePreviewAdminMixin
from news.models import Article, ArticleImage
from publishing.admin import PublishableAdmin

reversion.register(ArticleImage)
reversion.register(Article, follow=("gallery",))


class ArticleImageInline(ImagePreviewAdminMixin, TranslationStackedInline):
    model = ArticleImage
    fields = [
        "image",
        "caption",
        "image_alt",
        "image_decorative",
        "image_credit",
        "image_licence",
        "order",
    ]
    ordering = ["order", "pk"]
    extra = 0


@admin.register(Article)
class ArticleAdmin(ImagePreviewAdminMixin, PublishableAdmin):
    list_display = ["title", "meeting", "status", "published_at", "updated_at"]
    list_filter = ["projects", "meeting"]
    list_select_related = ["meeting"]
    date_hierarchy = "published_at"
    search_fields = ["title_bg", "title_en", "summary_bg", "summary_en", "body_bg", "body_en"]
    autocomplete_fields = ["projects", "partners", "meeting"]
    inlines = [ArticleImageInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "author"]}),
        (
            _("Cover image"),
            {
                "fields": [
                    "cover_image",
                    "cover_image_alt",
                    "cover_image_decorative",
                    "cover_image_credit",
                    "cover_image_licence",
                ]
            },
        ),
        (_("Linked to"), {"fields": ["projects", "partners", "meeting"]}),
        (
            _("First published elsewhere"),
            {"fields": ["source_publisher", "source_date", "source_url"]},
        ),
        (_("Publishing"), {"fields": ["status", "published_at"]}),
    ]
