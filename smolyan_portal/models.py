"""The accessibility statement and the feedback visitors send through it."""

import calendar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.fields import RichTextField

# Handled feedback is deleted this long after it was handled (the privacy notice says so).
FEEDBACK_RETENTION_MONTHS = 12


def add_months(moment, months):
    """The same day and time `months` later (earlier if negative), or the month's last day.

    For a date or a datetime: 31 March and one month is 30 April; 29 February and twelve
    months is 28 February.
    """
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


class ConformanceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class PreparationMethod(models.TextChoices):
    SELF_ASSESSMENT = "self", _("self-assessment")
    THIRD_PARTY = "third-party", _("assessment by a third party")


class AccessibilityStatement(models.Model):
    """The site's accessibility statement, after the EU model (Implementing Decision 2018/1523)."""

    # There is one statement: every save writes the same row.
    SINGLETON_PK = 1

    conformance_status = models.CharField(
        _("conformance status"),
        max_length=20,
        choices=ConformanceStatus,
        default=ConformanceStatus.PARTIAL,
        help_text=_(
            "Compliance with EN 301 549 (WCAG 2.1 level AA). Choose “fully compliant” only "
            "after an audit has found no non-compliance."
        ),
    )
    non_accessible_content = RichTextField(
        _("content that is not accessible"),
        help_text=_(
            "What is not accessible and why: non-compliances, disproportionate burden, content "
            "outside the scope of the law; and the accessible alternatives offered."
        ),
    )
    preparation_method = models.CharField(
        _("how the statement was prepared"),
        max_length=20,
        choices=PreparationMethod,
        default=PreparationMethod.SELF_ASSESSMENT,
    )
    preparation_details = RichTextField(
        _("details of the assessment"),
        blank=True,
        help_text=_("Who assessed the site, with which methods and tools."),
    )
    prepared_on = models.DateField(
        _("date of preparation"), help_text=_("When this statement was first prepared.")
    )
    reviewed_on = models.DateField(
        _("date of last review"),
        help_text=_(
            "When the statement was last checked against the site. Review it at least once a "
            "year; the admin reminds you when a year has passed."
        ),
    )
    feedback_email = models.EmailField(
        _("feedback e-mail"),
        help_text=_("Where visitors can report accessibility problems and ask for content."),
    )
    feedback_phone = models.CharField(
        _("feedback phone"),
        max_length=40,
        blank=True,
        help_text=_("In international form, starting with +359."),
    )
    enforcement_procedure = RichTextField(
        _("enforcement procedure"),
        help_text=_(
            "What a visitor can do when our answer to their feedback does not satisfy them."
        ),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statement")
        constraints = [
            models.CheckConstraint(
                condition=Q(id=1),
                name="accessibility_statement_singleton",
                violation_error_message=_("The site has one accessibility statement."),
            )
        ]

    def __str__(self):
        return str(_("Accessibility statement"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accessibility")

    @classmethod
    def current(cls):
        """The statement, or None before one has been written."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first()

    @property
    def review_due_on(self):
        return add_months(self.reviewed_on, 12)

    def is_review_due(self, today=None):
        """A year has passed since the last review."""
        today = today or timezone.localdate()
        return today >= self.review_due_on


class FeedbackQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(handled=False)

    def expired(self, now=None):
        """Handled messages past their retention period, which the privacy notice promises."""
        cutoff = add_months(now or timezone.now(), -FEEDBACK_RETENTION_MONTHS)
        return self.filter(
            Q(handled_at__lt=cutoff) | Q(handled_at__isnull=True, created_at__lt=cutoff),
            handled=True,
        )


class Feedback(models.Model):
    """A message a visitor sent through the form on the accessibility statement."""

    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    message = models.TextField(_("message"), max_length=5000)
    page_url = models.CharField(
        _("page"),
        max_length=500,
        blank=True,
        help_text=_("The page the visitor named, or came from."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    handled = models.BooleanField(_("handled"), default=False, db_index=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self):
        first_line = self.message.strip().splitlines()[0] if self.message.strip() else ""
        return first_line[:60] or str(_("(empty message)"))


class AdminLanguage(models.Model):
    """The language a member of staff chose for the admin, kept with their account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="admin_language",
        verbose_name=_("user"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        ordering = ["user"]
        verbose_name = _("admin language")
        verbose_name_plural = _("admin languages")

    def __str__(self):
        return f"{self.user}: {self.get_language_display()}"
