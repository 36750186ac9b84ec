"""The admin's index, lists and forms as editors find their way through them."""

import html as html_module
import json
import re

import pytest

from events.models import Meeting
from partners.models import Partner
from smolyan_portal.models import AdminLanguage
from tests.admin_support import admin_url, form_data, make_editor
from tests.factories import (
    make_article,
    make_image_file,
    make_meeting,
    make_partner,
    make_session,
    make_site_visit,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(make_user(superuser=True))
    return client


def app_labels(response):
    return [app["app_label"] for app in response.context["app_list"]]


def test_the_index_starts_with_content_and_ends_with_users_and_sign_in(superuser_client):
    labels = app_labels(superuser_client.get("/admin/"))
    assert labels[:6] == ["news", "events", "documents", "knowledge", "projects", "partners"]
    assert labels.index("smolyan_portal") < labels.index("auth")
    assert labels[-3:] == ["auth", "axes", "django_tasks_database"]


def test_editors_see_no_users_no_sign_in_and_no_task_records(client):
    client.force_login(make_editor())
    response = client.get("/admin/")
    labels = app_labels(response)
    assert "auth" not in labels
    assert "axes" not in labels
    assert "django_tasks_database" not in labels
    assert "Task Results" not in response.content.decode()
    assert labels[0] == "news"


def test_meetings_come_before_their_sessions_and_visits(superuser_client):
    [events] = [
        app
        for app in superuser_client.get("/admin/").context["app_list"]
        if app["app_label"] == "events"
    ]
    assert [model["object_name"] for model in events["models"]] == [
        "Meeting",
        "Session",
        "SiteVisit",
    ]


def test_the_country_filter_lists_only_countries_in_use(superuser_client):
    make_partner(country="BG")
    make_partner(country="NL")
    response = superuser_client.get(admin_url(Partner), HTTP_ACCEPT_LANGUAGE="bg")
    [country_filter] = [
        spec for spec in response.context["cl"].filter_specs if spec.title == "държава"
    ]
    names = [choice["display"] for choice in country_filter.choices(response.context["cl"])]
    assert names == ["Всички", "България", "Нидерландия"]


def test_the_meetings_country_and_project_filters_list_only_values_in_use(superuser_client):
    make_meeting(host=make_partner(country="NO"))
    response = superuser_client.get(admin_url(Meeting), HTTP_ACCEPT_LANGUAGE="en")
    displays = {
        spec.title: [choice["display"] for choice in spec.choices(response.context["cl"])]
        for spec in response.context["cl"].filter_specs
    }
    assert displays["country"] == ["All", "Norway"]
    # No meeting belongs to a project: there is nothing to filter by.
    assert "project" not in displays


def test_the_meeting_form_lists_its_programme_as_a_short_table(superuser_client):
    meeting = make_meeting()
    sessions = [make_session(meeting, summary_bg="Дълго резюме " * 40) for _ in range(6)]
    visit = make_site_visit(meeting)
    response = superuser_client.get(admin_url(meeting, "change"))
    html = response.text
    # Each row links to the item's own form, where its long texts are edited.
    for item in (*sessions, visit):
        assert f'href="{admin_url(item, "change")}"' in html
    assert "Дълго резюме" not in html
    session_table, visit_table = response.context["inline_admin_formsets"]
    assert session_table.opts.template.endswith("tabular.html")
    assert visit_table.opts.template.endswith("tabular.html")
    # The button under each table, in words that agree with the name of its rows.
    html = superuser_client.get(admin_url(meeting, "change"), HTTP_ACCEPT_LANGUAGE="bg").text
    buttons = [
        json.loads(html_module.unescape(data))["options"]["addText"]
        for data in re.findall(r'data-inline-formset="([^"]*)"', html)
    ]
    assert buttons == ["Добави: Сесия", "Добави: Посещение на място"]


def test_a_session_is_added_from_the_meetings_table(superuser_client):
    meeting = make_meeting()
    response = superuser_client.get(admin_url(meeting, "change"))
    data = form_data(response) | {
        "sessions-TOTAL_FORMS": "1",
        "sessions-0-order": "1",
        "sessions-0-date": "2023-06-06",
        "sessions-0-kind": "panel",
        "sessions-0-title_bg": "Панел",
    }
    assert superuser_client.post(admin_url(meeting, "change"), data).status_code == 302
    assert meeting.sessions.get().title_bg == "Панел"


def test_image_fields_and_lists_show_the_picture(superuser_client):
    partner = make_partner(logo=make_image_file("logo.png", size=(300, 200)))
    form = superuser_client.get(admin_url(partner, "change")).text
    assert 'class="admin-thumbnail"' in form
    assert 'width="120" height="80"' in form
    listing = superuser_client.get(admin_url(Partner)).text
    assert 'width="64" height="43"' in listing
    # The name is still the link to the partner.
    assert f'<a href="{admin_url(partner, "change")}">{partner.name}</a>' in listing


def test_every_change_form_has_a_preview_per_language(superuser_client):
    meeting = make_meeting()
    for obj in (meeting, make_session(meeting), make_site_visit(meeting), make_article()):
        html = superuser_client.get(admin_url(obj, "change"), HTTP_ACCEPT_LANGUAGE="en").text
        assert html.count('class="viewsitelink previewlink"') == 2, obj
        assert "Preview: Bulgarian" in html
        assert "Preview: English" in html


def test_the_language_switch_is_remembered_for_the_user(client):
    user = make_editor()
    client.force_login(user)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="bg")
    assert 'name="language" value="en"' in response.text
    response = client.post(
        "/admin/language/", {"language": "en", "next": "/admin/news/"}, HTTP_ACCEPT_LANGUAGE="bg"
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/news/"
    assert AdminLanguage.objects.get(user=user).language == "en"
    assert client.get("/admin/", HTTP_ACCEPT_LANGUAGE="bg").context["LANGUAGE_CODE"] == "en"

    # Another browser, another session: the choice follows the person.
    client.logout()
    client.force_login(user)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="bg")
    assert response.context["LANGUAGE_CODE"] == "en"
    assert 'value="en" lang="en" aria-label="EN, English" aria-current="true"' in response.text


def test_the_language_switch_refuses_other_sites_and_languages(client):
    client.force_login(make_editor())
    response = client.post("/admin/language/", {"language": "de", "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"
    assert not AdminLanguage.objects.exists()
    assert client.get("/admin/language/").status_code == 405


def test_the_language_switch_is_only_for_staff(client):
    response = client.post("/admin/language/", {"language": "en"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not AdminLanguage.objects.exists()
