"""The public pages of knowledge: the catalogue, a solution, the matrix and a topic."""

import re

import pytest
from django.utils import translation

from knowledge.models import ReplicationStatus
from tests.factories import (
    make_article,
    make_document,
    make_indicator,
    make_meeting,
    make_partner,
    make_person,
    make_project,
    make_replication,
    make_session,
    make_site_visit,
    make_solution,
    make_topic,
)

pytestmark = pytest.mark.django_db

CATALOGUE = {"bg": "/bg/reshenia/", "en": "/en/solutions/"}
MATRIX = {"bg": "/bg/reshenia/po-gradove/", "en": "/en/solutions/by-city/"}


def url_in(language, obj):
    with translation.override(language):
        return obj.get_absolute_url()


def many_solutions(count):
    """`count` solutions on one topic and project, each in its own city, with evidence."""
    topic, project = make_topic(name_en="Buildings and more"), make_project()
    meeting = make_meeting()
    for n in range(count):
        solution = make_solution(title_en=f"Card {n}")
        solution.topics.add(topic)
        solution.projects.add(project)
        solution.sessions.add(make_session(meeting))
        make_replication(solution, make_partner(), ReplicationStatus.REPLICATED, year=2022)
    return topic, project


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_catalogue_lists_published_solutions_with_their_facts(client, language):
    topic = make_topic(name_bg="Сградите", name_en="The buildings")
    city = make_partner(name_bg="Писек", name_en="Písek")
    solution = make_solution(title_bg="Училище", title_en="A school")
    solution.topics.add(topic)
    make_replication(solution, city, ReplicationStatus.REPLICATED)
    response = client.get(CATALOGUE[language])
    html = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "knowledge/solution_list.html"
    if language == "bg":
        assert "<h1>Решения</h1>" in html
        assert "Училище" in html and "Сградите" in html and "Писек</span> (възпроизведено)" in html
    else:
        assert "<h1>Solutions</h1>" in html
        assert (
            "A school" in html and "The buildings" in html and "Písek</span> (replicated)" in html
        )
    assert f'href="{url_in(language, solution)}"' in html


@pytest.mark.parametrize("param", ["topic", "project", "city", "status"])
def test_the_catalogue_narrows_by_each_filter(client, param):
    topic, project = make_topic(), make_project()
    city = make_partner()
    wanted = make_solution(title_en="Wanted")
    wanted.topics.add(topic)
    wanted.projects.add(project)
    make_replication(wanted, city, ReplicationStatus.ADAPTING)
    other = make_solution(title_en="Other")
    other.topics.add(make_topic())
    other.projects.add(make_project())
    make_replication(other, make_partner(), ReplicationStatus.PLANNED)
    value = {"topic": topic.pk, "project": project.pk, "city": city.pk, "status": "adapting"}
    html = client.get(CATALOGUE["en"], {param: value[param]}).content.decode()
    assert "Wanted" in html
    assert "Other" not in html


def test_a_city_and_a_status_must_meet_in_one_row(client):
    city = make_partner()
    solution = make_solution(title_en="Elsewhere")
    make_replication(solution, city, ReplicationStatus.PLANNED)
    make_replication(solution, make_partner(), ReplicationStatus.REPLICATED)
    html = client.get(CATALOGUE["en"], {"city": city.pk, "status": "replicated"}).content
    assert b"Elsewhere" not in html


@pytest.mark.parametrize("pages", [CATALOGUE, MATRIX])
@pytest.mark.parametrize(
    "query",
    [
        {"topic": "999999"},
        {"topic": "abc"},
        {"project": "0"},
        {"status": "built"},
        {"status": ""},
    ],
)
def test_an_unknown_filter_value_is_a_404(client, pages, query):
    make_replication(make_solution(), make_partner(), ReplicationStatus.PLANNED)
    for language, path in pages.items():
        assert client.get(path, query).status_code == 404, (language, query)


def test_an_unknown_city_is_a_404_on_the_catalogue(client):
    make_replication(make_solution(), make_partner(), ReplicationStatus.PLANNED)
    assert client.get(CATALOGUE["en"], {"city": make_partner().pk}).status_code == 404


@pytest.mark.parametrize("page", ["9999", "0", "-3", "abc"])
def test_a_page_out_of_range_shows_the_nearest_page(client, page):
    for n in range(14):
        make_solution(title_en=f"Card {n:02}")
    response = client.get(CATALOGUE["en"], {"page": page})
    assert response.status_code == 200
    expected = 2 if page == "9999" else 1
    assert response.context["page_obj"].number == expected


