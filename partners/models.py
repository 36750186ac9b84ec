from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from media.images import (
    Logo,
)
from publishing.fields import RichTextField
from publishing.models import (
    Publishable,
    PublishedQuerySet,
    TranslatedSlugMixin,
    make_slug_field,
    slug_constraints,
)


class PartnerKind(models.TextChoices):
    CITY = "city", _("City or municipality")
    UNIVERSITY = "university", _("University")
    COMPANY = "company", _("Company")
    NETWORK = "network", _("Network of cities")
    INSTITUTE = "institute", _("Institute or association")


class PartnerQuerySet(PublishedQuerySet):
    def cities(self):
        return self.filter(kind=PartnerKind.CITY)

    def on_map(self):
        return self.filter(latitude__isnull=False, longitude__isnull=False)


class Partner(TranslatedSlugMixin, Logo, Publishable):
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
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, e.g. 41.574 for Smolyan. Places the partner on the map."),
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
    twin_towns = models.ManyToManyField(
        "self",
        verbose_name=_("twin towns"),
        blank=True,
        symmetrical=True,
        help_text=_("Twinning works both ways: the other town lists this one too."),
    )

    objects = PartnerQuerySet.as_manager()

    class Meta(Publishable.Meta):
        ordering = ["name"]
        permissions = [("publish_partner", "Can publish partner")]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            *slug_constraints("partner"),
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
                name="partner_coordinates_valid",
                violation_error_message=_(
                    "Give both latitude and longitude, within -90…90 and -180…180."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:partner-detail", kwargs={"slug": self.slug})

    @property
    def is_city(self):
        return self.kind == PartnerKind.CITY

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _("Give both latitude and longitude, or neither."),
                code="coordinates",
            )
