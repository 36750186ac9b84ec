"""Meetings as iCalendar, read back with the icalendar package, and the feed of meetings."""

import datetime
import io
import zoneinfo

import feedparser
import icalendar
import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Meeting
from publishing.models import Status
from tests.factories import (
    make_meeting,
    make_partner,
    make_project,
    make_session,
    published,
)

pytestmark = pytest.mark.django_db

SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")
JUNE_6, JUNE_7, JUNE_8 = (datetime.date(2023, 6, day) for day in (6, 7, 8))


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())
    return Meeting.objects.get()


@pytest.mark.parametrize(
    ("url", "title", "first_session"),
    [
        (
            "/bg/sreshti/rabotna-sreshta-cityxchange-smolyan-2023/calendar.ics",
            "Работна среща по +CityxChange в Смолян",
            "Откриване",
        ),
        (
            "/en/meetings/cityxchange-working-meeting-smolyan-2023/calendar.ics",
            "+CityxChange working meeting in Smolyan",
            "Opening",
        ),
    ],
)
def test_the_seed_meeting_on_6_and_7_june_2023_in_europe_sofia(
    client, demo, url, title, first_session
):
    response, calendar = read(client, url)
    assert response["Content-Disposition"].startswith("attachment;")

    assert calendar["X-WR-TIMEZONE"] == "Europe/Sofia"
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Sofia"
    # The zone's rules are those of Sofia in June 2023: three hours ahead of UTC.
    assert zone.to_tz().utcoffset(datetime.datetime(2023, 6, 6, 12)) == datetime.timedelta(hours=3)

    found = events(calendar)
    meeting = found[f"meeting-{demo.pk}@euprojects.smolyan.bg"]
    assert str(meeting["SUMMARY"]) == title
    assert meeting.decoded("DTSTART") == JUNE_6
    # An all-day event ends on the day after its last day.
    assert meeting.decoded("DTEND") == JUNE_8
    page = f"http://testserver{url.removesuffix('calendar.ics')}"
    assert str(meeting["URL"]) == page
    assert "Sky Hub Smolyan" in str(meeting["LOCATION"])
    assert str(meeting["ORGANIZER"]).startswith("http://testserver/")
    assert meeting["ORGANIZER"].params["CN"] in {"Смолян", "Smolyan"}
    assert meeting["GEO"].latitude == pytest.approx(41.58, abs=0.01)

    sessions = sorted(
        (event for uid, event in found.items() if uid.startswith("session-")),
        key=lambda event: str(event["URL"]),
    )
    assert len(sessions) == 6
    assert [event.decoded("DTSTART") for event in sessions] == [JUNE_6] * 4 + [JUNE_7] * 2
    # The seed gives no clock times, so each session is an all-day item of its day.
    assert all(
        event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(days=1)
        for event in sessions
    )
    assert str(sessions[0]["SUMMARY"]).startswith(first_session)
    assert str(sessions[0]["URL"]) == f"{page}#session-1"
    assert all(
        str(event["RELATED-TO"]) == f"meeting-{demo.pk}@euprojects.smolyan.bg" for event in sessions
    )


def test_a_session_with_a_time_is_at_that_time_in_sofia(client):
    meeting = make_meeting(title_en="Timed", host=make_partner())
    session = make_session(
        meeting,
        date=JUNE_7,
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11, 0),
        title_en="Panel",
    )
    make_session(meeting, date=JUNE_6, start_time=datetime.time(14, 0), end_time=None)

    _response, calendar = read(client, "/en/meetings/timed/calendar.ics")
    event = events(calendar)[f"session-{session.pk}@euprojects.smolyan.bg"]

    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == datetime.datetime(2023, 6, 7, 9, 30, tzinfo=SOFIA)
    assert start.tzinfo.key == "Europe/Sofia"
    assert event["DTSTART"].params["TZID"] == "Europe/Sofia"
    assert start.astimezone(datetime.UTC).hour == 6
    assert end == datetime.datetime(2023, 6, 7, 11, 0, tzinfo=SOFIA)
    assert str(event["SUMMARY"]) == "Panel"


def test_uids_stay_when_the_title_and_address_change(client):
    meeting = make_meeting(title_en="Before")
    _response, calendar = read(client, "/en/meetings/before/calendar.ics")
    meeting.title_en, meeting.slug_en = "After", ""
    meeting.save()
    _response, again = read(client, "/en/meetings/after/calendar.ics")
    assert (
        set(events(again))
        == set(events(calendar))
        == {f"meeting-{meeting.pk}@euprojects.smolyan.bg"}
    )


def test_the_domain_of_the_uids_is_a_setting(client, settings):
    settings.PORTAL_DOMAIN = "portal.example.org"
    meeting = make_meeting(title_en="Elsewhere")
    _response, calendar = read(client, "/en/meetings/elsewhere/calendar.ics")
    assert set(events(calendar)) == {f"meeting-{meeting.pk}@portal.example.org"}


def test_text_that_fell_back_to_bulgarian_says_so(client):
    make_meeting(title_bg="Само на български", title_en="", summary_en="")
    _response, calendar = read(client, "/en/meetings/samo-na-balgarski/calendar.ics")
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Само на български"
    assert event["SUMMARY"].params["LANGUAGE"] == "bg"


