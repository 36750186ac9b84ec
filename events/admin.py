import reversion
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from events.models import Meeting, Session, SiteVisit
from media.admin_previews import ImagePreviewAdminMixin
from publishing.admin import ConstraintMessageFormSet, PublishableAdmin, TranslatedVersionAdmin
from publishing.admin_links import KeepLinksAdminMixin

# A meeting's revision carries its programme and visits, so reverting it restores them.
reversion.register(Session)
reversion.register(SiteVisit)
reversion.register(Meeting, follow=("sessions", "site_visits"))


class MeetingDatesFormSet(ConstraintMessageFormSet):
    """The form-level face of `Meeting.date_error()`, asked with the submitted dates.

    The inline's meeting carries the dates submitted on the same page, so a new meeting
    (no primary key yet) is checked too, and a meeting may move with its programme.
    View-only rows are checked with their saved dates, which Django puts in cleaned_data.
    """

    def clean(self):
        super().clean()
        meeting = self.instance
        start, end = meeting.start_date, meeting.end_date
        if not (start and end) or end < start:
            return  # The meeting's own form reports its dates.
        for form in self.forms:
            if form.cleaned_data.get("DELETE"):
                continue
            day = form.cleaned_data.get("date")
            if day and not form.has_error("date") and (error := meeting.date_error(day)):
                form.add_error("date", error)


class ProgrammeInline(TranslationTabularInline):
    """A meeting's sessions or visits as a compact table, each row linked to its full form.

    The table holds what places an item in the programme and what it is called; the rest
    (summary, speakers, place, pictures) is on the item's own page, so that the meeting's
    page stays short however long its programme.
    """

    formset = MeetingDatesFormSet
    show_change_link = True
    extra = 0


class SessionInline(ProgrammeInline):
    model = Session
    fields = ["order", "date", "start_time", "end_time", "kind", "title"]
    ordering = ["date", "order"]


class SiteVisitInline(ProgrammeInline):
    model = SiteVisit
    fields = ["order", "date", "title", "place"]
    ordering = ["date", "order"]


@admin.register(Meeting)
class MeetingAdmin(KeepLinksAdminMixin, ImagePreviewAdminMixin, PublishableAdmin):
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
        (_("Publishing"), {"fields": ["status", "published_at"]}),
    ]

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None:
            # When every saved session and visit is a row of an inline, the inlines check
            # them against the submitted dates, and the meeting may move with them. An
            # editor who cannot see them gets the model's check of the saved rows instead.
            shown = [
                inline
                for inline in self.get_inline_instances(request, obj)
                if inline.has_view_or_change_permission(request, obj)
            ]
            obj.programme_submitted_with_it = len(shown) == len(self.inlines)
        return super().get_form(request, obj, **kwargs)

    def links_cut_by_deleting(self, meeting):
        """News and documents stay when their meeting goes; their link to it does not."""
        return [
            *((article, "meeting") for article in meeting.articles.all()),
            *((document, "meeting") for document in meeting.documents.all()),
            *(
                (document, "session")
                for session in meeting.sessions.all()
                for document in session.documents.all()
            ),
        ]


class ProgrammeItemAdmin(TranslatedVersionAdmin):
    """An item of a meeting's programme on its own page; the meeting's table links here."""

    list_select_related = ["meeting"]
    date_hierarchy = "date"
    autocomplete_fields = ["meeting"]
    edit_parent = "meeting"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The meeting's last-changed time guards its programme: a form opened on the
        # meeting before this save must not write the old item back.
        Meeting.objects.filter(pk=obj.meeting_id).update(updated_at=timezone.now())

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Recorded in the meeting's history too, which is where editors look for it.
        reversion.add_to_revision(Meeting.objects.get(pk=form.instance.meeting_id))


@admin.register(Session)
class SessionAdmin(ProgrammeItemAdmin):
    """Sessions are listed with their meeting; this list finds one across meetings."""

    list_display = ["title", "meeting", "date", "start_time", "order", "kind"]
    list_filter = ["kind", "meeting"]
    search_fields = ["title_bg", "title_en", "meeting__title_bg", "meeting__title_en"]
    autocomplete_fields = ["meeting", "led_by"]
    fields = [
        "meeting",
        ("order", "date", "start_time", "end_time"),
        "kind",
        "title",
        "summary",
        "speakers",
        "venue",
        "led_by",
    ]


@admin.register(SiteVisit)
class SiteVisitAdmin(ImagePreviewAdminMixin, ProgrammeItemAdmin):
    """A place visited during a meeting, with its picture and its point on the map."""

    list_display = ["title", "meeting", "date", "order", "place"]
    list_filter = ["meeting"]
    search_fields = ["title_bg", "title_en", "place_bg", "place_en"]
    completeness_fields = ("title", "place")
    fields = [
        "meeting",
        ("order", "date"),
        "title",
        "place",
        "description",
        ("latitude", "longitude"),
        "image",
        "image_alt",
        "image_decorative",
        "image_credit",
        "image_licence",
    ]
