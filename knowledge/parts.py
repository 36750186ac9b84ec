"""The parts of a solution: its replication city by city, and its indicators with values."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from partners.models import Partner

FIRST_YEAR, LAST_YEAR = 1900, 2100


def year_validators():
    message = _("Give a year between 1900 and 2100.")
    return [
        MinValueValidator(FIRST_YEAR, message=message),
        MaxValueValidator(LAST_YEAR, message=message),
    ]


def year_field(verbose_name, **kwargs):
    return models.PositiveSmallIntegerField(
        verbose_name, null=True, blank=True, validators=year_validators(), **kwargs
    )


def year_in_range(field):
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__range": (FIRST_YEAR, LAST_YEAR)})


class ReplicationStatus(models.TextChoices):
    LIGHTHOUSE = "lighthouse", _("Implemented as lighthouse")
    DEMONSTRATING = "demonstrating", _("Demonstrating")
    PLANNED = "planned", _("Planned")
    ADAPTING = "adapting", _("Adapting")
    REPLICATED = "replicated", _("Replicated")
    NOT_PURSUED = "not_pursued", _("Not pursued")
    UNKNOWN = "unknown", _("Unknown")


class Replication(models.Model):
    """Where a city stands with a solution."""

    solution = models.ForeignKey(
        "knowledge.Solution",
        on_delete=models.CASCADE,
        related_name="replications",
        verbose_name=_("solution"),
    )
    city = models.ForeignKey(
        Partner, on_delete=models.PROTECT, related_name="replications", verbose_name=_("city")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReplicationStatus, default=ReplicationStatus.UNKNOWN
    )
    year = year_field(_("year"), help_text=_("Only when a source states it."))
    note = models.TextField(_("note"), blank=True)
    evidence_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        related_name="replications",
        verbose_name=_("evidence document"),
        null=True,
        blank=True,
    )
    evidence_url = models.URLField(_("evidence link"), blank=True)

    class Meta:
        ordering = ["solution", "city__name_bg", "pk"]
        verbose_name = _("replication in a city")
        verbose_name_plural = _("replication by city")
        constraints = [
            models.UniqueConstraint(
                fields=["solution", "city"],
                name="replication_unique_city",
                violation_error_message=_("This city is listed for this solution already."),
            ),
            models.CheckConstraint(
                condition=year_in_range("year"),
                name="replication_year_in_range",
                violation_error_message=_("The year is out of range."),
            ),
        ]

    def __str__(self):
        return f"{self.city}: {self.get_status_display()}"


class Indicator(models.Model):
    """A measure of what a solution achieved: a baseline, a target and measured values."""

    solution = models.ForeignKey(
        "knowledge.Solution",
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("solution"),
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("E.g. MWh, %."))
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_year = year_field(_("baseline year"))
    target_value = models.DecimalField(
        _("target value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_year = year_field(_("target year"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["solution", "order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=year_in_range("baseline_year") & year_in_range("target_year"),
                name="indicator_years_in_range",
                violation_error_message=_("A year is out of range."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})" if self.unit else self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.baseline_value is not None and self.baseline_year is None:
            errors["baseline_year"] = _("Give the year of the baseline value.")
        if self.target_value is not None and self.target_year is None:
            errors["target_year"] = _("Give the year of the target value.")
        if errors:
            raise ValidationError(errors)


class IndicatorValue(models.Model):
    """A value of an indicator measured in a year, with where it comes from."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    # Nullable so that a missing year is refused with our own words, not the generic ones.
    year = year_field(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    source_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        related_name="indicator_values",
        verbose_name=_("source document"),
        null=True,
        blank=True,
    )
    source_url = models.URLField(_("source link"), blank=True)

    class Meta:
        ordering = ["indicator", "year", "pk"]
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=False, year__range=(FIRST_YEAR, LAST_YEAR)),
                name="indicatorvalue_year_in_range",
                violation_error_message=_("A measured value needs its year, 1900 to 2100."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"],
                name="indicatorvalue_unique_year",
                violation_error_message=_("This indicator has a value for this year already."),
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.value}"

    def clean(self):
        super().clean()
        if self.year is None:
            raise ValidationError(
                {"year": _("Give the year this value was measured in.")}, code="no_year"
            )