def test_the_calendar_of_all_meetings_and_of_a_project(client):
    project = make_project(title_en="Positive cities", acronym="")
    ours = make_meeting(title_en="Ours", project=project)
    make_session(ours)
    other = make_meeting(title_en="Other")
    make_meeting(title_en="Draft", status=Status.DRAFT, project=project)
    make_meeting(
        title_en="Scheduled",
        project=project,
        **published(published_at=timezone.now() + datetime.timedelta(days=1)),
    )

    response, calendar = read(client, "/en/meetings/calendar.ics")
    assert response["Content-Disposition"] == 'inline; filename="meetings.ics"'
    uids = set(events(calendar))
    assert {
        f"meeting-{ours.pk}@euprojects.smolyan.bg",
        f"meeting-{other.pk}@euprojects.smolyan.bg",
    } < uids
    assert len(uids) == 3  # two meetings and one session
    assert str(calendar["X-WR-CALNAME"]) == "Partner meetings · EU projects of Smolyan"

    _response, calendar = read(client, "/en/meetings/projects/positive-cities/calendar.ics")
    meetings = {uid for uid in events(calendar) if uid.startswith("meeting-")}
    assert meetings == {f"meeting-{ours.pk}@euprojects.smolyan.bg"}

    _response, calendar = read(client, "/bg/sreshti/calendar.ics")
    assert str(calendar["X-WR-CALNAME"]) == "Партньорски срещи · Европейските проекти на Смолян"


def test_calendars_of_unknown_or_unpublished_items_are_not_found(client):
    make_meeting(title_en="Draft", status=Status.DRAFT)
    make_project(title_en="Hidden", status=Status.DRAFT)
    assert client.get("/en/meetings/draft/calendar.ics").status_code == 404
    assert client.get("/en/meetings/no-such-meeting/calendar.ics").status_code == 404
    assert client.get("/en/meetings/projects/hidden/calendar.ics").status_code == 404


@pytest.mark.parametrize(
    ("url", "link", "label"),
    [
        (
            "/bg/sreshti/sreshta/",
            "/bg/sreshti/sreshta/calendar.ics",
            "Добавяне в календара",
        ),
        ("/en/meetings/meeting/", "/en/meetings/meeting/calendar.ics", "Add to calendar"),
    ],
)
def test_each_meeting_page_offers_add_to_calendar(client, url, link, label):
    make_meeting(title_bg="Среща", title_en="Meeting")
    html = client.get(url).content.decode()
    assert f'<a href="{link}" type="text/calendar" download>{label}</a>' in html


def test_the_meetings_list_links_its_feeds_and_calendar(client):
    html = client.get("/en/meetings/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="Partner meetings (RSS)"' in html
    assert 'href="/en/meetings/calendar.ics"' in html
    assert "Calendar of the meetings (iCalendar)</a>" in html
    assert "Feed of the meetings (Atom)</a>" in html


# The feed of meetings


@pytest.mark.parametrize("name", ["rss.xml", "atom.xml"])
def test_the_meetings_feed_holds_upcoming_and_recent_meetings(client, name):
    today = timezone.localdate()
    make_meeting(
        title_en="Next month",
        start_date=today + datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=31),
        host=make_partner(name_en="Trondheim"),
        venue_bg="Кметството",
        venue_en="City hall",
    )
    make_meeting(title_en="Last year", start_date=JUNE_6, end_date=JUNE_7)
    make_meeting(title_en="Draft", status=Status.DRAFT)

    feed = feedparser.parse(client.get(f"/en/meetings/{name}").content)

    assert not feed.bozo
    assert feed.feed.language == "en"
    assert feed.feed.subtitle == (
        "Partner meetings of the Municipality of Smolyan's EU city projects."
    )
    assert [entry.title for entry in feed.entries] == ["Next month", "Last year"]
    assert "City hall, Trondheim" in feed.entries[0].summary
    assert "6–7\u00a0June\u00a02023" in feed.entries[1].summary
    bulgarian = feedparser.parse(client.get(f"/bg/sreshti/{name}").content)
    assert bulgarian.feed.language == "bg"
    assert "6–7\u00a0юни\u00a02023\u00a0г." in bulgarian.entries[1].summary


# Query budgets: the same number of queries for one meeting or session and for thirty.


@pytest.mark.parametrize("count", [1, 30])
def test_calendar_query_budgets(client, django_assert_num_queries, count):
    project = make_project(title_en="Busy project")
    meeting = make_meeting(title_en="Busy", project=project, host=make_partner())
    for _n in range(count):
        make_session(meeting).led_by.add(make_partner())
        make_meeting(project=project, host=make_partner())
    # The meeting with its host, its sessions, their leaders.
    with django_assert_num_queries(3):
        assert client.get("/en/meetings/busy/calendar.ics").status_code == 200
    with django_assert_num_queries(3):
        assert client.get("/en/meetings/calendar.ics").status_code == 200
    # And the project first.
    with django_assert_num_queries(4):
        assert client.get("/en/meetings/projects/busy-project/calendar.ics").status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/en/meetings/rss.xml").status_code == 200
