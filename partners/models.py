from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext_lazy
from django_countries.fields import CountryField

from media.images import Logo
from publishing.addresses import address
from publishing.fields import RichTextField
from publishing.models import (
    Publishable,
    TranslatedSlugMixin,
    make_slug_field,
    publication_constraints,
    slug_constraints,
)


class PartnerKind(models.TextChoices):
    """What a partner is, declared in the order pages list the kinds."""

    CITY = "city", _("City or municipality")
    UNIVERSITY = "university", _("University")
    COMPANY = "company", _("Company")
    NETWORK = "network", _("Network of cities")
    INSTITUTE = "institute", _("Institute or association")

    @property
    def group_label(self):
        """The heading over the partners of this kind, e.g. "Universities"."""
        return KIND_GROUP_LABELS[self]

    def group_heading(self, count):
        """The heading over `count` partners of this kind: "University" for one."""
        return KIND_GROUP_HEADINGS[self] % {"count": count}


KIND_GROUP_LABELS = {
    PartnerKind.CITY: _("Cities and municipalities"),
    PartnerKind.UNIVERSITY: _("Universities"),
    PartnerKind.COMPANY: _("Companies"),
    PartnerKind.NETWORK: _("Networks of cities"),
    PartnerKind.INSTITUTE: _("Institutes and associations"),
}

KIND_GROUP_HEADINGS = {
    PartnerKind.CITY: npgettext_lazy(
        "heading", "City or municipality", "Cities and municipalities", "count"
    ),
    PartnerKind.UNIVERSITY: npgettext_lazy("heading", "University", "Universities", "count"),
    PartnerKind.COMPANY: npgettext_lazy("heading", "Company", "Companies", "count"),
    PartnerKind.NETWORK: npgettext_lazy(
        "heading", "Network of cities", "Networks of cities", "count"
    ),
    PartnerKind.INSTITUTE: npgettext_lazy(
        "heading", "Institute or association", "Institutes and associations", "count"
    ),
}


class Coordinates(models.Model):
    """A point on the map, in decimal degrees: both latitude and longitude, or neither.

    Partners and the places visited at meetings share it, so the pair has one set of
    checks: each field's range, and one constraint that the database holds and
    full_clean() reports in words.
    """

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, e.g. 41.574 for Smolyan. Places it on the map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, e.g. 24.701 for Smolyan."),
    )

    class Meta:
        abstract = True
        # A model that declares its own Meta lists these among its constraints.
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="%(class)s_coordinates_valid",
                violation_error_message=_(
                    "Give both latitude and longitude, within -90…90 and -180…180."
                ),
            ),
        ]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        """A link to the point on OpenStreetMap; followed only when the visitor clicks it."""
        if not self.has_coordinates:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=16/{self.latitude}/{self.longitude}"
        )


class Partner(TranslatedSlugMixin, Logo, Coordinates, Publishable):
    """A city or an organisation that works with Smolyan in a project."""

    slug_source = "name"

    name = models.CharField(_("name"), max_length=200)
    slug = make_slug_field("name")
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind, db_index=True)
    country = CountryField(_("country"), db_index=True)
    city = models.CharField(
        _("city"),
        max_length=100,
        blank=True,
        help_text=_("Where the partner is based; for a city, the city itself."),
    )
    description = RichTextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    twin_towns = models.ManyToManyField(
        "self",
        verbose_name=_("twin towns"),
        blank=True,
        symmetrical=True,
        help_text=_("Twinning works both ways: the other town lists this one too."),
    )

    # Shown on the partner's own page only (publishing: PublishedQuerySet.for_lists).
    page_texts = ("description",)

    class Meta(Publishable.Meta):
        ordering = ["name"]
        permissions = [("publish_partner", "Can publish partner")]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            *slug_constraints("partner"),
            *publication_constraints("partner"),
            *Coordinates.Meta.constraints,
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("partners:partner-detail", slug=self.slug)

    @property
    def is_city(self):
        return self.kind == PartnerKind.CITY
