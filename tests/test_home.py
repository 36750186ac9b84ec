"""The home page's sections: latest news, meetings, projects, partners at a glance."""

import datetime
import re

import pytest
from django.utils import timezone

from partners.models import PartnerKind
from publishing.models import Status
from smolyan_portal.views import HOME_PARTNER_CITIES, HOME_PROJECTS
from tests.factories import (
    make_article,
    make_image_file,
    make_meeting,
    make_participation,
    make_partner,
    make_portal_content,
    make_project,
    make_solution,
)

pytestmark = pytest.mark.django_db


def test_home_sections_in_both_languages(client):
    make_portal_content()
    today = timezone.localdate()
    make_meeting(
        title_bg="Следваща среща",
        title_en="Next meeting",
        start_date=today + datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=11),
    )
    en = client.get("/en/").text
    assert "News of the meeting" in en.split('id="home-news"')[1].split("</section>")[0]
    # The next meeting, not the latest one, while one is planned.
    meeting = en.split('id="home-meetings"')[1].split("</section>")[0]
    assert "Next partner meeting" in meeting
    assert "Next meeting</a>" in meeting and "Meeting in Smolyan" not in meeting
    projects = en.split('id="home-projects"')[1].split("</section>")[0]
    assert "+CityxChange" in projects
    # The card's partner count, as the projects list shows it.
    assert "3 partners" in projects
    partners = en.split('id="home-partners"')[1].split("</section>")[0]
    assert "3 partners from 2 countries." in partners
    assert "Trondheim</a>" in partners and "Norwegian university" not in partners

    bg = client.get("/bg/").text
    assert "Последни новини" in bg
    assert "Новина за срещата" in bg
    assert "3 партньори от 2 държави." in bg


def test_home_shows_the_latest_meeting_when_none_is_planned(client):
    make_portal_content()
    html = client.get("/bg/").text
    meeting = html.split('id="home-meetings"')[1].split("</section>")[0]
    assert "Последна партньорска среща" in meeting
    assert "Среща в Смолян</a>" in meeting


def test_home_shows_only_published_items(client):
    make_article(title_en="Draft news", status=Status.DRAFT)
    make_meeting(title_en="Draft meeting", status=Status.DRAFT)
    make_project(title_en="Draft project", status=Status.DRAFT)
    make_partner(name_en="Draft partner", status=Status.DRAFT)
    html = client.get("/en/").text
    for hidden in ("Draft news", "Draft meeting", "Draft project", "Draft partner"):
        assert hidden not in html
    assert "No news has been published yet." in html


def test_first_news_cover_is_loaded_eagerly_and_the_others_lazily(client):
    for n in range(3):
        make_article(
            cover_image=make_image_file(f"cover{n}.png"),
            **{"published_at": timezone.now() - datetime.timedelta(hours=n + 1)},
        )
    html = client.get("/en/").text
    news = html.split('id="home-news"')[1].split("</section>")[0]
    images = news.split("<img")[1:]
    assert len(images) == 3
    assert 'loading="lazy"' not in images[0].split(">")[0]
    assert all('loading="lazy"' in image.split(">")[0] for image in images[1:])


@pytest.mark.parametrize("count", [1, 30])
def test_home_query_budget(client, django_assert_num_queries, count):
    for n in range(count):
        make_article()
        make_meeting(host=make_partner())
        make_project()
        make_partner(country=["BG", "NO", "CZ"][n % 3])
    # news and their projects, the next meeting, projects, the partners and countries
    # counted, the partner cities, solutions; no meeting is planned, so one more query for
    # the latest
    with django_assert_num_queries(8):
        assert client.get("/en/").status_code == 200


def test_home_shows_the_newest_solutions_in_the_pages_language(client):
    make_solution(title_bg="Басейнът на Смолян", title_en="Smolyan's pool")
    make_solution(title_bg="Чернова", title_en="A draft", status=Status.DRAFT)
    html = client.get("/en/").content.decode()
    assert "What the projects learned" in html
    assert "Smolyan&#x27;s pool" in html
    assert "A draft" not in html
    html = client.get("/bg/").content.decode()
    assert "Какво научиха проектите" in html
    assert "Басейнът на Смолян" in html


def test_home_without_solutions_has_no_empty_section(client):
    html = client.get("/en/").content.decode()
    assert "What the projects learned" not in html


def home_cities(client, path):
    html = client.get(path).text
    network = html.split('id="home-partners"')[1].split("</section>")[0]
    return network, re.findall(r'<li><a href="[^"]+"[^>]*>([^<]+)</a>', network)


def test_home_names_every_partner_city_of_a_small_network(client):
    for name in ("Trondheim", "Limerick", "Písek"):
        make_partner(name_en=name, name_bg=name)
    make_partner(name_en="A university", kind=PartnerKind.UNIVERSITY)
    network, cities = home_cities(client, "/en/")
    assert cities == ["Limerick", "Písek", "Trondheim"]
    assert "All 3 partner cities" not in network


def test_a_large_network_names_the_cities_in_most_projects_and_links_to_all(client):
    project = make_project()
    cities = [make_partner(name_en=f"City {n:02}", name_bg=f"Град {n:02}") for n in range(30)]
    # The last city is in a project, so it is named even though it sorts last.
    make_participation(project=project, partner=cities[-1])
    make_participation(project=make_project(status=Status.DRAFT), partner=cities[-2])
    network, named = home_cities(client, "/en/")
    assert len(named) == HOME_PARTNER_CITIES
    assert named[-1] == "City 29"
    assert named[:-1] == [f"City {n:02}" for n in range(HOME_PARTNER_CITIES - 1)]
    assert '<a href="/en/partners/#kind-city">All 30 partner cities</a>' in network
    network, named = home_cities(client, "/bg/")
    assert len(named) == HOME_PARTNER_CITIES and "Град 29" in named
    assert '<a href="/bg/partnyori/#kind-city">Всички 30 партньорски града</a>' in network


def test_home_shows_the_newest_projects_and_links_to_all(client):
    for year in range(2010, 2010 + HOME_PROJECTS + 2):
        make_project(
            title_en=f"Project of {year}",
            title_bg=f"Проект от {year}",
            start_date=datetime.date(year, 3, 1),
            end_date=None,
        )
    make_project(title_en="Undated", title_bg="Без дата", start_date=None, end_date=None)
    newest = list(range(2010 + HOME_PROJECTS + 1, 2011, -1))
    for path, title, all_link in (
        ("/en/", "Project of {}", '<a href="/en/projects/">All projects</a>'),
        ("/bg/", "Проект от {}", '<a href="/bg/proekti/">Всички проекти</a>'),
    ):
        html = client.get(path).text
        projects = html.split('id="home-projects"')[1].split("</section>")[0]
        shown = re.findall(r'<h3 class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', projects)
        assert shown == [title.format(year) for year in newest]
        assert all_link in projects
