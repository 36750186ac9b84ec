import datetime

import pytest

from events.models import Meeting, Session
from tests.admin_support import admin_pages, admin_url, form_data
from tests.factories import make_meeting, make_partner, make_project, make_session, make_user

pytestmark = pytest.mark.django_db


def test_every_admin_page_of_meetings_and_sessions_renders(staff_client):
    meeting = make_meeting()
    session = make_session(meeting)
    for url in [*admin_pages(meeting), *admin_pages(session)]:
        for language in ("bg", "en"):
            response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, (url, language)


def _session(index, order, day, title_bg, title_en=""):
    prefix = f"sessions-{index}-"
    return {
        f"{prefix}order": str(order),
        f"{prefix}date": day,
        f"{prefix}start_time": "09:30",
        f"{prefix}end_time": "10:30",
        f"{prefix}kind": "presentation",
        f"{prefix}title_bg": title_bg,
        f"{prefix}title_en": title_en,
    }


def _meeting_form(client, language="bg", **sessions):
    data = form_data(client.get(admin_url(Meeting, "add"), HTTP_ACCEPT_LANGUAGE=language))
    return data | {
        "title_bg": "Партньорска среща в Смолян",
        "title_en": "Partner meeting in Smolyan",
        "summary_bg": "Два дни работа.",
        "summary_en": "Two days of work.",
        "start_date": "2023-06-06",
        "end_date": "2023-06-07",
    }


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_meeting_is_added_with_its_programme_and_visits_in_one_go(staff_client, language):
    project = make_project()
    host = make_partner()
    data = _meeting_form(staff_client, language) | {
        "project": str(project.pk),
        "host": str(host.pk),
        "sessions-TOTAL_FORMS": "2",
        **_session(0, 2, "2023-06-07", "Семинар", "Seminar"),
        **_session(1, 1, "2023-06-06", "Откриване", "Opening"),
        "site_visits-TOTAL_FORMS": "1",
        "site_visits-0-order": "1",
        "site_visits-0-date": "2023-06-07",
        "site_visits-0-title_bg": "Планетариум",
        "site_visits-0-place_bg": "Смолян",
    }
    response = staff_client.post(admin_url(Meeting, "add"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.context and response.context["errors"]

    meeting = Meeting.objects.get()
    assert meeting.slug_bg == "partnyorska-sreshta-v-smolyan"
    assert meeting.slug_en == "partner-meeting-in-smolyan"
    assert (meeting.project, meeting.host) == (project, host)
    assert list(meeting.sessions.values_list("order", "title_bg")) == [
        (1, "Откриване"),
        (2, "Семинар"),
    ]
    assert meeting.site_visits.get().title_bg == "Планетариум"

    # The change page lists the programme in its order.
    response = staff_client.get(admin_url(meeting, "change"))
    forms = response.context["inline_admin_formsets"][0].formset.forms
    assert [form.instance.order for form in forms] == [1, 2]


def test_a_meeting_cannot_end_before_it_starts(staff_client):
    data = _meeting_form(staff_client) | {"start_date": "2023-06-07", "end_date": "2023-06-06"}
    response = staff_client.post(admin_url(Meeting, "add"), data, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["end_date"] == [
        "Последният ден е преди първия."
    ]
    assert not Meeting.objects.exists()


def test_a_new_meetings_session_must_fall_within_its_dates(staff_client):
    data = _meeting_form(staff_client) | {
        "sessions-TOTAL_FORMS": "1",
        **_session(0, 1, "2023-06-09", "Твърде късно"),
    }
    response = staff_client.post(admin_url(Meeting, "add"), data, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors
    assert errors[0]["date"] == [
        "09.06.2023\xa0г. е извън датите на срещата (06.06.2023\xa0г. – 07.06.2023\xa0г.)."
    ]
    assert not Meeting.objects.exists()


def test_a_session_is_checked_against_the_dates_submitted_with_it(staff_client):
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    make_session(meeting, date=datetime.date(2023, 6, 7))
    data = form_data(staff_client.get(admin_url(meeting, "change"), HTTP_ACCEPT_LANGUAGE="en"))

    # Moving the meeting a week later leaves its session behind: one error, new dates.
    moved = data | {"start_date": "2023-06-13", "end_date": "2023-06-14"}
    response = staff_client.post(admin_url(meeting, "change"), moved, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors
    assert errors[0]["date"] == [
        "June 7, 2023 is outside the meeting's dates (June 13, 2023 – June 14, 2023)."
    ]

    # Moving the session with it is accepted in the same submission.
    moved["sessions-0-date"] = "2023-06-14"
    response = staff_client.post(admin_url(meeting, "change"), moved, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert meeting.sessions.get().date == datetime.date(2023, 6, 14)


def test_without_the_programme_on_the_page_the_saved_one_is_checked(client):
    # An editor who may change meetings but not see their sessions cannot move them along.
    client.force_login(
        make_user(
            staff=True,
            permissions=["events.view_meeting", "events.change_meeting", "events.view_sitevisit"],
        )
    )
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    make_session(meeting, date=datetime.date(2023, 6, 7), title_en="Panel")
    data = form_data(client.get(admin_url(meeting, "change"), HTTP_ACCEPT_LANGUAGE="en"))
    assert "sessions-TOTAL_FORMS" not in data
    moved = data | {"start_date": "2023-06-13", "end_date": "2023-06-14"}
    response = client.post(admin_url(meeting, "change"), moved, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "“Panel”: June 7, 2023 is outside the meeting's dates (June 13, 2023 – June 14, 2023)."
    ]
    meeting.refresh_from_db()
    assert meeting.start_date == datetime.date(2023, 6, 6)


def test_a_view_only_programme_is_checked_with_its_saved_dates(client):
    client.force_login(
        make_user(
            staff=True,
            permissions=[
                "events.view_meeting",
                "events.change_meeting",
                "events.view_session",
                "events.view_sitevisit",
            ],
        )
    )
    meeting = make_meeting(start_date=datetime.date(2023, 6, 6), end_date=datetime.date(2023, 6, 7))
    make_session(meeting, date=datetime.date(2023, 6, 7))
    data = form_data(client.get(admin_url(meeting, "change"), HTTP_ACCEPT_LANGUAGE="en"))
    moved = data | {"start_date": "2023-06-13", "end_date": "2023-06-14"}
    response = client.post(admin_url(meeting, "change"), moved, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[0]["date"] == [
        "June 7, 2023 is outside the meeting's dates (June 13, 2023 – June 14, 2023)."
    ]
    meeting.refresh_from_db()
    assert meeting.start_date == datetime.date(2023, 6, 6)


def test_two_sessions_cannot_share_a_position(staff_client):
    meeting = make_meeting()
    make_session(meeting, order=1)
    data = form_data(staff_client.get(admin_url(meeting, "change"), HTTP_ACCEPT_LANGUAGE="bg"))
    data |= {"sessions-TOTAL_FORMS": "2", **_session(1, 1, "2023-06-06", "Втора")}
    response = staff_client.post(admin_url(meeting, "change"), data, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.non_form_errors() == ["Друга сесия от тази среща вече е на това място."]
    assert Session.objects.count() == 1


def test_a_session_edited_on_its_own_keeps_within_its_meeting(staff_client):
    session = make_session()
    data = form_data(staff_client.get(admin_url(session, "change"), HTTP_ACCEPT_LANGUAGE="bg"))
    response = staff_client.post(
        admin_url(session, "change"), data | {"date": "2024-01-01"}, HTTP_ACCEPT_LANGUAGE="bg"
    )
    assert response.status_code == 200
    assert "е извън датите на срещата" in response.context["adminform"].form.errors["date"][0]


def test_meetings_filter_by_project_and_year(staff_client):
    project = make_project()
    in_project = make_meeting(project=project)
    make_meeting(start_date=datetime.date(2021, 5, 1), end_date=datetime.date(2021, 5, 2))
    response = staff_client.get(admin_url(Meeting), {"project__id__exact": project.pk})
    assert list(response.context["cl"].result_list) == [in_project]
    response = staff_client.get(admin_url(Meeting), {"start_date__year": 2021})
    assert response.context["cl"].result_count == 1


def test_session_autocomplete_searches_both_languages(staff_client):
    session = make_session(title_bg="Зелени покриви", title_en="Green roofs")
    make_session(title_bg="Друго", title_en="Other")
    for term in ("Зелени", "roofs"):
        response = staff_client.get(
            "/admin/autocomplete/",
            {
                "term": term,
                "app_label": "documents",
                "model_name": "document",
                "field_name": "session",
            },
        )
        assert [item["id"] for item in response.json()["results"]] == [str(session.pk)]
