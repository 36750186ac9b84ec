import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from media.admin_previews import ImagePreviewAdminMixin
from projects.models import Participation, Project
from publishing.admin import ConstraintMessageFormSet, PublishableAdmin, year_filter

reversion.register(Participation)
reversion.register(Project, follow=("participations",))


class ParticipationInline(admin.TabularInline):
    model = Participation
    formset = ConstraintMessageFormSet
    fields = ["partner", "role"]
    autocomplete_fields = ["partner"]
    extra = 0


@admin.register(Project)
class ProjectAdmin(ImagePreviewAdminMixin, PublishableAdmin):
    list_display = ["title", "acronym", "start_date", "end_date", "status", "published_at"]
    list_filter = [year_filter("start_date", _("starting year")), "eu_funded"]
    search_fields = [
        "acronym",
        "title_bg",
        "title_en",
        "summary_bg",
        "summary_en",
        "programme_bg",
        "programme_en",
    ]
    inlines = [ParticipationInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "acronym", "programme", "summary", "description"]}),
        (
            None,
            {"fields": ["start_date", "end_date", "consortium_size", "website", "logo", "colour"]},
        ),
        (_("EU funding"), {"fields": ["eu_funded", "funding_statement"]}),
        (_("Publishing"), {"fields": ["status", "published_at"]}),
    ]