@pytest.mark.parametrize("count", [1, 30])
def test_catalogue_query_budget(client, django_assert_num_queries, count):
    topic, project = many_solutions(count)
    # facets: topics, projects, cities, statuses; count, page; topics, projects,
    # replications with cities of the page's solutions
    with django_assert_num_queries(9):
        assert client.get(CATALOGUE["en"]).status_code == 200
    with django_assert_num_queries(9):
        assert client.get(CATALOGUE["bg"], {"topic": topic.pk}).status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_matrix_query_budget(client, django_assert_num_queries, count):
    many_solutions(count)
    # facets: topics, projects, statuses; count, page; replications with their cities
    with django_assert_num_queries(6):
        assert client.get(MATRIX["en"]).status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_solution_page_query_budget(client, django_assert_num_queries, count):
    solution = make_solution(title_en="Busy")
    meeting = make_meeting()
    for n in range(count):
        solution.topics.add(make_topic())
        solution.projects.add(make_project())
        solution.organisations.add(make_partner())
        solution.sessions.add(make_session(meeting))
        solution.site_visits.add(make_site_visit(meeting))
        solution.documents.add(make_document())
        solution.articles.add(make_article())
        solution.contact_people.add(make_person(organisation=make_partner()))
        solution.contact_partners.add(make_partner())
        make_replication(solution, make_partner(), year=2000 + n)
        make_indicator(solution, values=[(2020, n), (2021, n + 1)])
    # the solution, its eleven prefetched relations and the indicators' values, and the
    # translation state of its parts
    with django_assert_num_queries(14):
        assert client.get("/en/solutions/busy/").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_topic_page_query_budget(client, django_assert_num_queries, count):
    topic = make_topic(name_en="Energy")
    meeting = make_meeting()
    meeting.topics.add(topic)
    for _n in range(count):
        solution = make_solution()
        solution.topics.add(topic)
        solution.projects.add(make_project())
        topic.articles.add(make_article())
        topic.sessions.add(make_session(meeting))
        topic.documents.add(make_document())
        topic.projects.add(make_project())
    # the topic; the projects facet; each of the six kinds (solutions with their projects)
    with django_assert_num_queries(9):
        assert client.get("/en/topics/energy/").status_code == 200


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_solution_page_shows_lessons_evidence_replication_and_contacts(client, language):
    meeting = make_meeting(title_en="Working meeting")
    session = make_session(meeting, title_bg="Панел", title_en="Panel")
    visit = make_site_visit(meeting, title_bg="Басейнът", title_en="The pool")
    person = make_person(name_bg="Марин Захариев", name_en="Marin Zahariev")
    solution = make_solution(
        worked_bg="Гражданите участваха.",
        worked_en="The citizens took part.",
        advice_bg="Започнете от училищата.",
        advice_en="Start with the schools.",
    )
    solution.sessions.add(session)
    solution.site_visits.add(visit)
    solution.contact_people.add(person)
    make_replication(
        solution,
        make_partner(name_bg="Тронхайм", name_en="Trondheim"),
        ReplicationStatus.LIGHTHOUSE,
        year=2021,
    )
    html = client.get(url_in(language, solution)).content.decode()
    with translation.override(language):
        session_url, visit_url = session.get_absolute_url(), visit.get_absolute_url()
    assert f'href="{session_url}"' in html and session_url.endswith("#session-1")
    assert f'href="{visit_url}"' in html and visit_url.endswith("#visit-1")
    if language == "bg":
        assert "Поуки" in html and "Гражданите участваха." in html
        assert "Какво не се получи" not in html  # Silent where the editor wrote nothing.
        assert "Марин Захариев" in html and "Изпълнено като водещ град" in html
    else:
        assert "Lessons learned" in html and "Start with the schools." in html
        assert "What did not work" not in html
        assert "Marin Zahariev" in html and "Implemented as lighthouse" in html


def test_the_matrix_is_a_table_with_row_and_column_headers_and_a_legend(client):
    trondheim = make_partner(name_en="Trondheim")
    pisek = make_partner(name_en="Písek")
    first = make_solution(title_en="Energy block")
    make_replication(first, trondheim, ReplicationStatus.LIGHTHOUSE, year=2020)
    make_replication(first, pisek, ReplicationStatus.REPLICATED)
    second = make_solution(title_en="School")
    make_replication(second, pisek, ReplicationStatus.NOT_PURSUED)
    html = client.get(MATRIX["en"]).content.decode()
    assert re.search(
        r'<div class="matrix" role="region" aria-labelledby="matrix-caption"'
        r' aria-describedby="matrix-hint" tabindex="0">',
        html,
    )
    assert "scroll it sideways" in html  # The hint a phone shows.
    assert "<caption" in html
    columns = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', html)
    assert columns == ["Solution", "Písek", "Trondheim"]
    rows = re.findall(r'<th scope="row"><a [^>]*>([^<]*)</a></th>', html)
    assert rows == ["Energy block", "School"]
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    cells = [re.sub(r"<[^>]+>", "", cell).split() for cell in re.findall(r"<td>(.*?)</td>", body)]
    assert cells == [
        ["Replicated"],
        ["Implemented", "as", "lighthouse", "2020"],
        ["Not", "pursued"],
        ["–"],
    ]
    legend = html[html.index('id="legend-heading"') :]
    for label in ReplicationStatus.labels:
        assert f">{label}</span></dt>" in legend


