"""Interface translations: compiled catalogues match their sources, and are used."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))


def entries(catalogue):
    """(context, msgid) -> translation(s), for the entries that are translated."""
    result = {}
    for entry in catalogue:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            value = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
        else:
            value = entry.msgstr
        if value and value != ("",) * len(value if isinstance(value, tuple) else ()):
            result[(entry.msgctxt, entry.msgid)] = value
    return result


def test_every_language_has_a_catalogue():
    assert {path.parts[-3] for path in CATALOGUES} == {code for code, _ in settings.LANGUAGES}


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run make messages"
    assert entries(polib.pofile(str(po_path))) == entries(polib.mofile(str(mo_path))), (
        f"{mo_path} does not match {po_path.name}: run make messages and commit both"
    )


def test_bulgarian_catalogue_is_complete():
    catalogue = polib.pofile(str(LOCALE_DIR / "bg" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    assert untranslated == []
    assert catalogue.fuzzy_entries() == []


def test_a_known_string_is_translated_into_bulgarian():
    with translation.override("bg"):
        assert translation.gettext("Skip to main content") == "Към основното съдържание"
    with translation.override("en"):
        assert translation.gettext("Skip to main content") == "Skip to main content"


def test_dates_are_written_as_each_language_writes_them():
    import datetime

    from django.utils.formats import date_format

    moment = datetime.datetime(2023, 6, 21, 10, 0)
    with translation.override("bg"):
        assert date_format(moment.date()) == "21.06.2023\xa0г."
        assert date_format(moment, "DATETIME_FORMAT") == "21.06.2023\xa0г., 10:00\xa0ч."
    with translation.override("en"):
        assert date_format(moment.date()) == "June 21, 2023"
