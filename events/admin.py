import reversion
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from events.models import Meeting, Session, SiteVisit
from publishing.admin import ConstraintMessageFormSet, PublishableAdmin, TranslatedVersionAdmin

# A meeting's revision carries its programme and visits, so reverting it restores them.
reversion.register(Session)
reversion.register(SiteVisit)
reversion.register(Meeting, follow=("sessions", "site_visits"))


class MeetingDatesFormSet(ConstraintMessageFormSet):
    """Checks each day of an inline against the meeting's dates in the same submission.

    The model's clean() cannot do this for a new meeting (it has no primary key yet, so
    the inline has no meeting to ask); for a saved one it already has the submitted dates.
    """

    date_field = "day"

    def clean(self):
        super().clean()
        meeting = self.instance
        start, end = meeting.start_date, meeting.end_date
        if not (start and end) or end < start:
            return  # The meeting's own form reports its dates.
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or self._should_delete_form(form):
                continue
            day = form.cleaned_data.get(self.date_field)
            if day and not form.has_error(self.date_field) and not meeting.contains(day):
                form.add_error(self.date_field, meeting.date_range_error(day))


class SessionInline(TranslationStackedInline):
    model = Session
    formset = MeetingDatesFormSet
    fields = [
        ("order", "day", "start_time", "end_time"),
        "kind",
        "title",
        "summary",
        "speakers",
        "venue",
        "led_by",
    ]
    autocomplete_fields = ["led_by"]
    ordering = ["order"]
    extra = 0


class SiteVisitFormSet(MeetingDatesFormSet):
    date_field = "date"


class SiteVisitInline(TranslationStackedInline):
    model = SiteVisit
    formset = SiteVisitFormSet
    fields = [
        ("order", "date"),
        "title",
        "place",
        "description",
        ("latitude", "longitude"),
        "image",
        "image_alt",
        "image_decorative",
    ]
    ordering = ["date", "order"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(PublishableAdmin):
    list_display = ["title", "start_date", "end_date", "project", "host", "status"]
    list_filter = ["project", "host__country"]
    list_select_related = ["project", "host"]
    date_hierarchy = "start_date"
    search_fields = ["title_bg", "title_en", "summary_bg", "summary_en", "venue_bg", "venue_en"]
    autocomplete_fields = ["project", "host", "participants"]
    inlines = [SessionInline, SiteVisitInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "project", "host", "start_date", "end_date"]}),
        (None, {"fields": ["venue", "summary", "body", "outcomes", "participants"]}),
        (_("Cover image"), {"fields": ["cover_image", "cover_alt", "cover_decorative"]}),
        (_("Publishing"), {"fields": ["status", "published_at"]}),
    ]


@admin.register(Session)
class SessionAdmin(TranslatedVersionAdmin):
    """Sessions are edited with their meeting; this list finds one across meetings."""

    list_display = ["title", "meeting", "day", "start_time", "order", "kind"]
    list_filter = ["kind", "meeting"]
    list_select_related = ["meeting"]
    date_hierarchy = "day"
    search_fields = ["title_bg", "title_en", "meeting__title_bg", "meeting__title_en"]
    autocomplete_fields = ["meeting", "led_by"]
    edit_parent = "meeting"
    fields = [
        "meeting",
        ("order", "day", "start_time", "end_time"),
        "kind",
        "title",
        "summary",
        "speakers",
        "venue",
        "led_by",
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The meeting's last-changed time guards its programme: a form opened on the
        # meeting before this save must not write the old session back.
        Meeting.objects.filter(pk=obj.meeting_id).update(updated_at=timezone.now())

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Recorded in the meeting's history too, which is where editors look for it.
        reversion.add_to_revision(Meeting.objects.get(pk=form.instance.meeting_id))
