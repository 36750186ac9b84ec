"""Meetings: upcoming and past by year, and a meeting's page with its programme."""

import datetime
import re

import pytest
from django.utils import timezone

from projects.models import Role
from publishing.models import Status
from tests.factories import (
    make_article,
    make_document,
    make_meeting,
    make_participation,
    make_partner,
    make_project,
    make_session,
    make_site_visit,
)

pytestmark = pytest.mark.django_db


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def section(html, heading_id):
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


# The list


def test_list_splits_upcoming_and_past_by_year(client):
    make_meeting(
        title_en="Next month", start_date=days_from_today(30), end_date=days_from_today(31)
    )
    make_meeting(
        title_en="Running now", start_date=days_from_today(-1), end_date=days_from_today(1)
    )
    make_meeting(
        title_en="Spring 2023",
        start_date=datetime.date(2023, 4, 4),
        end_date=datetime.date(2023, 4, 5),
    )
    make_meeting(
        title_en="Autumn 2023",
        start_date=datetime.date(2023, 10, 4),
        end_date=datetime.date(2023, 10, 4),
    )
    make_meeting(
        title_en="Winter 2022",
        start_date=datetime.date(2022, 2, 1),
        end_date=datetime.date(2022, 2, 2),
    )
    response = client.get("/en/meetings/")
    assert response.status_code == 200
    html = response.text
    upcoming = section(html, "upcoming-heading")
    assert upcoming.index("Running now") < upcoming.index("Next month")
    past = html.split('id="past-heading"')[1]
    assert past.index('id="year-2023"') < past.index("Autumn 2023") < past.index("Spring 2023")
    assert past.index("Spring 2023") < past.index('id="year-2022"') < past.index("Winter 2022")
    assert "Next month" not in past


@pytest.mark.parametrize(
    ("path", "upcoming_heading", "page_two"),
    [
        ("/en/meetings/", "Upcoming meetings", "Page 2 of 2"),
        ("/bg/sreshti/", "Предстоящи срещи", "Страница 2 от 2"),
    ],
)
def test_past_meetings_come_a_page_at_a_time(client, path, upcoming_heading, page_two):
    coming = days_from_today(9)
    make_meeting(title_en="Coming", title_bg="Предстояща", start_date=coming, end_date=coming)
    for n in range(30):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=20 * n)
        make_meeting(title_en=f"Past {n}", title_bg=f"Минала {n}", start_date=day, end_date=day)
    word = "Past" if path.startswith("/en/") else "Минала"

    def past_numbers(html):
        return [int(number) for number in re.findall(rf">{word} (\d+)<", html)]

    first = client.get(path).text
    assert upcoming_heading in first
    # The 24 latest, newest first; the 6 earliest on the second page, without what is coming.
    assert past_numbers(first) == list(range(29, 5, -1))
    assert 'rel="next"' in first and 'rel="prev"' not in first
    second = client.get(path, {"page": 2}).text
    assert upcoming_heading not in second and "Coming" not in second
    assert past_numbers(second) == list(range(5, -1, -1))
    assert page_two in second and 'rel="prev"' in second
    # A page number past the end, or none at all, lands on the nearest page.
    assert past_numbers(client.get(path, {"page": 99}).text) == list(range(5, -1, -1))
    assert upcoming_heading in client.get(path, {"page": "x"}).text


def test_list_in_bulgarian_with_host_and_dates(client):
    host = make_partner(name_bg="Тронхайм", country="NO")
    make_meeting(
        title_bg="Среща в Тронхайм",
        host=host,
        start_date=datetime.date(2023, 6, 6),
        end_date=datetime.date(2023, 6, 7),
    )
    html = client.get("/bg/sreshti/").text
    assert "Среща в Тронхайм" in html
    assert (
        '<time datetime="2023-06-06">6</time>–'
        '<time datetime="2023-06-07">7\u00a0юни\u00a02023\u00a0г.</time>' in html
    )
    assert "Тронхайм</span>, Норвегия" in html


def test_list_empty_states(client):
    html = client.get("/en/meetings/").text
    assert "No meeting is planned at the moment." in html
    assert "No meeting has been held yet." in html


def test_list_hides_unpublished_meetings_and_hosts(client):
    make_meeting(title_en="Draft meeting", status=Status.DRAFT)
    make_meeting(title_en="Shown", host=make_partner(name_en="Hidden host", status=Status.DRAFT))
    html = client.get("/en/meetings/").text
    assert "Draft meeting" not in html
    assert "Shown" in html
    assert "Hidden host" not in html


# The meeting page


