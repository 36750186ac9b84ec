"""Indicator charts: an accessible SVG drawn on the server, with the same figures in a table."""

import re
from decimal import Decimal

import pytest
from django.utils import translation

from knowledge.charts import chart_of, points_of
from tests.factories import make_indicator, make_solution

pytestmark = pytest.mark.django_db


def solution_page(client, solution, language="en"):
    with translation.override(language):
        return client.get(solution.get_absolute_url()).content.decode()


def test_an_indicator_with_two_figures_is_drawn_with_title_description_and_table(client):
    solution = make_solution(title_en="Pool")
    indicator = make_indicator(
        solution,
        name_en="Energy bought",
        unit="MWh",
        values=[(2021, 120), (2022, "95.5")],
        baseline_value=140,
        baseline_year=2019,
        target_value=60,
        target_year=2025,
    )
    html = solution_page(client, solution)
    svg = re.search(r"<svg class=\"chart\"[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg
    labelled = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
    title = re.search(r'<title id="([^"]+)">([^<]*)</title>', svg)
    desc = re.search(r'<desc id="([^"]+)">([^<]*)</desc>', svg)
    assert labelled == [title.group(1), desc.group(1)]
    assert title.group(2) == "Energy bought (MWh)"
    assert desc.group(2) == (
        "Energy bought (MWh) by year. Baseline 2019: 140; Measured 2021: 120; "
        "Measured 2022: 95.5; Target 2025: 60."
    )
    table = html[html.index('<table class="indicator__table">') :]
    table = table[: table.index("</table>")]
    rows = [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    ][1:]
    assert [row[:3] for row in rows] == [
        ["2019", "Baseline", "140"],
        ["2021", "Measured", "120"],
        ["2022", "Measured", "95.5"],
        ["2025", "Target", "60"],
    ]
    # Each figure of the description is in the table, and each row is a point of the chart.
    for year, _label, value in (row[:3] for row in rows):
        assert f"{year}: {value}" in desc.group(2)
    assert len(re.findall(r"<circle ", svg)) == len(rows) == len(points_of(indicator))


def test_the_figures_follow_the_language_of_the_page(client):
    solution = make_solution()
    make_indicator(solution, name_bg="Енергия", values=[(2021, "1234.5"), (2022, 1000)])
    html = solution_page(client, solution, "bg")
    desc = re.search(r"<desc [^>]*>([^<]*)</desc>", html).group(1)
    assert (
        "Измерена стойност 2021: 1\u00a0234,5" in desc or "Измерена стойност 2021: 1234,5" in desc
    )
    assert "Енергия" in desc


def test_one_figure_is_a_table_without_a_chart(client):
    solution = make_solution()
    make_indicator(solution, values=[(2022, 10)])
    html = solution_page(client, solution)
    assert "<svg" not in html.split('id="indicators-heading"')[1]
    assert '<table class="indicator__table">' in html


def test_an_indicator_without_figures_shows_no_table(client):
    solution = make_solution()
    make_indicator(solution, name_en="Not measured yet")
    html = solution_page(client, solution)
    assert "Not measured yet" in html
    assert '<table class="indicator__table">' not in html


def test_the_chart_places_points_by_year_and_value():
    indicator = make_indicator(values=[(2020, 0), (2030, 100)])
    chart = chart_of(indicator)
    first, last = chart.points
    assert first.x < last.x and first.y > last.y  # Later to the right, higher up the page.
    assert (first.value, last.value) == (Decimal(0), Decimal(100))
    assert chart_of(make_indicator(values=[(2020, 5)])) is None
