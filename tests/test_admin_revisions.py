"""History, revert, recover, and the refusal to overwrite someone else's changes."""

import datetime
import json
import re

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from events.models import Meeting, Session, SiteVisit
from news.models import Article, ArticleImage
from projects.models import Participation, Project
from tests.admin_support import admin_url, form_data, make_editor
from tests.factories import (
    make_article,
    make_image_file,
    make_meeting,
    make_participation,
    make_project,
    make_session,
    make_site_visit,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_editor(first_name="Мария", last_name="Петрова"))
    return client


def models_saved_along(obj):
    """The models of the other rows that a revision of obj holds."""
    with reversion.create_revision():
        obj.save()
    revision = Version.objects.get_for_object(obj).first().revision
    return {version.content_type.model_class() for version in revision.version_set.all()} - {
        type(obj)
    }


def test_a_revision_of_an_item_holds_its_inlines():
    meeting = make_meeting()
    make_session(meeting)
    make_site_visit(meeting)
    assert models_saved_along(meeting) == {Session, SiteVisit}
    project = make_project()
    make_participation(project=project)
    assert models_saved_along(project) == {Participation}
    article = make_article()
    article.gallery.create(image=make_image_file(), image_decorative=True)
    assert models_saved_along(article) == {ArticleImage}
    assert all(reversion.is_registered(model) for model in (Meeting, Project, Article))


def test_history_lists_who_changed_what(editor_client):
    article = make_article()
    response = editor_client.get(admin_url(article, "change"), HTTP_ACCEPT_LANGUAGE="bg")
    data = form_data(response) | {"title_bg": "Нов заглавен ред"}
    assert editor_client.post(admin_url(article, "change"), data).status_code == 302

    response = editor_client.get(admin_url(article, "history"), HTTP_ACCEPT_LANGUAGE="bg")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Мария Петрова" in html
    version = Version.objects.get_for_object(article).get()
    assert reverse("admin:news_article_revision", args=[article.pk, version.pk]) in html