@pytest.fixture
def meeting():
    project = make_project(title_en="Positive cities", acronym="+CxC")
    host = make_partner(name_bg="Смолян", name_en="Smolyan", country="BG")
    guest = make_partner(name_bg="Писек", name_en="Pisek", country="CZ")
    network = make_partner(name_en="Scalable Cities", country="BE")
    make_participation(project, host, Role.FOLLOWER)
    make_participation(project, guest, Role.LIGHTHOUSE)
    meeting = make_meeting(
        title_bg="Среща в Смолян",
        title_en="Meeting in Smolyan",
        project=project,
        host=host,
        venue_en="Town hall",
        venue_bg="Общината",
        summary_en="Two days of exchange.",
        body_en="<p>What happened.</p>",
        outcomes_en="<ul><li>A cookbook.</li></ul>",
        start_date=datetime.date(2023, 6, 6),
        end_date=datetime.date(2023, 6, 7),
    )
    meeting.participants.add(host, guest, network)
    opening = make_session(
        meeting,
        title_en="Opening",
        kind="opening",
        date=datetime.date(2023, 6, 6),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(10, 0),
        summary_en="Welcome by the mayor.",
        speakers_en="Mayor of Smolyan",
    )
    opening.led_by.add(host)
    panel = make_session(
        meeting,
        title_en="Panel on districts",
        kind="panel",
        date=datetime.date(2023, 6, 7),
        start_time=datetime.time(11, 0),
        end_time=datetime.time(12, 30),
        venue_en="Sky Hub",
    )
    panel.led_by.add(guest, make_partner(name_en="Hidden leader", status=Status.DRAFT))
    make_document(title_en="Panel notes", meeting=meeting, session=panel)
    make_document(title_en="Draft notes", meeting=meeting, session=panel, status=Status.DRAFT)
    make_document(title_en="Meeting report", meeting=meeting)
    make_site_visit(
        meeting,
        title_en="Swimming pool",
        place_en="City pool",
        description_en="A positive energy building.",
        latitude="41.574000",
        longitude="24.701000",
    )
    make_article(title_en="Partners met", meeting=meeting)
    make_article(title_en="Draft article", meeting=meeting, status=Status.DRAFT)
    return meeting


def test_meeting_page_summary_facts(client, meeting):
    response = client.get("/en/meetings/meeting-in-smolyan/")
    assert response.status_code == 200
    assert response.templates[0].name == "events/meeting_detail.html"
    html = response.text
    assert "<h1>Meeting in Smolyan</h1>" in html
    assert (
        '<time datetime="2023-06-06">6</time>–'
        '<time datetime="2023-06-07">7\u00a0June\u00a02023</time>'
    ) in html
    assert '<a href="/en/partners/smolyan/">Smolyan</a>, Bulgaria' in html
    assert "<dd>Town hall</dd>" in html
    assert "Two days of exchange." in html
    assert "<p>What happened.</p>" in html
    assert "<li>A cookbook.</li>" in section(html, "outcomes-heading")


def test_programme_is_grouped_by_day_with_an_anchor_per_session(client, meeting):
    html = client.get("/en/meetings/meeting-in-smolyan/").text
    programme = html.split('id="programme-heading"')[1].split('id="visits-heading"')[0]
    day_one, day_two = programme.split('id="day-2023-06-07"')
    assert "Tuesday, 6\u00a0June\u00a02023" in day_one
    assert "Wednesday, 7\u00a0June\u00a02023" in day_two
    assert '<li class="session" id="session-1">' in day_one
    assert "<time>09:30</time>–<time>10:00</time>" in day_one
    assert '<span class="session__kind">Opening</span>' in day_one
    assert '<a href="#session-1">Opening</a>' in day_one
    assert "Welcome by the mayor." in day_one
    assert "Mayor of Smolyan" in day_one
    assert '<a href="/en/partners/smolyan/">Smolyan</a>' in day_one
    assert '<li class="session" id="session-2">' in day_two
    assert "Sky Hub" in day_two
    assert '<span class="session__kind">Panel</span>' in day_two
    assert '<a href="/en/partners/pisek/">Pisek</a>' in day_two
    assert "Hidden leader" not in programme
    assert "Panel notes</a>" in day_two
    assert "(PDF, " in day_two
    assert "Draft notes" not in html


def test_site_visits_link_to_the_place_on_a_map(client, meeting):
    visits = section(client.get("/en/meetings/meeting-in-smolyan/").text, "visits-heading")
    assert "Swimming pool" in visits
    assert "City pool" in visits
    assert "A positive energy building." in visits
    assert (
        'href="https://www.openstreetmap.org/?mlat=41.574000&amp;mlon=24.701000'
        '#map=16/41.574000/24.701000"'
    ) in visits


