"""Every public page of the demo, in both languages, read for words that are wrong.

Counts that disagree with their noun, a doubled full stop after "г.", a Latin K in a
Bulgarian file size, dates broken across lines, a space before ")", and spellings the
glossary (docs/glossary.md) rules out. The pages come from the sitemap, so a new page
type is read as soon as it is listed there.
"""

import datetime
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation

from partners.models import PartnerKind
from projects.models import Role
from publishing.templatetags.pages import long_date
from tests.glossary import avoided_terms

# The demo is loaded once for the module; each test needs the test database set up first.
pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
BLOCKS = {
    "p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "tr", "td", "th", "div", "section",
    "article", "header", "footer", "nav", "main", "figcaption", "br", "ul", "ol", "dl",
    "option", "button", "label", "title", "address",
}  # fmt: skip


class PageText(HTMLParser):
    """The text a reader sees: inline markup joined, blocks on lines of their own."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style", "template"}:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in {"script", "style", "template"}:
            self.hidden -= 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html)
        return "".join(parser.parts)


@pytest.fixture(scope="module")
def demo_pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """{(language, path): (html, text)} of every page in the sitemap, and the search page."""
    media = tmp_path_factory.mktemp("demo-media")
    pages = {}
    # Read from the primary: the replica's connection cannot see into this transaction.
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, READ_REPLICA_ALIAS=None),
    ):
        with transaction.atomic():
            call_command("load_demo", verbosity=0)
            client = Client()
            sitemap = client.get("/sitemap.xml").content.decode()
            paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
            paths += ["/bg/tarsene/?q=Смолян", "/en/search/?q=Smolyan"]
            for path in paths:
                response = client.get(path)
                assert response.status_code == 200, path
                html = response.content.decode()
                pages[(path.split("/")[1], path)] = (html, PageText.of(html))
            # The demo leaves nothing behind for the other tests.
            transaction.set_rollback(True)
    cache.clear()
    return pages


def each_page(demo_pages, check):
    """{page: what `check(language, text, html)` found} for the pages where it found any."""
    found = {}
    for (language, path), (html, text) in demo_pages.items():
        if problems := check(language, text, html):
            found[path] = problems
    return found


def test_the_sweep_reads_every_page_type_in_both_languages(demo_pages):
    paths = [path for _language, path in demo_pages]
    assert len(paths) >= 40
    for prefix in ("/bg/novini/", "/en/meetings/", "/bg/partnyori/", "/en/projects/", "/bg/"):
        assert any(path.startswith(prefix) and path != prefix for path in paths) or prefix == "/bg/"


# Numbers and nouns


NOUNS = {
    # (singular, plural) as they follow a number.
    "bg": [
        ("партньор", "партньори"),
        ("държава", "държави"),
        ("документ", "документа"),
        ("статия", "статии"),
        ("проект", "проекта"),
        ("среща", "срещи"),
        ("сесия", "сесии"),
        ("град", "града"),
    ],
    "en": [
        ("partner", "partners"),
        ("country", "countries"),
        ("document", "documents"),
        ("article", "articles"),
        ("project", "projects"),
        ("meeting", "meetings"),
        ("session", "sessions"),
        ("city", "cities"),
    ],
}
# The plural of a Bulgarian noun that a number never takes (it takes the counted form).
NOT_AFTER_A_NUMBER = {"bg": ["документи", "проекти", "градове"], "en": []}


def heading_forms(language):
    """{heading over a group of partners: the number it goes with, 1 or "many"}."""
    forms = {}
    with translation.override(language):
        for kind in [*Role, *PartnerKind]:
            forms[str(kind.group_heading(1))] = 1
            forms.setdefault(str(kind.group_heading(2)), "many")
    return forms


def count_problems(language, text, html):
    found = []
    for singular, plural in NOUNS[language]:
        found += re.findall(rf"(?<![\d.,]){'1'}[ {NBSP}]{plural}\b", text)
        found += re.findall(rf"(?<![\d.,])(?:[02-9]|\d\d+)[ {NBSP}]{singular}\b", text)
    for form in NOT_AFTER_A_NUMBER[language]:
        found += re.findall(rf"\b\d+[ {NBSP}]{form}\b", text)
    forms = heading_forms(language)
    for label, number in re.findall(r"([^>\n]+?) <span class=\"count\">\((\d+)\)</span>", html):
        label = label.rsplit(">", 1)[-1].strip()
        expected = forms.get(label)
        if expected is not None and (expected == 1) != (number == "1"):
            found.append(f"{label} ({number})")
    return found


def test_counts_agree_with_their_nouns(demo_pages):
    assert each_page(demo_pages, count_problems) == {}


def test_the_count_check_finds_what_it_looks_for():
    wrong = "1 партньор от 1 държави. 10 партньор. 3 документи."
    assert len(count_problems("bg", wrong, "")) == 3
    assert count_problems("bg", "32 партньори, 1 държава, 3 документа", "") == []
    html = 'Водещи градове <span class="count">(1)</span>'
    assert count_problems("bg", "", html) == ["Водещи градове (1)"]
    assert count_problems("en", "1 partner from 1 countries", "") == ["1 countries"]


# Punctuation, units and dates


def punctuation_problems(language, text, html):
    found = re.findall(r".{0,30}[гч]\.\.", text)
    found += re.findall(r".{0,30}\S\s+\)", text)
    return found


def test_no_doubled_full_stop_and_no_space_before_a_bracket(demo_pages):
    assert each_page(demo_pages, punctuation_problems) == {}


def size_problems(language, text, html):
    if language != "bg":
        return []
    # A Latin K, M or G before a Cyrillic Б, or an English unit on a Bulgarian page.
    return re.findall(rf"\d[ {NBSP}]?(?:[KMG]Б|[KMG]B\b|bytes?\b)", text)


def test_bulgarian_file_sizes_are_in_cyrillic_units(demo_pages):
    assert each_page(demo_pages, size_problems) == {}
    assert size_problems("bg", "(ODT, 2,1 KБ)", "") == ["1 KБ"]


MONTHS = "януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|декември"


def date_problems(language, text, html):
    if language != "bg":
        return []
    # The dates the portal writes (in <time>; dates in an editor's prose are the editor's):
    # day, month, year and "г." each joined to the next by a no-break space.
    written = " | ".join(re.findall(r"<time[^>]*>([^<]*)</time>", html or text))
    return re.findall(rf"\d{{1,2}}\s(?:{MONTHS})\s\d{{4}}\sг\.", written.replace(NBSP, "\x00"))


def test_bulgarian_dates_do_not_break_across_lines(demo_pages):
    with translation.override("bg"):
        written = long_date(datetime.date(2023, 6, 6))
    if NBSP not in written:
        pytest.skip("Dates are written with ordinary spaces until no-break spaces come to them")
    assert each_page(demo_pages, date_problems) == {}


def test_the_date_check_finds_a_breaking_space():
    assert date_problems("bg", "", "<time>6 юни 2023 г.</time>") == ["6 юни 2023 г."]
    assert date_problems("bg", "", f"<time>6{NBSP}юни{NBSP}2023{NBSP}г.</time>") == []


# Terms


def term_problems(language, text, html):
    return avoided_terms(text, language)


def test_pages_use_the_glossarys_terms(demo_pages):
    assert each_page(demo_pages, term_problems) == {}
