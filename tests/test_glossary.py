"""The interface catalogue and the demo content use the terms of docs/glossary.md."""

from pathlib import Path

import polib
import pytest

from smolyan_portal.demo import article, documents, meeting, partners, projects
from tests.glossary import avoided_terms, mentions, terms

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "bg" / "LC_MESSAGES" / "django.po"


def catalogue_pairs():
    """(English, Bulgarian) of every translated entry, each plural form on its own."""
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.msgid_plural:
            yield entry.msgid, entry.msgstr_plural.get(0, "")
            yield entry.msgid_plural, entry.msgstr_plural.get(1, "")
        elif entry.msgstr:
            yield entry.msgid, entry.msgstr


def demo_records():
    yield article.ARTICLE
    yield meeting.MEETING
    for module_list in (
        article.GALLERY,
        meeting.SESSIONS,
        meeting.SITE_VISITS,
        partners.PARTNERS,
        projects.PROJECTS,
        documents.DOCUMENTS,
    ):
        yield from module_list


def demo_pairs():
    """(English, Bulgarian) of every translated field of the demo content."""
    for record in demo_records():
        for key, value in record.items():
            if key.endswith("_en") and isinstance(value, str) and f"{key[:-3]}_bg" in record:
                yield value, record[f"{key[:-3]}_bg"]


def test_the_glossary_is_read():
    rows = terms()
    assert len(rows) >= 15
    ped = next(term for term in rows if "positive energy district" in term.english)
    assert "позитивно енергиен квартал" in ped.bulgarian
    assert "позитивен енергиен район" in ped.not_bulgarian


SOURCES = [("catalogue", catalogue_pairs), ("demo", demo_pairs)]


@pytest.mark.parametrize(("source", "pairs"), SOURCES)
def test_a_term_in_english_is_the_glossarys_term_in_bulgarian(source, pairs):
    missing = [
        f"{english!r} → {bulgarian!r}: expected one of {term.bulgarian}"
        for english, bulgarian in pairs()
        for term in terms()
        if mentions(term.english, english) and not mentions(term.bulgarian, bulgarian)
    ]
    assert missing == []


@pytest.mark.parametrize(("source", "pairs"), SOURCES)
def test_no_spelling_the_glossary_rules_out(source, pairs):
    found = [
        (text, avoided)
        for english, bulgarian in pairs()
        for text, language in ((english, "en"), (bulgarian, "bg"))
        if (avoided := avoided_terms(text, language))
    ]
    assert found == []