def test_participants_with_their_role_in_the_project(client, meeting):
    table = section(client.get("/en/meetings/meeting-in-smolyan/").text, "participants-heading")
    assert "Role in +CxC" in table
    rows = table.split("<tr>")[2:]
    assert [row.split("</a>")[0].rsplit(">", 1)[1] for row in rows] == [
        "Pisek",
        "Scalable Cities",
        "Smolyan",
    ]
    # Each cell names its column, for the stacked rows of a narrow screen.
    assert '<td data-label="Country">Czechia</td>' in rows[0]
    assert '<td data-label="Role in +CxC">Lighthouse city</td>' in rows[0]
    assert '<td data-label="Role in +CxC">–</td>' in rows[1]
    assert "(host)" in rows[2] and ">Follower city</td>" in rows[2]


def test_country_names_in_bulgarian(client, meeting):
    html = client.get("/bg/sreshti/sreshta-v-smolyan/").text
    table = section(html, "participants-heading")
    assert '<td data-label="Държава">Чехия</td>' in table
    assert ">Водещ град</td>" in table


def test_related_news_and_documents_are_published_only(client, meeting):
    html = client.get("/en/meetings/meeting-in-smolyan/").text
    assert "Partners met</a>" in section(html, "news-heading")
    assert "Draft article" not in html
    documents = section(html, "documents-heading")
    assert "Meeting report</a>" in documents
    assert "Panel notes" not in documents  # listed under its session


def test_unpublished_project_and_host_are_left_out(client):
    make_meeting(
        title_en="Lonely",
        project=make_project(title_en="Secret project", status=Status.DRAFT),
        host=make_partner(name_en="Secret host", status=Status.DRAFT),
    ).participants.add(make_partner(name_en="Secret guest", status=Status.DRAFT))
    html = client.get("/en/meetings/lonely/").text
    assert "Secret" not in html


def test_meeting_page_prints_as_a_summary(client, meeting):
    html = client.get("/en/meetings/meeting-in-smolyan/").text
    assert 'href="/static/css/print.css" media="print"' in html
    assert '<section aria-labelledby="news-heading" class="no-print">' in html


def test_untranslated_meeting_in_english(client):
    make_meeting(title_bg="Само български", title_en="", summary_en="", summary_bg="Резюме.")
    html = client.get("/en/meetings/samo-balgarski/").text
    assert "This item is available in Bulgarian only." in html
    assert '<h1 lang="bg">Само български</h1>' in html
    assert '<p class="lead" lang="bg">Резюме.</p>' in html
    assert 'hreflang="en"' not in html


def test_switcher_leads_to_the_same_meeting(client, meeting):
    html = client.get("/bg/sreshti/sreshta-v-smolyan/").text
    assert '<a href="/en/meetings/meeting-in-smolyan/" hreflang="en" lang="en">' in html


def test_unpublished_meeting_is_not_found(client):
    make_meeting(title_en="Draft", status=Status.DRAFT)
    assert client.get("/en/meetings/draft/").status_code == 404


# Query budgets


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_budget(client, django_assert_num_queries, count):
    for n in range(count):
        make_meeting(
            host=make_partner(),
            project=make_project(),
            start_date=days_from_today(-100 - n),
            end_date=days_from_today(-99 - n),
        )
        make_meeting(
            host=make_partner(), start_date=days_from_today(n), end_date=days_from_today(n)
        )
    with django_assert_num_queries(3):  # the past ones counted, a page of them, upcoming
        assert client.get("/en/meetings/").status_code == 200


# The meeting's own 10, and what knowledge adds to its programme (knowledge/sections.py):
# the people who led and who spoke, and the solutions of the sessions and of the site visits.
DETAIL_QUERIES = 14
# meeting with host and project; sessions, their leaders and documents; site visits; roles
# in the project; participants; news; documents of the meeting; the translation state (the
# table of changes; the programme and the visits came with the meeting)


@pytest.mark.parametrize("count", [1, 30])
def test_detail_query_budget(client, django_assert_num_queries, count):
    project = make_project()
    meeting = make_meeting(title_en="Busy", project=project, host=make_partner())
    for _n in range(count):
        partner = make_partner()
        make_participation(project, partner)
        meeting.participants.add(partner)
        session = make_session(meeting)
        session.led_by.add(partner)
        make_document(meeting=meeting, session=session)
        make_document(meeting=meeting)
        make_site_visit(meeting)
        make_article(meeting=meeting)
    with django_assert_num_queries(DETAIL_QUERIES):
        assert client.get("/en/meetings/busy/").status_code == 200
