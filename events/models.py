"""Meetings, their sessions and their site visits.

Sessions and site visits fall within their meeting's dates. The models are where this
rule is authoritative: `Meeting.date_error()` states it, and full_clean() applies it to a
session, to a visit, and to a meeting whose new dates would leave its saved programme
outside; the admin's inline formsets ask the same function with the submitted dates. The
database does not hold it: a CHECK constraint cannot read another table, and SQLite
cannot defer a trigger to the end of a transaction, which moving a meeting together with
its programme needs. Code that writes these rows outside a form calls full_clean() first,
as the demo loader does.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from media.images import (
    CleanedImageField,
    CoverImage,
    ImageFieldsMixin,
    credit_field,
    image_upload_to,
    licence_field,
    renditions_made_field,
    validate_image_file,
)
from partners.models import Coordinates, Partner
from projects.models import Project
from publishing.addresses import address
from publishing.fields import RichTextField
from publishing.models import (
    Publishable,
    PublishedQuerySet,
    TranslatedSlugMixin,
    make_slug_field,
    publication_constraints,
    slug_constraints,
)


class MeetingQuerySet(PublishedQuerySet):
    def upcoming(self):
        """Meetings that have not ended yet, soonest first."""
        return self.filter(end_date__gte=timezone.localdate()).order_by("start_date")

    def past(self):
        """Meetings that have ended, latest first."""
        return self.filter(end_date__lt=timezone.localdate()).order_by("-start_date")


class Meeting(TranslatedSlugMixin, CoverImage, Publishable):
    """A partner meeting of one or more days, with its programme and site visits."""

    title = models.CharField(_("title"), max_length=200)
    slug = make_slug_field()
    project = models.ForeignKey(
        Project,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("project"),
        null=True,
        blank=True,
    )
    host = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="meetings_hosted",
        verbose_name=_("host"),
        null=True,
        blank=True,
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(
        _("last day"), help_text=_("The same as the first day for a one-day meeting.")
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences, shown in lists and search results.")
    )
    body = RichTextField(_("report"), blank=True, help_text=_("What happened at the meeting."))
    outcomes = RichTextField(
        _("outcomes"), blank=True, help_text=_("What the partners agreed on or take away.")
    )
    participants = models.ManyToManyField(
        Partner,
        related_name="meetings_attended",
        verbose_name=_("participating partners"),
        blank=True,
    )

    objects = MeetingQuerySet.as_manager()

    # Their texts count towards the meeting's translation (publishing.translations).
    translation_parts = ("sessions", "site_visits")
    # Shown on the meeting's own page only (publishing: PublishedQuerySet.for_lists).
    page_texts = ("body", "outcomes")

    # Set by the admin, where the programme is edited on the meeting's own page: there
    # its inline formsets check each submitted day against the submitted dates, so that
    # a meeting and its programme can move together in one save.
    programme_submitted_with_it = False

    class Meta(Publishable.Meta):
        ordering = ["-start_date"]
        permissions = [("publish_meeting", "Can publish meeting")]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            *slug_constraints("meeting"),
            *publication_constraints("meeting"),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="meeting_ends_on_or_after_start",
                violation_error_message=_("A meeting cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address("events:meeting-detail", slug=self.slug)

    def clean(self):
        super().clean()
        if not (self.start_date and self.end_date):
            return
        if self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The last day is before the first day.")}, code="dates"
            )
        if self.pk is not None and not self.programme_submitted_with_it:
            self.validate_saved_programme()

    def date_error(self, day):
        """Why `day` cannot be in this meeting's programme, or None when it is within its dates.

        The one statement of the rule: the sessions' and visits' clean(), this meeting's
        own clean() and the admin's inline formsets all ask it.
        """
        if self.start_date <= day <= self.end_date:
            return None
        return _("%(day)s is outside the meeting's dates (%(start)s – %(end)s).") % {
            "day": date_format(day),
            "start": date_format(self.start_date),
            "end": date_format(self.end_date),
        }

    def validate_saved_programme(self):
        """Refuse dates that would leave a saved session or site visit of this meeting outside."""
        errors = [
            _("“%(title)s”: %(error)s") % {"title": item.title, "error": self.date_error(item.date)}
            for items in (self.sessions, self.site_visits)
            for item in items.exclude(date__range=(self.start_date, self.end_date))
        ]
        if errors:
            raise ValidationError(errors, code="programme_outside")


class SessionKind(models.TextChoices):
    OPENING = "opening", _("Opening")
    PRESENTATION = "presentation", _("Presentation")
    SEMINAR = "seminar", _("Seminar")
    PANEL = "panel", _("Panel")
    DISCUSSION = "discussion", _("Discussion")
    WORKSHOP = "workshop", _("Workshop")


class Session(models.Model):
    """An item of a meeting's programme."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), help_text=_("Position in the programme: 1, 2, 3…")
    )
    date = models.DateField(_("date"), help_text=_("A day within the meeting's dates."))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(
        _("kind"), max_length=20, choices=SessionKind, default=SessionKind.PRESENTATION
    )
    summary = models.TextField(_("summary"), blank=True)
    venue = models.CharField(
        _("venue"),
        max_length=250,
        blank=True,
        help_text=_("Only when it differs from the meeting's."),
    )
    led_by = models.ManyToManyField(
        Partner, related_name="sessions_led", verbose_name=_("led by"), blank=True
    )
    speakers = models.TextField(
        _("speakers"), blank=True, help_text=_("Names and roles of the speakers, one per line.")
    )

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="session_unique_order_per_meeting",
                violation_error_message=_("Another session of this meeting has this position."),
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gte=F("start_time")),
                name="session_ends_after_start",
                violation_error_message=_("A session cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"session-{self.order}"

    def clean(self):
        super().clean()
        errors = {}
        if self.meeting_id and self.date and (error := self.meeting.date_error(self.date)):
            errors["date"] = error
        if self.start_time and self.end_time and self.end_time < self.start_time:
            errors["end_time"] = _("The session ends before it starts.")
        if errors:
            raise ValidationError(errors)


class SiteVisit(ImageFieldsMixin, Coordinates, models.Model):
    """A place the partners visited during a meeting."""

    alt_text_images = ("image",)

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="site_visits", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    date = models.DateField(_("date"), help_text=_("A day within the meeting's dates."))
    title = models.CharField(_("title"), max_length=250)
    place = models.CharField(_("place"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    image = CleanedImageField(
        _("image"),
        upload_to=image_upload_to,
        blank=True,
        validators=[validate_image_file],
        width_field="image_width",
        height_field="image_height",
        renditions_field="image_renditions",
    )
    image_width = models.PositiveIntegerField(_("width in pixels"), null=True, editable=False)
    image_height = models.PositiveIntegerField(_("height in pixels"), null=True, editable=False)
    image_renditions = renditions_made_field()
    image_alt = models.CharField(_("image alt text"), max_length=250, blank=True)
    image_decorative = models.BooleanField(_("image is decorative"), default=False)
    image_credit = credit_field()
    image_licence = licence_field()

    class Meta:
        ordering = ["meeting", "date", "order"]
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="sitevisit_unique_order_per_meeting",
                violation_error_message=_("Another site visit of this meeting has this position."),
            ),
            *Coordinates.Meta.constraints,
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"visit-{self.order}"

    def clean(self):
        super().clean()
        if self.meeting_id and self.date and (error := self.meeting.date_error(self.date)):
            raise ValidationError({"date": error})
