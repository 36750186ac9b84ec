"""Knowledge as records: topics, solutions and the people to ask about them.

A solution's parts (its replication in other cities and its indicators) are in parts.py.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from events.models import Meeting, Session, SiteVisit
from knowledge.parts import (  # noqa: F401 (the models of the app are all here)
    Indicator,
    IndicatorValue,
    Replication,
    ReplicationStatus,
)
from news.models import Article
from partners.models import Partner
from projects.models import Project
from publishing.addresses import address
from publishing.fields import RichTextField
from publishing.models import (
    Publishable,
    PublishedQuerySet,
    Status,
    TranslatedSlugMixin,
    make_slug_field,
    publication_constraints,
    slug_constraints,
)


class Topic(TranslatedSlugMixin, models.Model):
    """A theme that gathers solutions, news, meetings, sessions, documents and projects."""

    name = models.CharField(_("name"), max_length=150)
    slug = make_slug_field("name")
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position in lists of topics: 1, 2, 3…")
    )
    articles = models.ManyToManyField(
        Article, related_name="topics", verbose_name=_("articles"), blank=True
    )
    meetings = models.ManyToManyField(
        Meeting, related_name="topics", verbose_name=_("meetings"), blank=True
    )
    sessions = models.ManyToManyField(
        Session, related_name="topics", verbose_name=_("sessions"), blank=True
    )
    documents = models.ManyToManyField(
        Document, related_name="topics", verbose_name=_("documents"), blank=True
    )
    projects = models.ManyToManyField(
        Project, related_name="topics", verbose_name=_("projects"), blank=True
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    slug_source = "name"

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = slug_constraints("topic")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("topics:topic-detail", slug=self.slug)


class Basis(models.TextChoices):
    """Why a person's name may be published."""

    CONSENT = "consent", _("Consent given")
    PUBLIC_OFFICE = "public_office", _("Holder of public office")


class PersonQuerySet(PublishedQuerySet):
    def published(self):
        """People whose names may be shown: published, and with a recorded basis."""
        return super().published().exclude(basis="")


class Person(Publishable):
    """Someone to ask about a solution, or a speaker; shown only with a recorded basis."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role or position"), max_length=250, blank=True, help_text=_("E.g. Deputy Mayor.")
    )
    organisation = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        related_name="people",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
    )
    basis = models.CharField(
        _("basis for publishing the name"),
        max_length=20,
        choices=Basis,
        blank=True,
        help_text=_(
            "A name is published only with the person's consent or as the holder of a "
            "public office. Without a basis the person stays a draft."
        ),
    )
    basis_note = models.CharField(
        _("record of the basis"),
        max_length=300,
        blank=True,
        help_text=_("Where the consent is kept, or which office the person holds."),
    )
    spoke_at = models.ManyToManyField(
        Session, related_name="speaker_people", verbose_name=_("speaker at"), blank=True
    )
    led = models.ManyToManyField(
        Session, related_name="leader_people", verbose_name=_("led"), blank=True
    )

    objects = PersonQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["name", "pk"]
        permissions = [("publish_person", "Can publish person")]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            *publication_constraints("person"),
            models.CheckConstraint(
                condition=Q(status=Status.DRAFT) | ~Q(basis=""),
                name="person_published_has_basis",
                violation_error_message=_(
                    "A person's name is published only with a recorded basis: consent or "
                    "public office."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.status == Status.PUBLISHED and not self.basis:
            raise ValidationError(
                {"basis": _("Record the basis before publishing the name.")}, code="no_basis"
            )


class Solution(TranslatedSlugMixin, Publishable):
    """A knowledge card: what was tried, where, what came of it, and who to ask."""

    title = models.CharField(_("title"), max_length=250)
    slug = make_slug_field()
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences, shown in lists and search results.")
    )
    description = RichTextField(_("description"), blank=True)
    topics = models.ManyToManyField(
        Topic, related_name="solutions", verbose_name=_("topics"), blank=True
    )
    projects = models.ManyToManyField(
        Project, related_name="solutions", verbose_name=_("projects"), blank=True
    )
    organisations = models.ManyToManyField(
        Partner,
        related_name="solutions",
        verbose_name=_("organisations behind it"),
        blank=True,
    )
    worked = models.TextField(_("what worked"), blank=True)
    did_not_work = models.TextField(_("what did not work"), blank=True)
    advice = models.TextField(
        _("advice for a city starting now"),
        blank=True,
    )
    sessions = models.ManyToManyField(
        Session,
        related_name="solutions",
        verbose_name=_("sessions where it was presented"),
        blank=True,
    )
    site_visits = models.ManyToManyField(
        SiteVisit,
        related_name="solutions",
        verbose_name=_("site visits where it was seen"),
        blank=True,
    )
    documents = models.ManyToManyField(
        Document, related_name="solutions", verbose_name=_("documents about it"), blank=True
    )
    articles = models.ManyToManyField(
        Article, related_name="solutions", verbose_name=_("news about it"), blank=True
    )
    contact_people = models.ManyToManyField(
        Person, related_name="solutions", verbose_name=_("contact people"), blank=True
    )
    contact_partners = models.ManyToManyField(
        Partner,
        related_name="solutions_to_ask",
        verbose_name=_("contact organisations"),
        blank=True,
    )

    translation_parts = ("replications", "indicators")
    # Shown on the solution's own page only (publishing: PublishedQuerySet.for_lists).
    page_texts = ("description", "worked", "did_not_work", "advice")

    class Meta(Publishable.Meta):
        ordering = [F("published_at").desc(nulls_first=True), "pk"]
        permissions = [("publish_solution", "Can publish solution")]
        get_latest_by = "published_at"
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        constraints = [*slug_constraints("solution"), *publication_constraints("solution")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address("knowledge:solution-detail", slug=self.slug)
