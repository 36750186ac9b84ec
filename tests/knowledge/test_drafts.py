"""A draft solution, and a person without a basis, appear nowhere public."""

import pytest
from django.utils import translation

from knowledge.models import ReplicationStatus
from publishing.models import Status
from tests.factories import (
    make_meeting,
    make_person,
    make_project,
    make_replication,
    make_session,
    make_site_visit,
    make_solution,
    make_topic,
)
from tests.search.conftest import result_titles

pytestmark = pytest.mark.django_db

SECRET = "Zzyzxdraft"


@pytest.fixture
def draft():
    """A draft solution linked to published things: a topic, a project, a session, a visit."""
    topic = make_topic(name_en="Energy")
    project = make_project(title_en="Busy")
    meeting = make_meeting(title_en="Working meeting", project=project)
    session = make_session(meeting)
    visit = make_site_visit(meeting)
    solution = make_solution(
        title_bg=f"{SECRET} чернова",
        title_en=f"{SECRET} draft",
        summary_en=f"{SECRET} summary",
        status=Status.DRAFT,
        published_at=None,
    )
    solution.topics.add(topic)
    solution.projects.add(project)
    solution.sessions.add(session)
    solution.site_visits.add(visit)
    make_replication(solution, status=ReplicationStatus.PLANNED)
    # Something published, so that the lists are not empty.
    make_solution(title_en="Published one").topics.add(topic)
    return {"solution": solution, "topic": topic, "project": project, "meeting": meeting}


def pages(draft):
    found = []
    for language in ("bg", "en"):
        with translation.override(language):
            found += [
                "/bg/reshenia/" if language == "bg" else "/en/solutions/",
                "/bg/reshenia/po-gradove/" if language == "bg" else "/en/solutions/by-city/",
                draft["topic"].get_absolute_url(),
                draft["project"].get_absolute_url(),
                draft["meeting"].get_absolute_url(),
                "/bg/reshenia/rss.xml" if language == "bg" else "/en/solutions/atom.xml",
            ]
    return found + ["/api/v1/solutions/", "/sitemap.xml"]


def shows(response):
    """Whether a page names the secret, in a title or in an address (its slug)."""
    return SECRET.lower() in response.content.decode().lower()


def found_by_search(client):
    """The results of a search for the secret word, on both languages' search pages."""
    return [
        result
        for path in ("/bg/tarsene/", "/en/search/")
        for result in result_titles(client.get(path, {"q": SECRET}))
    ]


def test_a_draft_solution_appears_nowhere_public(client, draft):
    for path in pages(draft):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not shows(response), path
    assert found_by_search(client) == []
    # Its own page and record answer as if it did not exist.
    with translation.override("en"):
        assert client.get(draft["solution"].get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/solutions/{draft['solution'].pk}/").status_code == 404
    # The city it names is not a filter value of the catalogue.
    city = draft["solution"].replications.get().city
    assert client.get("/en/solutions/", {"city": city.pk}).status_code == 404


def test_a_published_solution_does_appear(client, draft):
    draft["solution"].status = Status.PUBLISHED
    draft["solution"].save()
    for path in pages(draft):
        assert shows(client.get(path)), path
    assert found_by_search(client)


def test_a_person_without_a_basis_is_never_named(client):
    meeting = make_meeting(title_en="Working meeting")
    session = make_session(meeting)
    solution = make_solution(title_en="Energy block")
    hidden = make_person(
        name_en=f"{SECRET} Person", basis="", status=Status.DRAFT, published_at=None
    )
    hidden.spoke_at.add(session)
    solution.contact_people.add(hidden)
    with translation.override("en"):
        paths = [meeting.get_absolute_url(), "/en/solutions/energy-block/", "/api/v1/solutions/"]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not shows(response), path
    assert found_by_search(client) == []
    # Once a basis is recorded and the person published, the name is shown.
    hidden.basis = "consent"
    hidden.status = Status.PUBLISHED
    hidden.save()
    assert shows(client.get(paths[0])) and shows(client.get(paths[1]))
    assert found_by_search(client)
