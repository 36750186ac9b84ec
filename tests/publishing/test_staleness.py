"""Staleness: which language's text changed after the other's, per field and per language."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import translation

from publishing.models import FieldTranslation
from publishing.staleness import mark_reviewed
from publishing.translation_status import records_of, states_of_item
from tests.factories import make_article, make_meeting, make_session

pytestmark = pytest.mark.django_db


def stale_fields(item, language):
    with translation.override("en"):
        return [text.label for text in states_of_item(item)[language].stale]


def test_a_bulgarian_edit_makes_the_english_stale_and_not_the_bulgarian():
    article = make_article()
    article.body_bg = "<p>Текст.</p><p>Нов абзац.</p>"
    article.save()
    assert stale_fields(article, "en") == ["Text"]
    assert stale_fields(article, "bg") == []


def test_an_english_edit_makes_the_bulgarian_stale():
    article = make_article()
    article.title_en = "A better title"
    article.save()
    assert stale_fields(article, "bg") == ["Title"]
    assert stale_fields(article, "en") == []


def test_a_save_that_changes_no_text_makes_nothing_stale():
    article = make_article()
    article.status = "draft"
    article.save()
    article.summary_en = article.summary_en
    article.save()
    assert stale_fields(article, "en") == stale_fields(article, "bg") == []


def test_changing_both_languages_in_one_save_makes_neither_stale():
    article = make_article()
    article.title_bg, article.title_en = "Ново", "New"
    article.save()
    assert stale_fields(article, "en") == stale_fields(article, "bg") == []


def test_writing_a_missing_translation_does_not_make_its_source_stale():
    article = make_article(body_en="")
    article.body_en = "<p>Now in English.</p>"
    article.save()
    assert stale_fields(article, "bg") == []
    article.body_en = "<p>Now in English, corrected.</p>"
    article.save()
    assert stale_fields(article, "bg") == ["Text"]


def test_a_translation_brought_up_to_date_leaves_its_source_current():
    article = make_article()
    article.body_bg = "<p>Нов абзац.</p>"
    article.save()
    assert stale_fields(article, "en") == ["Text"]
    article.body_en = "<p>A new paragraph.</p>"
    article.save()
    assert stale_fields(article, "en") == stale_fields(article, "bg") == []
    # Then a change of the English that the Bulgarian did not ask for is news for it.
    article.body_en = "<p>A new paragraph, with more.</p>"
    article.save()
    assert stale_fields(article, "bg") == ["Text"]


def test_a_translation_cleared_and_written_again_leaves_its_source_current():
    article = make_article()
    article.body_en = ""
    article.save()
    article.body_en = "<p>Written again.</p>"
    article.save()
    assert stale_fields(article, "bg") == stale_fields(article, "en") == []


def test_review_clears_the_stale_state_without_touching_the_text():
    article = make_article()
    article.body_bg = "<p>Друг текст.</p>"
    article.save()
    reviewed = mark_reviewed(article, "en")
    assert [row.field for row in reviewed] == ["body"]
    assert stale_fields(article, "en") == []
    article.refresh_from_db()
    assert article.body_bg == "<p>Друг текст.</p>"


def test_a_session_edit_counts_towards_its_meeting():
    meeting = make_meeting()
    session = make_session(meeting, title_bg="Откриване", title_en="Opening")
    session.title_bg = "Официално откриване"
    session.save()
    assert stale_fields(meeting, "en") == ["Session “Opening”: Title"]


def test_an_item_saved_before_tracking_began_gets_a_baseline():
    article = make_article()
    FieldTranslation.objects.all().delete()
    article.body_bg = "<p>Променен текст.</p>"
    article.save()
    assert stale_fields(article, "en") == ["Text"]
    text = states_of_item(article)["en"].stale[0]
    assert "Променен" in text.diffs()[0][1]


@pytest.fixture
def fresh_content_types():
    """A flush makes the content types anew; nobody may keep using the cached ones.

    The commands also leave another language active; the tests after this one get theirs.
    """
    with translation.override(translation.get_language()):
        yield ContentType.objects.clear_cache
    ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_a_dump_and_restore_of_the_database_keeps_the_states(tmp_path, fresh_content_types):
    article = make_article()
    article.body_bg = "<p>Променен текст.</p>"
    article.save()
    meeting = make_meeting()
    session = make_session(meeting, title_bg="Откриване", title_en="Opening")
    session.title_en = "The opening"
    session.save()
    before = sorted(FieldTranslation.objects.values_list("field", "language", "digest", "stale"))
    dump = tmp_path / "dump.json"
    # The content and the table: what a backup of the database carries of them.
    apps = ["partners", "projects", "events", "news", "documents", "publishing"]
    call_command("dumpdata", *apps, "--natural-foreign", output=str(dump), verbosity=0)
    call_command("flush", "--noinput", verbosity=0)
    fresh_content_types()
    assert not FieldTranslation.objects.exists()
    call_command("loaddata", str(dump), verbosity=0)
    after = sorted(FieldTranslation.objects.values_list("field", "language", "digest", "stale"))
    assert after == before
    assert stale_fields(article, "en") == ["Text"]
    assert stale_fields(meeting, "bg") == ["Session “The opening”: Title"]


def test_only_the_rows_of_an_out_of_date_text_are_read_for_a_state():
    """A page asks for its item's state on every view: texts that are current in every
    language tell nothing and are not read."""
    meeting = make_meeting()
    make_session(meeting, title_bg="Откриване", title_en="Opening")
    current = make_article()
    assert list(records_of(type(current), [current.pk])) == []
    meeting.summary_bg = "Нов кратък текст."
    meeting.save()
    rows = records_of(type(meeting), [meeting.pk])
    assert sorted((row.field, row.language, row.stale) for row in rows) == [
        ("summary", "bg", False),
        ("summary", "en", True),
    ]
    assert stale_fields(meeting, "en") == ["Summary"]