def test_revert_restores_fields_of_an_earlier_version(editor_client):
    with reversion.create_revision():
        article = make_article(title_bg="Първо заглавие", body_bg="<p>Първи текст.</p>")
    first = Version.objects.get_for_object(article).get()
    with reversion.create_revision():
        article.title_bg = "Второ заглавие"
        article.body_bg = "<p>Втори текст.</p>"
        article.save()

    url = reverse("admin:news_article_revision", args=[article.pk, first.pk])
    response = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Натиснете „Запис“ по-долу, за да върнете записа към тази версия." in html
    # The form shows the old version; the database is untouched until it is saved.
    assert 'value="Първо заглавие"' in html
    article.refresh_from_db()
    assert article.title_bg == "Второ заглавие"

    response = editor_client.post(url, form_data(response), HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_bg == "Първо заглавие"
    assert article.body_bg == "<p>Първи текст.</p>"
    latest = Version.objects.get_for_object(article).first()
    assert latest.revision.get_comment().startswith("Върната е версията, записана на")


def test_reverting_a_meeting_restores_its_programme(editor_client):
    with reversion.create_revision():
        meeting = make_meeting()
        make_session(meeting, title_bg="Откриване")
        make_site_visit(meeting, title_bg="Посещение в музея")
        reversion.add_to_revision(meeting)
    first = Version.objects.get_for_object(meeting).get()
    with reversion.create_revision():
        meeting.sessions.update(title_bg="Преименувана сесия")
        session = meeting.sessions.get()
        session.save()
        make_session(meeting, title_bg="Добавена по-късно")
        meeting.site_visits.all().delete()
        meeting.save()

    url = reverse("admin:events_meeting_revision", args=[meeting.pk, first.pk])
    response = editor_client.get(url)
    response = editor_client.post(url, form_data(response))
    assert response.status_code == 302
    assert list(meeting.sessions.values_list("title_bg", flat=True)) == ["Откриване"]
    assert list(meeting.site_visits.values_list("title_bg", flat=True)) == ["Посещение в музея"]


def test_recover_a_deleted_item(editor_client):
    article = make_article(title_bg="Изтрита новина")
    response = editor_client.get(admin_url(article, "change"), HTTP_ACCEPT_LANGUAGE="bg")
    response = editor_client.post(
        admin_url(article, "change"), form_data(response), HTTP_ACCEPT_LANGUAGE="bg"
    )
    assert response.status_code == 302
    response = editor_client.post(admin_url(article, "delete"), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()

    response = editor_client.get(admin_url(Article, "recoverlist"), HTTP_ACCEPT_LANGUAGE="bg")
    html = response.content.decode()
    assert "Изтрита новина" in html
    version = Version.objects.get_deleted(Article).get()
    recover_url = reverse("admin:news_article_recover", args=[version.pk])
    assert recover_url in html

    response = editor_client.get(recover_url, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 200
    assert not Article.objects.filter(pk=article.pk).exists()
    response = editor_client.post(recover_url, form_data(response))
    assert response.status_code == 302
    recovered = Article.objects.get(pk=article.pk)
    assert recovered.title_bg == "Изтрита новина"
    assert recovered.slug_bg == article.slug_bg


def _stale_by(user, obj, **changes):
    """Someone else saves `obj` through a revision, as the admin would."""
    with reversion.create_revision():
        reversion.set_user(user)
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.save()


def test_a_stale_save_is_refused_naming_who_changed_it(editor_client):
    article = make_article(title_bg="Заглавие")
    response = editor_client.get(admin_url(article, "change"), HTTP_ACCEPT_LANGUAGE="bg")
    data = form_data(response) | {"title_bg": "Моята промяна"}

    colleague = make_user(staff=True, first_name="Иван", last_name="Иванов")
    _stale_by(colleague, Article.objects.get(pk=article.pk), title_bg="Промяна на колега")

    response = editor_client.post(admin_url(article, "change"), data, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert len(errors) == 1
    assert errors[0].startswith("Иван Иванов записа този елемент в ")
    assert "Вашите промени не са записани" in errors[0]
    article.refresh_from_db()
    assert article.title_bg == "Промяна на колега"


def test_a_stale_save_without_history_blames_another_editor_in_english(editor_client):
    article = make_article()
    response = editor_client.get(admin_url(article, "change"), HTTP_ACCEPT_LANGUAGE="en")
    data = form_data(response) | {"title_en": "Mine"}
    Article.objects.get(pk=article.pk).save()  # a shell edit: no revision, no user

    response = editor_client.post(admin_url(article, "change"), data, HTTP_ACCEPT_LANGUAGE="en")
    error = response.context["adminform"].form.non_field_errors()[0]
    assert re.match(r"another editor saved this item at .+, after you opened it\.", error)


def test_a_save_after_a_fresh_load_goes_through(editor_client):
    article = make_article()
    _stale_by(make_user(), article, title_bg="По-рано")
    response = editor_client.get(admin_url(article, "change"))
    data = form_data(response) | {"title_bg": "Сега"}
    assert editor_client.post(admin_url(article, "change"), data).status_code == 302
    article.refresh_from_db()
    assert article.title_bg == "Сега"


def test_a_meeting_form_is_stale_after_its_session_was_saved_on_its_own(editor_client):
    meeting = make_meeting()
    session = make_session(meeting)
    meeting_form = form_data(editor_client.get(admin_url(meeting, "change")))

    response = editor_client.get(admin_url(session, "change"))
    data = form_data(response) | {"title_bg": "Сесия, сменена отделно"}
    assert editor_client.post(admin_url(session, "change"), data).status_code == 302

    response = editor_client.post(admin_url(meeting, "change"), meeting_form)
    assert response.status_code == 200
    assert "Мария Петрова saved this item" in str(
        response.context["adminform"].form.non_field_errors()
    )
    session.refresh_from_db()
    assert session.title_bg == "Сесия, сменена отделно"
    # The separate save shows in the meeting's history, with the new session title.
    version = Version.objects.get_for_object(meeting).first()
    titles = [v.field_dict["title_bg"] for v in version.revision.version_set.get_for_model(Session)]
    assert titles == ["Сесия, сменена отделно"]


def test_a_session_form_is_stale_after_its_meeting_changed(editor_client):
    meeting = make_meeting()
    session = make_session(meeting)
    data = form_data(editor_client.get(admin_url(session, "change")))
    _stale_by(make_user(username="kolega"), Meeting.objects.get(pk=meeting.pk), venue_bg="Зала 2")
    response = editor_client.post(admin_url(session, "change"), data)
    assert response.status_code == 200
    assert "kolega saved this item" in str(response.context["adminform"].form.non_field_errors())


def test_a_project_form_is_stale_after_a_publish_action(editor_client):
    participation = make_participation()
    project = participation.project
    data = form_data(editor_client.get(admin_url(project, "change")))
    editor_client.post(
        admin_url(Project), {"action": "unpublish", "_selected_action": [project.pk]}
    )
    response = editor_client.post(admin_url(project, "change"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    project.refresh_from_db()
    assert project.status == "draft"


def test_the_date_of_the_stale_change_is_shown(editor_client):
    article = make_article()
    data = form_data(editor_client.get(admin_url(article, "change"), HTTP_ACCEPT_LANGUAGE="en"))
    Article.objects.filter(pk=article.pk).update(
        updated_at=datetime.datetime(2031, 3, 4, 10, 5, tzinfo=datetime.UTC)
    )
    response = editor_client.post(admin_url(article, "change"), data, HTTP_ACCEPT_LANGUAGE="en")
    # Sofia is UTC+2 in early March.
    assert "March 4, 2031, 12:05 p.m." in response.context["adminform"].form.non_field_errors()[0]


def two_versions_of_an_article():
    with reversion.create_revision():
        article = make_article(
            title_bg="Първо заглавие",
            title_en="First title",
            body_en="<p>The partners met in Smolyan.</p>",
        )
    with reversion.create_revision():
        article.title_en = "Second title"
        article.body_en = "<p>The partners met in Smolyan and Shiroka Laka.</p>"
        article.save()
    newer, older = Version.objects.get_for_object(article)
    return article, older, newer


def test_history_offers_to_compare_two_versions(editor_client):
    article, older, newer = two_versions_of_an_article()
    html = editor_client.get(admin_url(article, "history"), HTTP_ACCEPT_LANGUAGE="en").content
    html = html.decode()
    assert f'name="from" value="{older.pk}"' in html
    assert f'name="to" value="{newer.pk}"' in html
    assert "Compare the chosen versions" in html


def test_compare_shows_what_changed_word_by_word_in_each_language(editor_client):
    article, older, newer = two_versions_of_an_article()
    url = reverse("admin:news_article_compare", args=[article.pk])
    response = editor_client.get(url, {"from": older.pk, "to": newer.pk}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    rows = {row["label"]: row for row in response.context["rows"]}
    assert set(rows) == {"Title (English)", "Text (English)"}
    html = response.content.decode()
    assert "<del>First</del><ins>Second</ins> title" in html
    assert "Smolyan<ins> and Shiroka Laka</ins>." in html
    # The order of the two choices does not matter.
    swapped = editor_client.get(url, {"from": newer.pk, "to": older.pk})
    assert swapped.context["older"] == older


def test_compare_in_bulgarian_and_with_bad_choices(editor_client):
    article, older, newer = two_versions_of_an_article()
    url = reverse("admin:news_article_compare", args=[article.pk])
    response = editor_client.get(url, {"from": older.pk, "to": newer.pk}, HTTP_ACCEPT_LANGUAGE="bg")
    assert "Заглавие (английски)" in {row["label"] for row in response.context["rows"]}
    assert editor_client.get(url, {"from": "abc", "to": newer.pk}).status_code == 302
    other = make_article()
    with reversion.create_revision():
        other.save()
    foreign = Version.objects.get_for_object(other).get()
    assert editor_client.get(url, {"from": foreign.pk, "to": newer.pk}).status_code == 404


def test_compare_reads_the_same_moment_in_two_offsets_as_unchanged(editor_client):
    article, older, newer = two_versions_of_an_article()
    # The demo loader saved in Sofia time, the admin in UTC: one moment, two spellings.
    data = json.loads(older.serialized_data)
    sofia = datetime.timezone(datetime.timedelta(hours=3))
    data[0]["fields"]["published_at"] = article.published_at.astimezone(sofia).isoformat()
    older.serialized_data = json.dumps(data)
    older.save()
    url = reverse("admin:news_article_compare", args=[article.pk])
    response = editor_client.get(url, {"from": older.pk, "to": newer.pk})
    labels = {row["label"] for row in response.context["rows"]}
    assert labels == {"Title (English)", "Text (English)"}
