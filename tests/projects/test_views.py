"""Projects: the list and a project's page with partners by role and EU funding."""

import datetime
import re

import pytest

from partners.models import PartnerKind
from projects.models import Role
from publishing.models import Status
from tests.factories import (
    make_article,
    make_document,
    make_meeting,
    make_participation,
    make_partner,
    make_project,
)

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


@pytest.fixture
def project():
    project = make_project(
        title_bg="Положителни градове",
        title_en="Positive cities",
        acronym="+CxC",
        programme_en="Horizon 2020",
        summary_en="Districts that make more energy than they use.",
        description_en="<p>Smolyan is a follower city.</p>",
        funding_statement_en="Funded under grant agreement No 824260.",
        funding_statement_bg="Финансиран по договор № 824260.",
    )
    make_participation(
        project,
        make_partner(name_en="NTNU", kind=PartnerKind.UNIVERSITY, country="NO"),
        Role.COORDINATOR,
    )
    make_participation(project, make_partner(name_en="Trondheim", country="NO"), Role.LIGHTHOUSE)
    make_participation(project, make_partner(name_en="Limerick", country="IE"), Role.LIGHTHOUSE)
    make_participation(project, make_partner(name_en="Smolyan", country="BG"), Role.FOLLOWER)
    make_participation(
        project, make_partner(name_en="Hidden city", status=Status.DRAFT), Role.FOLLOWER
    )
    return project


def test_list_shows_published_projects_with_counts_from_the_data(client, project):
    make_project(title_en="Draft project", status=Status.DRAFT)
    response = client.get("/en/projects/")
    assert response.status_code == 200
    html = response.text
    assert "Positive cities" in html
    assert "Draft project" not in html
    assert "4 partners" in html  # the draft partner is not counted
    assert "Horizon 2020" in html


def test_list_in_bulgarian(client, project):
    html = client.get("/bg/proekti/").text
    assert "Положителни градове" in html
    assert "4 партньори" in html


def test_list_empty_state(client):
    assert "No project has been published yet." in client.get("/en/projects/").text


def test_project_page(client, project):
    make_meeting(title_en="Kick-off", project=project)
    make_meeting(title_en="Draft meeting", project=project, status=Status.DRAFT)
    make_article(title_en="Project news").projects.add(project)
    make_article(title_en="Draft news", status=Status.DRAFT).projects.add(project)
    make_document(title_en="Deliverable 1", project=project)
    make_document(title_en="Draft deliverable", project=project, status=Status.DRAFT)

    response = client.get("/en/projects/positive-cities/")
    assert response.status_code == 200
    assert response.templates[0].name == "projects/project_detail.html"
    html = response.text
    assert "<h1>Positive cities</h1>" in html
    assert "<dd>Horizon 2020</dd>" in html
    assert '<time datetime="2018-11-01">1\u00a0November\u00a02018</time>' in html
    assert "Districts that make more energy than they use." in html
    assert "<p>Smolyan is a follower city.</p>" in html
    assert "4 partners from 3 countries" in html

    partners = html.split('id="partners-heading"')[1].split('id="meetings-heading"')[0]
    roles = re.findall(r'<h3 id="role-(\w+)">([^<]+) <span class="count">\((\d+)\)', partners)
    assert roles == [
        ("coordinator", "Coordinator", "1"),
        ("lighthouse", "Lighthouse cities", "2"),
        ("follower", "Follower city", "1"),
    ]
    assert "Hidden city" not in html

    assert "Kick-off" in section(html, "meetings-heading")
    assert "Project news" in section(html, "news-heading")
    assert f'href="/en/news/?project={project.pk}"' in html
    assert "Deliverable 1" in section(html, "documents-heading")
    for hidden in ("Draft meeting", "Draft news", "Draft deliverable"):
        assert hidden not in html

    funding = section(html, "funding-heading")
    assert '<img src="/static/img/eu-emblem.svg" alt="Flag of the European Union"' in funding
    assert "Funded under grant agreement No 824260." in funding


def test_project_page_in_bulgarian(client, project):
    html = client.get("/bg/proekti/polozhitelni-gradove/").text
    assert "<h1>Положителни градове</h1>" in html
    assert "Финансиран по договор № 824260." in html
    assert "Водещи градове" in html
    assert '<a href="/en/projects/positive-cities/" hreflang="en" lang="en">' in html


def test_project_not_funded_by_the_eu_shows_no_emblem(client):
    make_project(title_en="National", eu_funded=False, funding_statement_en="")
    html = client.get("/en/projects/national/").text
    assert "eu-emblem.svg" not in html.split("<main")[1].split("</main>")[0]


def test_untranslated_project_in_english(client):
    make_project(title_bg="Само на български", title_en="", summary_en="")
    html = client.get("/en/projects/samo-na-balgarski/").text
    assert '<h1 lang="bg">Само на български</h1>' in html
    assert "This item is available in Bulgarian only." in html
    assert 'hreflang="en"' not in html


def test_unpublished_project_is_not_found(client):
    make_project(title_en="Draft", status=Status.DRAFT)
    assert client.get("/en/projects/draft/").status_code == 404


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_budget(client, django_assert_num_queries, count):
    for _n in range(count):
        make_participation(make_project(), make_partner())
    with django_assert_num_queries(1):
        assert client.get("/en/projects/").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_detail_query_budget(client, django_assert_num_queries, count):
    project = make_project(title_en="Busy")
    for _n in range(count):
        make_participation(project, make_partner())
        make_meeting(project=project, host=make_partner())
        make_article().projects.add(project)
        make_document(project=project)
    # project; partners by role; meetings with hosts; news; documents; the results and
    # solutions that knowledge adds (knowledge/sections.py)
    with django_assert_num_queries(7):  # with the translation state
        assert client.get("/en/projects/busy/").status_code == 200


def listed_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', html)


def test_newest_projects_first_and_those_without_a_start_date_last(client):
    make_project(title_en="Undated", title_bg="Без дата", start_date=None, end_date=None)
    make_project(title_en="Older", title_bg="По-стар", start_date=datetime.date(2015, 1, 1))
    make_project(title_en="Newer", title_bg="По-нов", start_date=datetime.date(2019, 1, 1))
    # PostgreSQL puts NULL first in a descending order unless told otherwise.
    assert listed_titles(client.get("/en/projects/").text) == ["Newer", "Older", "Undated"]
    assert listed_titles(client.get("/bg/proekti/").text) == ["По-нов", "По-стар", "Без дата"]
