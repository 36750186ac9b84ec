"""The API's lists: published content only, pages, filters, and a fixed number of queries."""

import datetime

import pytest

from partners.models import PartnerKind
from tests import factories
from tests.api.content import LISTS, draft, linked_items, scheduled

pytestmark = pytest.mark.django_db

# Queries of each list, whatever the number of records: the count, the page, and one
# for each kind of linked record (prefetched).
QUERY_BUDGET = {"news": 5, "meetings": 6, "partners": 4, "projects": 3, "documents": 2}


def ids(response):
    assert response.status_code == 200, response.content
    return [record["id"] for record in response.json()["results"]]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_runs_a_fixed_number_of_queries(client, name, django_assert_num_queries):
    linked_items(1)
    with django_assert_num_queries(QUERY_BUDGET[name]):
        one = client.get(LISTS[name], {"page_size": 100})
    linked_items(30)
    with django_assert_num_queries(QUERY_BUDGET[name]):
        many = client.get(LISTS[name], {"page_size": 100})
    assert len(many.json()["results"]) >= 30 > len(one.json()["results"]) >= 1


@pytest.mark.parametrize("name", LISTS)
def test_every_record_runs_a_fixed_number_of_queries(client, name, django_assert_num_queries):
    linked_items(30)
    first = client.get(LISTS[name]).json()["results"][0]
    # The list's count and page become the one record's query.
    with django_assert_num_queries(QUERY_BUDGET[name] - 1):
        response = client.get(first["api_url"])
    assert response.json() == first


MAKERS = {
    "news": factories.make_article,
    "meetings": factories.make_meeting,
    "partners": factories.make_partner,
    "projects": factories.make_project,
    "documents": factories.make_document,
}


@pytest.mark.parametrize("name", LISTS)
def test_no_list_shows_a_draft_or_a_scheduled_item(client, name):
    make = MAKERS[name]
    shown = make()
    hidden = [make(**draft()), make(**scheduled())]
    assert ids(client.get(LISTS[name])) == [shown.pk]
    for item in hidden:
        response = client.get(f"{LISTS[name]}{item.pk}/")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert "detail" in response.json()


@pytest.mark.parametrize("name", LISTS)
def test_every_list_comes_in_pages(client, name):
    made = [MAKERS[name]() for _n in range(5)]
    first = client.get(LISTS[name], {"page_size": 2}).json()
    assert (first["count"], first["page"], first["pages"]) == (5, 1, 3)
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/")
    second = client.get(first["next"]).json()
    last = client.get(second["next"]).json()
    assert last["next"] is None
    seen = [r["id"] for page in (first, second, last) for r in page["results"]]
    assert sorted(seen) == sorted(item.pk for item in made)


def test_references_never_reveal_a_draft(client):
    hidden_project = factories.make_project(**draft())
    hidden_partner = factories.make_partner(**draft())
    meeting = factories.make_meeting(project=hidden_project, host=hidden_partner)
    meeting.participants.add(hidden_partner)
    session = factories.make_session(meeting=meeting)
    session.led_by.add(hidden_partner)
    article = factories.make_article(meeting=factories.make_meeting(**draft()))
    article.projects.add(hidden_project)
    article.partners.add(hidden_partner)
    record = client.get(f"/api/v1/meetings/{meeting.pk}/").json()
    assert record["project"] is None and record["host"] is None
    assert record["participants"] == [] and record["sessions"][0]["led_by"] == []
    record = client.get(f"/api/v1/news/{article.pk}/").json()
    assert (record["meeting"], record["projects"], record["partners"]) == (None, [], [])


def test_news_filters(client):
    project, partner = factories.make_project(), factories.make_partner()
    about_project = factories.make_article()
    about_project.projects.add(project)
    about_partner = factories.make_article(title_en="")
    about_partner.partners.add(partner)
    old = factories.make_article(published_at=datetime.datetime(2021, 5, 1, tzinfo=datetime.UTC))
    assert ids(client.get("/api/v1/news/", {"project": project.pk})) == [about_project.pk]
    assert ids(client.get("/api/v1/news/", {"partner": partner.pk})) == [about_partner.pk]
    assert ids(client.get("/api/v1/news/", {"year": 2021})) == [old.pk]
    assert about_partner.pk not in ids(client.get("/api/v1/news/", {"lang": "en"}))
    assert about_partner.pk in ids(client.get("/api/v1/news/", {"lang": "bg"}))


def test_meeting_filters(client):
    project, partner = factories.make_project(), factories.make_partner()
    today = datetime.date.today()
    past = factories.make_meeting(project=project, host=partner)
    coming = factories.make_meeting(
        start_date=today + datetime.timedelta(days=30), end_date=today + datetime.timedelta(days=31)
    )
    coming.participants.add(partner)
    assert ids(client.get("/api/v1/meetings/", {"project": project.pk})) == [past.pk]
    assert ids(client.get("/api/v1/meetings/", {"partner": partner.pk})) == [coming.pk, past.pk]
    assert ids(client.get("/api/v1/meetings/", {"when": "upcoming"})) == [coming.pk]
    assert ids(client.get("/api/v1/meetings/", {"when": "past"})) == [past.pk]
    assert ids(client.get("/api/v1/meetings/", {"year": 2023})) == [past.pk]


def test_partner_and_project_filters(client):
    project = factories.make_project()
    city = factories.make_partner(country="NO")
    university = factories.make_partner(kind=PartnerKind.UNIVERSITY, name_en="")
    factories.make_participation(project=project, partner=university)
    assert ids(client.get("/api/v1/partners/", {"kind": "university"})) == [university.pk]
    assert ids(client.get("/api/v1/partners/", {"country": "no"})) == [city.pk]
    assert ids(client.get("/api/v1/partners/", {"project": project.pk})) == [university.pk]
    assert ids(client.get("/api/v1/partners/", {"lang": "en"})) == [city.pk]
    other = factories.make_project()
    assert ids(client.get("/api/v1/projects/", {"partner": university.pk})) == [project.pk]
    assert other.pk in ids(client.get("/api/v1/projects/"))


def test_document_filters(client):
    project, meeting = factories.make_project(), factories.make_meeting()
    of_project = factories.make_document(project=project, kind="slides")
    of_meeting = factories.make_document(meeting=meeting, file_language="en")
    assert ids(client.get("/api/v1/documents/", {"project": project.pk})) == [of_project.pk]
    assert ids(client.get("/api/v1/documents/", {"meeting": meeting.pk})) == [of_meeting.pk]
    assert ids(client.get("/api/v1/documents/", {"kind": "slides"})) == [of_project.pk]
    assert ids(client.get("/api/v1/documents/", {"language": "en"})) == [of_meeting.pk]