def test_the_matrix_in_bulgarian(client):
    make_replication(
        make_solution(title_bg="Блок"), make_partner(name_bg="Смолян"), ReplicationStatus.PLANNED
    )
    html = client.get(MATRIX["bg"]).content.decode()
    assert "<h1>Решения по градове</h1>" in html
    assert '<th scope="col">Смолян</th>' in html and "Планирано" in html
    assert "Какво означават състоянията" in html


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_topic_page_gathers_every_type_newest_first(client, language):
    topic = make_topic(name_bg="Енергия", name_en="Energy")
    old = make_meeting(title_bg="Стара среща", title_en="Old meeting")
    old.topics.add(topic)
    solution = make_solution(title_bg="Ново решение", title_en="New solution")
    solution.topics.add(topic)
    topic.articles.add(make_article(title_bg="Новина", title_en="A news item"))
    html = client.get(url_in(language, topic)).content.decode()
    titles = (
        ["Ново решение", "Новина", "Стара среща"]
        if language == "bg"
        else ["New solution", "A news item", "Old meeting"]
    )
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions[:2]) + positions[2:]
    assert positions[2] > max(positions[:2])
    assert re.search(r"<h1[^>]*>(Енергия|Energy)</h1>", html)


def test_a_topic_page_filters_by_type_and_project(client):
    topic = make_topic(name_en="Energy")
    project = make_project()
    wanted = make_solution(title_en="Wanted")
    wanted.topics.add(topic)
    wanted.projects.add(project)
    other = make_solution(title_en="Other")
    other.topics.add(topic)
    topic.articles.add(make_article(title_en="A news item"))
    html = client.get("/en/topics/energy/", {"type": "solution", "project": project.pk}).content
    assert b"Wanted" in html and b"Other" not in html and b"A news item" not in html
    assert client.get("/en/topics/energy/", {"type": "poem"}).status_code == 404
    assert client.get("/en/topics/energy/", {"project": "999999"}).status_code == 404
    assert client.get("/en/topics/energy/", {"page": "99"}).status_code == 200


def test_a_project_page_gains_its_results_and_solutions(client):
    project = make_project(title_en="Busy")
    solution = make_solution(title_en="Energy block")
    solution.projects.add(project)
    html = client.get("/en/projects/busy/").content.decode()
    assert "Results and solutions" in html and "Energy block" in html
    html = client.get(url_in("bg", project)).content.decode()
    assert "Резултати и решения" in html


def test_a_session_and_a_site_visit_show_the_solutions_and_people(client):
    meeting = make_meeting(title_en="Working meeting")
    session = make_session(meeting, speakers_en="The team of the municipality")
    visit = make_site_visit(meeting)
    make_person(name_en="Marin Zahariev").spoke_at.add(session)
    make_person(name_en="Ana Leader").led.add(session)
    solution = make_solution(title_en="Energy block")
    solution.sessions.add(session)
    solution.site_visits.add(visit)
    html = client.get(url_in("en", meeting)).content.decode()
    session_html = html[html.index('id="session-1"') : html.index('id="visit-1"')]
    assert "Marin Zahariev" in session_html and "The team of the municipality" in session_html
    assert "Ana Leader" in session_html
    assert "Evidence for the solutions" in session_html and "Energy block" in session_html
    assert "Energy block" in html[html.index('id="visit-1"') :]


def test_a_partner_page_names_its_people_and_solutions(client):
    partner = make_partner(name_en="Smolyan")
    make_person(name_en="Marin Zahariev", organisation=partner)
    make_person(name_en="Hidden Person", organisation=partner, basis="", status="draft")
    make_solution(title_en="Energy block").organisations.add(partner)
    make_solution(title_en="Draft card", status="draft", published_at=None).organisations.add(
        partner
    )
    html = client.get(url_in("en", partner)).content.decode()
    assert "Marin Zahariev" in html and "Energy block" in html
    assert "Hidden Person" not in html and "Draft card" not in html
