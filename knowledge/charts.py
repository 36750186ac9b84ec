"""Indicator charts drawn on the server as SVG, with the same figures as a table.

No script draws them: the page carries an <svg role="img"> with a title and a
description, and a table beside it holds every figure the chart shows, so a screen
reader, a printout and a visitor who cannot see the chart all get the same data.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 480, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36


@dataclass
class Point:
    year: int
    value: Decimal
    kind: str  # "baseline", "measured" or "target"
    label: str
    source: object = None
    source_url: str = ""
    x: float = 0
    y: float = 0

    @property
    def shown_value(self):
        return number(self.value)


@dataclass
class Chart:
    indicator: object
    points: list
    ticks: list = field(default_factory=list)
    line: str = ""

    width = WIDTH
    height = HEIGHT

    @property
    def title(self):
        return str(self.indicator)

    @property
    def description(self):
        figures = "; ".join(
            f"{point.label} {point.year}: {point.shown_value}" for point in self.points
        )
        return _("%(name)s by year. %(figures)s.") % {"name": self.title, "figures": figures}

    @property
    def measured(self):
        return [point for point in self.points if point.kind == "measured"]


def number(value):
    """A figure as the page's language writes it, without trailing zeros."""
    normal = value.normalize()
    places = max(-normal.as_tuple().exponent, 0)
    return number_format(value, decimal_pos=places, use_l10n=True)


def points_of(indicator):
    """The indicator's figures with their year, oldest first: baseline, measured, target."""
    points = []
    if indicator.baseline_value is not None and indicator.baseline_year:
        points.append(
            Point(indicator.baseline_year, indicator.baseline_value, "baseline", _("Baseline"))
        )
    for value in indicator.values.all():
        points.append(
            Point(
                value.year,
                value.value,
                "measured",
                _("Measured"),
                value.source_document,
                value.source_url,
            )
        )
    if indicator.target_value is not None and indicator.target_year:
        points.append(Point(indicator.target_year, indicator.target_value, "target", _("Target")))
    order = {"baseline": 0, "measured": 1, "target": 2}
    return sorted(points, key=lambda point: (point.year, order[point.kind]))


def chart_of(indicator, points=None):
    """The chart of an indicator with two figures or more; None for fewer."""
    points = points_of(indicator) if points is None else points
    if len(points) < 2:
        return None
    years = [point.year for point in points]
    values = [point.value for point in points]
    low, high = min(min(values), Decimal(0)), max(values)
    span_years = max(years) - min(years) or 1
    span_values = (high - low) or Decimal(1)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    for point in points:
        point.x = round(LEFT + (point.year - min(years)) / span_years * plot_width, 1)
        point.y = round(TOP + float((high - point.value) / span_values) * plot_height, 1)
    ticks = [
        {"value": number(value), "y": round(TOP + float((high - v) / span_values) * plot_height, 1)}
        for v in sorted({low, high})
        for value in [v]
    ]
    line = " ".join(f"{point.x},{point.y}" for point in points if point.kind != "target")
    return Chart(indicator, points, ticks, line)
