from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext_lazy

from media.images import (
    Logo,
)
from partners.models import Partner
from publishing.addresses import address
from publishing.collation import by_name
from publishing.fields import RichTextField
from publishing.models import (
    Publishable,
    TranslatedSlugMixin,
    make_slug_field,
    publication_constraints,
    slug_constraints,
)


class Colour(models.TextChoices):
    """The colour of a project's mark and cards; white text is readable on each (≥ 7:1)."""

    TEAL = "teal", _("Teal")
    BLUE = "blue", _("Blue")
    GREEN = "green", _("Green")
    PLUM = "plum", _("Plum")
    RUST = "rust", _("Rust")
    SLATE = "slate", _("Slate")


class Project(TranslatedSlugMixin, Logo, Publishable):
    """An EU or national project in which Smolyan takes part."""

    title = models.CharField(_("title"), max_length=200)
    slug = make_slug_field()
    acronym = models.CharField(
        _("acronym"),
        max_length=40,
        blank=True,
        help_text=_("The short name the project is known by, e.g. +CityxChange."),
    )
    programme = models.CharField(
        _("funding programme"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Horizon 2020"),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_("One or two sentences, shown in lists and search results."),
    )
    description = RichTextField(_("description"), blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=10,
        choices=Colour,
        default=Colour.TEAL,
        help_text=_(
            "Marks the project's cards, and its news and meetings that have no photo, "
            "together with its logo or acronym."
        ),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    eu_funded = models.BooleanField(
        _("funded by the EU"),
        default=True,
        help_text=_("Shows the EU emblem with the funding statement."),
    )
    funding_statement = models.TextField(
        _("funding statement"),
        blank=True,
        help_text=_(
            "The acknowledgement the grant requires, e.g. the grant agreement number and programme."
        ),
    )
    consortium_size = models.PositiveSmallIntegerField(
        _("partners in the consortium"),
        null=True,
        blank=True,
        help_text=_(
            "How many partners the whole project has, e.g. 32 for +CityxChange. Pages show "
            "it beside the partners this portal lists, which are counted by themselves."
        ),
    )
    partners = models.ManyToManyField(
        Partner,
        through="Participation",
        related_name="projects",
        verbose_name=_("partners"),
        blank=True,
    )

    # Shown on the project's own page only (publishing: PublishedQuerySet.for_lists).
    page_texts = ("description", "funding_statement")

    class Meta(Publishable.Meta):
        # Newest first, and a project with no start date after those with one in every
        # database (PostgreSQL puts NULL first in a descending order, SQLite last).
        ordering = [F("start_date").desc(nulls_last=True), "title"]
        permissions = [("publish_project", "Can publish project")]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            *slug_constraints("project"),
            *publication_constraints("project"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="project_ends_after_start",
                violation_error_message=_("A project cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.acronym or self.title

    def get_absolute_url(self):
        return address("projects:project-detail", slug=self.slug)

    @property
    def mark(self):
        """The letters of the project's mark when it has no logo: its acronym, or an initial."""
        return self.acronym or self.title[:1].upper()

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date is before the start date.")}, code="dates"
            )


class Role(models.TextChoices):
    """A partner's part in a project, declared in the order pages list the roles."""

    COORDINATOR = "coordinator", _("Coordinator")
    LIGHTHOUSE = "lighthouse", _("Lighthouse city")
    FOLLOWER = "follower", _("Follower city")
    PARTNER = "partner", _("Partner")

    @property
    def group_label(self):
        """The heading over the partners who share the role, e.g. "Follower cities"."""
        return ROLE_GROUP_LABELS[self]

    def group_heading(self, count):
        """The heading over `count` partners who share the role: "Lighthouse city" for one."""
        return ROLE_GROUP_HEADINGS[self] % {"count": count}


ROLE_GROUP_LABELS = {
    Role.COORDINATOR: _("Coordinator"),
    Role.LIGHTHOUSE: _("Lighthouse cities"),
    Role.FOLLOWER: _("Follower cities"),
    Role.PARTNER: _("Partners"),
}

ROLE_GROUP_HEADINGS = {
    Role.COORDINATOR: npgettext_lazy("heading", "Coordinator", "Coordinators", "count"),
    Role.LIGHTHOUSE: npgettext_lazy("heading", "Lighthouse city", "Lighthouse cities", "count"),
    Role.FOLLOWER: npgettext_lazy("heading", "Follower city", "Follower cities", "count"),
    Role.PARTNER: npgettext_lazy("heading", "Partner", "Partners", "count"),
}


def partners_by_role(participations):
    """The participations' partners under their role's heading: roles in order, names A–Z."""
    partners = {}
    for participation in participations:
        partners.setdefault(participation.role, []).append(participation.partner)
    return [
        {
            "role": role,
            "label": role.group_heading(len(partners[role])),
            "partners": by_name(partners[role]),
        }
        for role in Role
        if role in partners
    ]


class Participation(models.Model):
    """A partner's role in a project."""

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("project"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("partner"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.PARTNER)

    class Meta:
        ordering = ["project", "role", "partner__name"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "partner"],
                name="participation_unique_partner_per_project",
                violation_error_message=_("This partner is already in the project."),
            )
        ]

    def __str__(self):
        return f"{self.partner} – {self.get_role_display()} ({self.project})"
