"""Dates and date ranges as Bulgarian and English write them, on one line."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from publishing.templatetags.pages import date_range_text, long_date

NBSP = "\u00a0"
JUNE_6 = datetime.date(2023, 6, 6)


def nb(text):
    """`text` with its spaces made non-breaking, as the pages write dates."""
    return text.replace(" ", NBSP)


@pytest.mark.parametrize(("lang", "expected"), [("bg", "6 юни 2023 г."), ("en", "6 June 2023")])
def test_a_date_never_breaks_across_lines(lang, expected):
    with translation.override(lang):
        assert long_date(JUNE_6) == nb(expected)


@pytest.mark.parametrize(
    ("start", "end", "bg", "en"),
    [
        ((2023, 6, 6), (2023, 6, 7), "6–7 юни 2023 г.", "6–7 June 2023"),
        ((2023, 5, 30), (2023, 6, 2), "30 май – 2 юни 2023 г.", "30 May – 2 June 2023"),
        (
            (2023, 12, 30),
            (2024, 1, 2),
            "30 декември 2023 г. – 2 януари 2024 г.",
            "30 December 2023 – 2 January 2024",
        ),
        ((2023, 6, 6), (2023, 6, 6), "6 юни 2023 г.", "6 June 2023"),
        ((2023, 6, 6), None, "6 юни 2023 г.", "6 June 2023"),
    ],
)
def test_ranges_are_shortened_with_an_en_dash(start, end, bg, en):
    start = datetime.date(*start)
    end = datetime.date(*end) if end else None
    for lang, expected in [("bg", bg), ("en", en)]:
        with translation.override(lang):
            # Only the space after a spaced dash may break.
            assert date_range_text(start, end) == nb(expected).replace(f"–{NBSP}", "– ")


def test_range_markup_keeps_both_days_machine_readable():
    template = Template("{% load pages %}({% date_range start end %})")
    with translation.override("bg"):
        html = template.render(Context({"start": JUNE_6, "end": datetime.date(2023, 6, 7)}))
    # In a span kept on one line: a browser may break after a bare en dash.
    assert html == (
        f'(<span class="date-range"><time datetime="2023-06-06">6</time>–'
        f'<time datetime="2023-06-07">7{NBSP}юни{NBSP}2023{NBSP}г.</time></span>)'
    )
