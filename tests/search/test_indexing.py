"""The index follows the content: saves, deletes, unpublishing, scheduling, inline parts."""

import datetime
import io

import pytest
from django.core import checks
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from news.models import Article
from publishing.models import Status
from search import indexing, registry, text, tracking
from search.management.commands.rebuild_search_index import ProgressBar
from search.models import IndexedWord, IndexEntry
from search.registry import ModelSource
from smolyan_portal.models import AccessibilityStatement
from tests.factories import (
    make_article,
    make_document,
    make_image_file,
    make_meeting,
    make_participation,
    make_partner,
    make_project,
    make_session,
    make_site_visit,
)
from tests.search.conftest import result_titles, search_page

pytestmark = pytest.mark.django_db


def index():
    """The index as a search would read it: with what this test's transaction changed."""
    tracking.flush()
    return IndexEntry.objects


def entries(obj):
    return index().filter(source=obj._meta.label_lower, object_id=str(obj.pk))


def entry(obj, language="en"):
    return entries(obj).get(language=language)


def test_a_published_item_is_indexed_in_each_language_it_has():
    article = make_article(title_bg="Заглавие", title_en="Title")
    assert set(entries(article).values_list("language", "title")) == {
        ("bg", "Заглавие"),
        ("en", "Title"),
    }
    only_bulgarian = make_article(title_bg="Само заглавие", title_en="")
    assert list(entries(only_bulgarian).values_list("language", flat=True)) == ["bg"]


def test_saving_changes_the_entry(client):
    article = make_article(title_en="Quokka")
    article.title_en = "Wombat"
    article.save()
    assert entry(article).title == "Wombat"
    assert result_titles(search_page(client, "en", q="wombat")) == ["Wombat"]
    assert result_titles(search_page(client, "en", q="quokka")) == []


def test_a_save_with_its_links_is_indexed_once_when_it_commits(
    monkeypatch, django_capture_on_commit_callbacks
):
    indexed = []
    index_pk = indexing.index_pk
    monkeypatch.setattr(
        indexing, "index_pk", lambda source, pk: indexed.append(source.name) or index_pk(source, pk)
    )
    project, partner = make_project(), make_partner()
    indexed.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        article = make_article(title_en="Linked")
        article.projects.add(project)
        article.partners.add(partner)
        article.gallery.create(image=make_image_file(), caption_en="A caption")
        # Nothing is written while the editor's transaction is open.
        assert not IndexEntry.objects.filter(source="news.article").exists()
    # Once for the article, whatever the number of rows saved with it (the project and
    # the partner show the article's links in their own entries).
    assert indexed.count("news.article") == 1
    assert entry(article).projects == [project.pk]
    assert "A caption" in entry(article).text.body


@pytest.mark.django_db(transaction=True)
def test_a_save_is_in_the_index_once_its_transaction_commits():
    with transaction.atomic():
        article = make_article(title_bg="Записано", title_en="Committed")
        article.projects.add(make_project())
        assert not IndexEntry.objects.filter(source="news.article").exists()
    # Committed: no search, no flush, the entries are there.
    titles = IndexEntry.objects.filter(source="news.article", object_id=str(article.pk))
    assert sorted(titles.values_list("title", flat=True)) == ["Committed", "Записано"]


def test_a_save_rolled_back_indexes_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            make_article(title_en="Never saved")
            transaction.set_rollback(True)
    assert not index().filter(source="news.article").exists()


def test_deleting_removes_the_entries(client):
    article = make_article(title_en="Short-lived")
    article.delete()
    assert not index().filter(source="news.article").exists()
    assert result_titles(search_page(client, "en", q="short-lived")) == []


def test_a_draft_is_never_indexed_and_unpublishing_removes_it(client):
    draft = make_article(title_en="Secret plans", status=Status.DRAFT)
    assert not entries(draft).exists()
    published = make_article(title_en="Public plans")
    published.status = Status.DRAFT
    published.save(update_fields=["status", "updated_at"])
    assert not entries(published).exists()
    html = search_page(client, "en", q="plans").content.decode()
    assert "Secret plans" not in html and "Public plans" not in html
    assert "0 results for “plans”" in html


