import reversion
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from events.admin import SessionAdmin
from events.models import Session
from knowledge.models import Indicator, IndicatorValue, Person, Replication, Solution, Topic
from publishing.admin import ConstraintMessageFormSet, PublishableAdmin, TranslatedVersionAdmin

reversion.register(Replication)
reversion.register(IndicatorValue)
reversion.register(Indicator, follow=("values",))
reversion.register(Solution, follow=("replications", "indicators"))
reversion.register(Topic)


@admin.register(Topic)
class TopicAdmin(TranslatedVersionAdmin):
    list_display = ["name", "order"]
    search_fields = ["name_bg", "name_en", "description_bg", "description_en"]
    autocomplete_fields = ["articles", "meetings", "sessions", "documents", "projects"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "order"]}),
        (
            _("On this topic"),
            {"fields": ["projects", "meetings", "sessions", "articles", "documents"]},
        ),
    ]


# Editors paste "smolyan.bg"; https is what such an address means today.
HTTPS = {models.URLField: {"assume_scheme": "https"}}


class ReplicationInline(TranslationTabularInline):
    model = Replication
    formfield_overrides = HTTPS
    formset = ConstraintMessageFormSet
    fields = ["city", "status", "year", "note", "evidence_document", "evidence_url"]
    autocomplete_fields = ["city", "evidence_document"]
    extra = 0


class IndicatorInline(TranslationStackedInline):
    """The indicator's name and its baseline and target; its measured values on its own page."""

    model = Indicator
    fields = [
        "name",
        "unit",
        ("baseline_value", "baseline_year"),
        ("target_value", "target_year"),
        "order",
    ]
    show_change_link = True
    extra = 0


@admin.register(Solution)
class SolutionAdmin(PublishableAdmin):
    list_display = ["title", "status", "published_at", "updated_at"]
    list_filter = ["topics", "projects"]
    date_hierarchy = "published_at"
    search_fields = ["title_bg", "title_en", "summary_bg", "summary_en"]
    autocomplete_fields = [
        "topics",
        "projects",
        "organisations",
        "sessions",
        "site_visits",
        "documents",
        "articles",
        "contact_people",
        "contact_partners",
    ]
    inlines = [ReplicationInline, IndicatorInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description"]}),
        (_("Linked to"), {"fields": ["topics", "projects", "organisations"]}),
        (_("Lessons learned"), {"fields": ["worked", "did_not_work", "advice"]}),
        (
            _("Evidence: where it was shown and reported"),
            {"fields": ["sessions", "site_visits", "documents", "articles"]},
        ),
        (_("Who to ask"), {"fields": ["contact_people", "contact_partners"]}),
        (_("Publishing"), {"fields": ["status", "published_at"]}),
    ]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    formfield_overrides = HTTPS
    formset = ConstraintMessageFormSet
    fields = ["year", "value", "source_document", "source_url"]
    autocomplete_fields = ["source_document"]
    extra = 1


@admin.register(Indicator)
class IndicatorAdmin(TranslatedVersionAdmin):
    """An indicator with its values measured year by year; listed on its solution's page."""

    list_display = ["name", "unit", "solution"]
    list_select_related = ["solution"]
    search_fields = ["name_bg", "name_en", "solution__title_bg", "solution__title_en"]
    autocomplete_fields = ["solution"]
    inlines = [IndicatorValueInline]
    fields = [
        "solution",
        "name",
        "unit",
        ("baseline_value", "baseline_year"),
        ("target_value", "target_year"),
        "order",
    ]


@admin.register(Person)
class PersonAdmin(PublishableAdmin):
    list_display = ["name", "role", "organisation", "basis", "status"]
    list_filter = ["basis"]
    list_select_related = ["organisation"]
    search_fields = ["name_bg", "name_en", "role_bg", "role_en"]
    autocomplete_fields = ["organisation", "spoke_at", "led"]
    fieldsets = [
        (None, {"fields": ["name", "role", "organisation"]}),
        (_("Basis for publishing the name"), {"fields": ["basis", "basis_note"]}),
        (_("Sessions"), {"fields": ["spoke_at", "led"]}),
        (_("Publishing"), {"fields": ["status", "published_at"]}),
    ]


class SessionPeopleInline(admin.TabularInline):
    autocomplete_fields = ["person"]
    extra = 0


class SessionSpeakerInline(SessionPeopleInline):
    model = Person.spoke_at.through
    verbose_name = _("speaker (a recorded person)")
    verbose_name_plural = _("speakers (recorded people)")


class SessionLeaderInline(SessionPeopleInline):
    model = Person.led.through
    verbose_name = _("led by (a recorded person)")
    verbose_name_plural = _("led by (recorded people)")


# A session's people are declared here, above events: its admin gains them from this app.
admin.site.unregister(Session)


@admin.register(Session)
class SessionWithPeopleAdmin(SessionAdmin):
    inlines = [*SessionAdmin.inlines, SessionSpeakerInline, SessionLeaderInline]
