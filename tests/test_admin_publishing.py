"""Publishing in the admin: the time of publication, the actions' counts, links and addresses
that survive a deletion or a revert."""

import datetime

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from documents.models import Document
from events.models import Meeting
from news.models import Article
from publishing.models import DetachedLink, Status
from tests.admin_support import admin_url, form_data, make_editor
from tests.factories import make_article, make_document, make_meeting, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor())
    return client


def test_a_draft_has_no_publication_time_until_it_is_published():
    draft = make_article(status=Status.DRAFT, published_at=None)
    assert draft.published_at is None
    draft.status = Status.PUBLISHED
    before = timezone.now()
    draft.save()
    assert before <= draft.published_at <= timezone.now()


def test_publishing_a_draft_in_its_form_dates_it_now(editor_client):
    draft = make_article(status=Status.DRAFT, published_at=None)
    response = editor_client.get(admin_url(draft, "change"))
    data = form_data(response) | {"status": Status.PUBLISHED}
    assert data.get("published_at_0", "") == ""
    before = timezone.now()
    assert editor_client.post(admin_url(draft, "change"), data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_at >= before


def test_a_time_the_editor_set_is_kept_when_publishing(editor_client):
    planned = timezone.now() + datetime.timedelta(days=2)
    draft = make_article(status=Status.DRAFT, published_at=planned)
    editor_client.post(admin_url(Article), {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_at == planned


def test_the_publish_action_dates_a_draft_without_a_time_now(editor_client):
    draft = make_article(status=Status.DRAFT, published_at=None)
    editor_client.post(admin_url(Article), {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published
    assert timezone.now() - draft.published_at < datetime.timedelta(minutes=1)


@pytest.mark.parametrize(
    ("action", "status_filter", "expected"),
    [
        ("publish", "draft", "2 записа бяха публикувани."),
        ("unpublish", "live", "2 записа бяха свалени от сайта и вече са чернови."),
    ],
)
def test_actions_under_a_status_filter_count_what_they_changed(
    editor_client, action, status_filter, expected
):
    if status_filter == "draft":
        items = [make_article(status=Status.DRAFT, published_at=None) for _ in range(2)]
    else:
        items = [make_article() for _ in range(2)]
    response = editor_client.post(
        f"{admin_url(Article)}?publication={status_filter}",
        {"action": action, "_selected_action": [item.pk for item in items]},
        HTTP_ACCEPT_LANGUAGE="bg",
        follow=True,
    )
    assert [str(message) for message in response.context["messages"]] == [expected]


def test_the_preview_of_a_draft_never_says_published(editor_client):
    draft = make_article(status=Status.DRAFT, published_at=None, title_en="Plans")
    with translation.override("en"):
        page = editor_client.get(draft.get_absolute_url()).text
    assert "Draft, not yet published" in page
    assert "Published" not in page.split("<main", 1)[1]
    scheduled = make_article(published_at=timezone.now() + datetime.timedelta(days=1))
    with translation.override("bg"):
        page = editor_client.get(scheduled.get_absolute_url()).text
    assert "Ще бъде публикувано" in page
    assert "Публикувано" not in page.split("<main", 1)[1]


@pytest.fixture
def meeting_with_links():
    with reversion.create_revision():
        meeting = make_meeting(title_bg="Среща в Смолян")
        session = make_session(meeting)
    article = make_article(title_bg="Новина за срещата", meeting=meeting)
    document = make_document(title_bg="Програма", meeting=meeting)
    slides = make_document(title_bg="Презентация", session=session)
    return meeting, session, article, document, slides


def test_deleting_a_meeting_lists_what_loses_its_link(editor_client, meeting_with_links):
    meeting, _session, article, document, slides = meeting_with_links
    page = editor_client.get(admin_url(meeting, "delete"), HTTP_ACCEPT_LANGUAGE="bg").text
    assert "Тези записи остават, но губят връзката си с изтритото" in page
    for item in (article, document, slides):
        assert f'{admin_url(item, "change")}"' in page
    assert "Новина: Новина за срещата" in page
    # The same list when deleting from the list of meetings.
    page = editor_client.post(
        admin_url(Meeting),
        {"action": "delete_selected", "_selected_action": [meeting.pk]},
        HTTP_ACCEPT_LANGUAGE="bg",
    ).text
    assert "Новина: Новина за срещата" in page
    assert "Документ: Презентация" in page


def test_recovering_a_deleted_meeting_restores_its_links(editor_client, meeting_with_links):
    meeting, session, article, document, slides = meeting_with_links
    response = editor_client.post(admin_url(meeting, "delete"), {"post": "yes"})
    assert response.status_code == 302
    for item in (article, document, slides):
        item.refresh_from_db()
    assert article.meeting_id is None
    assert document.meeting_id is None
    assert slides.session_id is None
    # The slides lose both their meeting and their session.
    assert DetachedLink.objects.count() == 4

    version = Version.objects.get_deleted(Meeting).get()
    url = reverse("admin:events_meeting_recover", args=[version.pk])
    response = editor_client.get(url)
    assert editor_client.post(url, form_data(response)).status_code == 302

    article.refresh_from_db()
    document.refresh_from_db()
    slides.refresh_from_db()
    assert article.meeting_id == meeting.pk
    assert document.meeting_id == meeting.pk
    assert slides.session_id == session.pk
    assert not DetachedLink.objects.exists()


def test_a_link_an_editor_set_again_is_not_overwritten_by_a_recovery(
    editor_client, meeting_with_links
):
    meeting, _session, article, _document, _slides = meeting_with_links
    editor_client.post(admin_url(meeting, "delete"), {"post": "yes"})
    other = make_meeting()
    Article.objects.filter(pk=article.pk).update(meeting=other)
    version = Version.objects.get_deleted(Meeting).get()
    url = reverse("admin:events_meeting_recover", args=[version.pk])
    editor_client.post(url, form_data(editor_client.get(url)))
    article.refresh_from_db()
    assert article.meeting_id == other.pk
    assert Document.objects.filter(meeting=meeting.pk).exists()


def test_a_revert_across_a_slug_change_keeps_both_addresses_working(editor_client, client):
    with reversion.create_revision():
        article = make_article(title_bg="Старо заглавие", title_en="Old title")
    first = Version.objects.get_for_object(article).get()
    with reversion.create_revision():
        article.title_bg = "Ново заглавие"
        article.slug_bg = "novo-zaglavie"
        article.save()
    assert client.get("/bg/novini/staro-zaglavie/").status_code == 301

    url = reverse("admin:news_article_revision", args=[article.pk, first.pk])
    response = editor_client.get(url)
    assert editor_client.post(url, form_data(response)).status_code == 302
    article.refresh_from_db()
    assert article.slug_bg == "staro-zaglavie"
    assert client.get("/bg/novini/staro-zaglavie/").status_code == 200
    response = client.get("/bg/novini/novo-zaglavie/")
    assert response.status_code == 301
    assert response["Location"] == "/bg/novini/staro-zaglavie/"


def test_deleting_meetings_from_the_list_keeps_their_links_for_a_recovery(
    editor_client, meeting_with_links
):
    meeting, _session, article, _document, _slides = meeting_with_links
    response = editor_client.post(
        admin_url(Meeting),
        {"action": "delete_selected", "_selected_action": [meeting.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Meeting.objects.exists()
    assert DetachedLink.objects.filter(deleted_id=meeting.pk).count() == 4
    version = Version.objects.get_deleted(Meeting).get()
    url = reverse("admin:events_meeting_recover", args=[version.pk])
    editor_client.post(url, form_data(editor_client.get(url)))
    article.refresh_from_db()
    assert article.meeting_id == meeting.pk
