import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from media.admin_previews import ImagePreviewAdminMixin
from partners.models import Partner
from publishing.admin import PublishableAdmin

reversion.register(Partner)


@admin.register(Partner)
class PartnerAdmin(ImagePreviewAdminMixin, PublishableAdmin):
    list_display = ["name", "kind", "country", "city", "status", "published_at", "updated_at"]
    list_filter = ["kind", "country"]
    search_fields = ["name_bg", "name_en", "city_bg", "city_en", "website"]
    autocomplete_fields = ["twin_towns"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "country", "city", "description"]}),
        (_("Web and logo"), {"fields": ["website", "logo"]}),
        (_("Place on the map"), {"fields": ["latitude", "longitude"]}),
        (None, {"fields": ["twin_towns"]}),
        (_("Publishing"), {"fields": ["status", "published_at"]}),
    ]
