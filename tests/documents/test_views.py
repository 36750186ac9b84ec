"""The documents list: filters by project, kind and language of the file; type and size."""

import re

import pytest

from documents.models import DocumentKind, FileLanguage
from publishing.models import Status
from tests.factories import (
    make_document,
    make_meeting,
    make_odt_file,
    make_project,
    make_session,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="document__title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.text)


@pytest.fixture
def documents():
    energy = make_project(title_en="Energy", acronym="PED")
    climate = make_project(title_en="Climate", acronym="CLIMA")
    make_document(
        title_en="Energy slides",
        project=energy,
        kind=DocumentKind.SLIDES,
        file_language=FileLanguage.ENGLISH,
    )
    make_document(
        title_en="Energy report",
        project=energy,
        kind=DocumentKind.REPORT,
        file_language=FileLanguage.BULGARIAN,
        file=make_odt_file("report.odt"),
    )
    make_document(
        title_en="Climate slides",
        project=climate,
        kind=DocumentKind.SLIDES,
        file_language=FileLanguage.BULGARIAN,
    )
    make_document(title_en="Draft slides", project=energy, status=Status.DRAFT)
    return {"energy": energy, "climate": climate}


def test_list_shows_type_and_size(client, documents):
    response = client.get("/en/documents/")
    assert response.status_code == 200
    assert response.templates[0].name == "documents/document_list.html"
    html = response.text
    assert sorted(titles(response)) == ["Climate slides", "Energy report", "Energy slides"]
    assert "Draft slides" not in html
    assert re.search(r'<span class="document__type">ODT</span>, \d+(\.\d)?\s(bytes|KB)', html)
    assert '<span class="document__type">PDF</span>' in html
    assert "Language: English" in html
    assert 'href="/en/documents/' in html and "/download/" in html


def test_list_in_bulgarian(client, documents):
    html = client.get("/bg/dokumenti/").text
    assert "Език на файла" in html
    assert "Език: английски" in html
    assert re.search(r"\d+(,\d)?\s(байта|KB|КБ)", html)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=slides", ["Climate slides", "Energy slides"]),
        ("language=bg", ["Climate slides", "Energy report"]),
        ("kind=slides&language=bg", ["Climate slides"]),
        ("kind=report&language=en", []),
    ],
)
def test_filters_and_their_combinations(client, documents, query, expected):
    response = client.get(f"/en/documents/?{query}")
    assert response.status_code == 200
    assert sorted(titles(response)) == expected
    if not expected:
        assert "No document matches these filters." in response.text


def test_filter_by_project_with_removable_choice(client, documents):
    energy = documents["energy"]
    response = client.get(f"/en/documents/?project={energy.pk}&kind=slides")
    assert titles(response) == ["Energy slides"]
    chosen = response.text.split('class="chosen-filters"')[1].split("</div>")[0]
    assert "Project: PED" in chosen and "Kind: Slides" in chosen
    assert 'href="?kind=slides"' in chosen
    assert f'href="?project={energy.pk}"' in chosen


def test_filter_options_offer_only_what_exists(client, documents):
    html = client.get("/en/documents/").text
    assert 'href="?kind=slides"' in html
    assert 'href="?kind=deliverable"' not in html
    assert 'href="?language=mul"' not in html


@pytest.mark.parametrize(
    "query", ["project=abc", "project=999999", "kind=poster", "language=xx", "kind="]
)
def test_unknown_filter_values_are_not_found(client, documents, query):
    assert client.get(f"/en/documents/?{query}").status_code == 404


@pytest.mark.parametrize(("page", "expected"), [("0", 1), ("-1", 1), ("abc", 1), ("9999", 2)])
def test_pagination_edges(client, page, expected):
    for _n in range(31):
        make_document()
    response = client.get(f"/en/documents/?page={page}")
    assert response.status_code == 200
    assert f"Page {expected} of 2" in response.text


def test_links_to_the_session_of_a_document(client):
    meeting = make_meeting(title_en="Working meeting")
    session = make_session(meeting)
    make_document(title_en="Notes", meeting=meeting, session=session)
    html = client.get("/en/documents/").text
    assert f'href="/en/meetings/working-meeting/#{session.anchor}"' in html


def test_unpublished_project_and_meeting_are_not_linked(client):
    make_document(
        title_en="Orphan",
        project=make_project(title_en="Secret", acronym="", status=Status.DRAFT),
        meeting=make_meeting(title_en="Hidden meeting", status=Status.DRAFT),
    )
    html = client.get("/en/documents/").text
    assert "Orphan" in html
    assert "Secret" not in html and "Hidden meeting" not in html


def test_empty_state(client):
    assert "No document has been published yet." in client.get("/en/documents/").text


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_budget(client, django_assert_num_queries, count):
    project = make_project()
    meeting = make_meeting()
    for _n in range(count):
        make_document(project=project, meeting=meeting, session=make_session(meeting))
    # filter options (2), count, page
    with django_assert_num_queries(4):
        assert client.get("/en/documents/").status_code == 200
    with django_assert_num_queries(4):
        assert client.get(f"/bg/dokumenti/?project={project.pk}&kind=other").status_code == 200