def test_a_scheduled_item_appears_when_its_time_comes(client):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    article = make_article(title_en="Tomorrow's news", published_at=tomorrow)
    assert entries(article).exists()
    assert result_titles(search_page(client, "en", q="tomorrow")) == []
    # Time passes: nothing is saved, the entry is simply due now.
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    index().filter(source="news.article").update(
        published_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert result_titles(search_page(client, "en", q="tomorrow")) == ["Tomorrow's news"]


def test_sessions_and_site_visits_update_their_meetings_entry():
    meeting = make_meeting(title_en="Meeting")
    session = make_session(meeting, title_en="Opening", speakers_en="Marin Zahariev")
    visit = make_site_visit(meeting, title_en="The pool", place_en="City swimming pool")
    body = entry(meeting).text.body
    assert "Marin Zahariev" in body and "City swimming pool" in body
    session.speakers_en = "Someone else"
    session.save()
    assert "Zahariev" not in entry(meeting).text.body
    visit.delete()
    assert "swimming" not in entry(meeting).text.body
    session.delete()
    assert "Opening" not in entry(meeting).text.body


def test_a_partner_renamed_updates_the_meetings_whose_sessions_it_led():
    partner = make_partner(name_en="Old name")
    meeting = make_meeting()
    make_session(meeting).led_by.add(partner)
    assert "Old name" in entry(meeting).text.body
    partner.name_en = "New name"
    partner.save()
    assert "New name" in entry(meeting).text.body
    partner.status = Status.DRAFT
    partner.save()
    assert "New name" not in entry(meeting).text.body


def test_gallery_captions_are_part_of_the_article():
    article = make_article()
    image = article.gallery.create(
        image=make_image_file(), caption_en="The swimming pool", image_alt_en="Pool"
    )
    assert "The swimming pool" in entry(article).text.body
    image.delete()
    assert "swimming" not in entry(article).text.body


def test_links_to_projects_are_kept_for_the_facet():
    first, second = make_project(), make_project()
    article = make_article()
    article.projects.set([first, second])
    assert entry(article).projects == sorted([first.pk, second.pk])
    first.articles.remove(article)
    assert entry(article).projects == [second.pk]
    partner = make_partner()
    make_participation(project=first, partner=partner)
    assert entry(partner).projects == [first.pk]


def test_the_accessibility_statement_is_indexed_as_its_page_shows_it(client):
    statement = AccessibilityStatement.current()
    statement.non_accessible_content_en = "<p>The quarterly flowchart has no text.</p>"
    statement.save()
    page = index().get(source="smolyan_portal.accessibility", language="en")
    assert "The quarterly flowchart has no text." in page.text.body
    assert page.url == "/en/accessibility/"
    # The form on the page is not text to find.
    assert "Send the message" not in page.text.body
    assert result_titles(search_page(client, "en", q="flowchart")) == ["Accessibility statement"]


def test_the_words_of_the_index_are_kept_for_spelling():
    make_article(title_bg="Широка лъка", title_en="Písek")
    tracking.flush()
    words = dict(IndexedWord.objects.values_list("word", "term"))
    assert words["широка"] == "широк"
    assert words["shiroka"] == "shiroka"
    assert words["pisek"] == "pisek"


def test_rebuild_makes_the_same_index_and_drops_what_is_gone(settings):
    article = make_article(title_en="Kept")
    make_document(title_en="A document")
    fields = ("source", "object_id", "language", "item", "day", "text__body_terms")
    before = set(index().values_list(*fields))
    stale = IndexEntry.objects.create(
        source="news.article",
        object_id="999999",
        item=1,
        language="en",
        title="Gone",
        url="/",
        published_at=timezone.now(),
    )
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=io.StringIO())
    after = set(index().values_list(*fields))
    assert after == before
    assert not index().filter(pk=stale.pk).exists()
    assert entries(article).count() == 2
    # The article, the document, the two pages of the portal and the eight seeded topics.
    assert out.getvalue().startswith("Search index rebuilt: 12 items in ")


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_leaves_the_planner_statistics_of_what_it_wrote():
    """Without them a planner guesses at the index's size; on PostgreSQL the vacuum that
    gathers them also empties the pending lists of the full-text indexes."""
    for number in range(3):
        make_article(title_en=f"Article {number}")
    call_command("rebuild_search_index", stdout=io.StringIO(), stderr=io.StringIO())
    rows = IndexEntry.objects.count()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A vacuum writes the number of rows it found where the planner reads it.
            cursor.execute(
                "SELECT relname, reltuples FROM pg_class WHERE relname IN (%s, %s)",
                ["search_indexentry", "search_indextext"],
            )
            assert dict(cursor.fetchall()) == {"search_indexentry": rows, "search_indextext": rows}
        else:
            cursor.execute("SELECT tbl, stat FROM sqlite_stat1 WHERE tbl = 'search_indexentry'")
            found = cursor.fetchall()
            assert found and all(stat.split()[0] == str(rows) for _table, stat in found)


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_progress_bar_counts_items_on_a_terminal():
    stream = Terminal()
    bar = ProgressBar(2, stream, width=10)
    bar.advance("first")
    bar.advance("second")
    bar.finish()
    assert "[#####.....] 1/2" in stream.getvalue()
    assert "[##########] 2/2" in stream.getvalue()
    quiet = io.StringIO()
    ProgressBar(2, quiet).advance("x")
    assert quiet.getvalue() == ""


def test_the_database_holds_the_terms_python_made():
    """Neither tokenizer (FTS5, to_tsvector('simple')) may change or split a term."""
    article = make_article(
        title_bg="Енергийна ефективност в Смолян", body_en="<p>Písek, Võru & H2020: 3rd call</p>"
    )
    expected = set()
    for row in entries(article).select_related("text"):
        terms = row.text
        expected |= set(f"{terms.title_terms} {terms.heading_terms} {terms.body_terms}".split())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT unnest(tsvector_to_array(search_vector)) FROM search_indextext"
            )
        else:
            cursor.execute(
                "CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, search_phrase_fts, row)"
            )
            cursor.execute("SELECT term FROM temp.terms")
        stored = {term for (term,) in cursor.fetchall()}
    assert expected <= stored
    assert text.term("енергийна") in stored


def test_a_declared_field_that_does_not_exist_is_reported(monkeypatch):
    monkeypatch.setitem(
        registry._sources, "broken", ModelSource(Article, title="headline", body=("body",))
    )
    errors = [error for error in checks.run_checks() if error.id.startswith("search.")]
    assert [error.id for error in errors] == ["search.E001"]
    assert "headline" in errors[0].msg
