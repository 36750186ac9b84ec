"""Partners: by kind and by role, the on-demand map, and a partner's page."""

import re

import pytest

from partners.models import PartnerKind
from projects.models import Role
from publishing.models import Status
from tests.factories import (
    make_article,
    make_meeting,
    make_participation,
    make_partner,
    make_project,
)

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


def link_texts(html):
    return re.findall(r'<a href="/[a-z]{2}/[^"]+"[^>]*>([^<]+)</a>', html)


@pytest.fixture
def partners():
    smolyan = make_partner(
        name_bg="Смолян", name_en="Smolyan", country="BG", latitude="41.574", longitude="24.701"
    )
    pisek = make_partner(name_bg="Писек", name_en="Pisek", country="CZ")
    ntnu = make_partner(
        name_bg="Университет", name_en="NTNU", kind=PartnerKind.UNIVERSITY, country="NO"
    )
    hidden = make_partner(name_en="Hidden partner", status=Status.DRAFT)
    project = make_project(title_en="Positive cities", acronym="+CxC")
    make_participation(project, ntnu, Role.COORDINATOR)
    make_participation(project, pisek, Role.LIGHTHOUSE)
    make_participation(project, smolyan, Role.FOLLOWER)
    make_participation(project, hidden, Role.FOLLOWER)
    secret = make_project(title_en="Secret project", status=Status.DRAFT)
    make_participation(secret, smolyan, Role.COORDINATOR)
    return {"smolyan": smolyan, "pisek": pisek, "ntnu": ntnu, "project": project}


def test_list_groups_partners_by_kind(client, partners):
    response = client.get("/en/partners/")
    assert response.status_code == 200
    html = response.text
    cities = section(html, "kind-city")
    assert "Cities and municipalities" in cities and "(2)" in cities
    assert link_texts(cities) == ["Pisek", "Smolyan"]
    assert link_texts(section(html, "kind-university")) == ["NTNU"]
    assert "Hidden partner" not in html
    assert "3 partners from 3 countries" in html


def test_list_groups_partners_by_role_in_each_project(client, partners):
    html = client.get("/en/partners/").text
    by_project = html.split('id="by-project-heading"')[1].split("</div>")[0]
    assert "Positive cities" in by_project
    assert "Secret project" not in html
    roles = re.findall(r"<dt>([^<]+) <span class=\"count\">\((\d+)\)</span></dt>", by_project)
    # One partner under a heading in the singular.
    assert roles == [("Coordinator", "1"), ("Lighthouse city", "1"), ("Follower city", "1")]


def test_country_names_in_the_pages_language(client, partners):
    assert "Czechia" in client.get("/en/partners/").text
    bg = client.get("/bg/partnyori/").text
    assert "Чехия" in bg and "Czechia" not in bg


def test_map_loads_nothing_until_asked_and_the_list_carries_its_points(client, partners):
    response = client.get("/en/partners/")
    html = response.text
    assert "data-partner-map" in html
    assert '<button type="button" data-map-button' in html
    assert 'src="/static/js/partner-map.js"' in html
    assert 'data-leaflet-js="/static/xstatic/leaflet/leaflet-src.esm.js"' in html
    # No element of the page loads anything from the tile host by itself.
    assert not re.search(r'(src|href)="https://tile\.openstreetmap\.org', html)
    point = re.search(
        r'<li data-map-point data-lat="([^"]+)" data-lng="([^"]+)">\s*<a[^>]*>Smolyan', html
    )
    assert point and point.groups() == ("41.574000", "24.701000")
    # The same point in Bulgarian keeps its decimal point.
    assert 'data-lat="41.574000"' in client.get("/bg/partnyori/").text


def test_only_the_partners_list_lets_the_map_tiles_in(client, partners):
    policy = client.get("/en/partners/")["Content-Security-Policy"]
    assert re.search(r"img-src [^;]*https://tile\.openstreetmap\.org", policy)
    assert "script-src 'self'" in policy
    for url in ("/en/", "/en/news/", "/en/partners/smolyan/"):
        assert "openstreetmap" not in client.get(url)["Content-Security-Policy"]


def test_leaflet_is_served_from_our_own_static_files(client):
    from django.contrib.staticfiles import finders

    assert finders.find("xstatic/leaflet/leaflet-src.esm.js")
    assert finders.find("xstatic/leaflet/leaflet.css")
    assert finders.find("js/partner-map.js")


def test_no_map_without_coordinates(client):
    make_partner(name_en="Nowhere")
    html = client.get("/en/partners/").text
    assert "data-partner-map" not in html
    assert "partner-map.js" not in html


def test_empty_state(client):
    assert "No partner has been published yet." in client.get("/en/partners/").text


# The partner page


def test_partner_page(client, partners):
    smolyan, pisek = partners["smolyan"], partners["pisek"]
    smolyan.description_en = "<p>A town in the Rhodopes.</p>"
    smolyan.website = "https://www.smolyan.bg/"
    smolyan.save()
    smolyan.twin_towns.add(pisek, make_partner(name_en="Hidden twin", status=Status.DRAFT))
    hosted = make_meeting(title_en="Hosted meeting", host=smolyan)
    attended = make_meeting(title_en="Attended meeting")
    attended.participants.add(smolyan)
    make_meeting(title_en="Draft meeting", host=smolyan, status=Status.DRAFT)
    hosted.participants.add(smolyan)
    make_article(title_en="Smolyan in the news").partners.add(smolyan)
    make_article(title_en="Draft news", status=Status.DRAFT).partners.add(smolyan)

    response = client.get("/en/partners/smolyan/")
    assert response.status_code == 200
    assert response.templates[0].name == "partners/partner_detail.html"
    html = response.text
    assert "<h1>Smolyan</h1>" in html
    assert "<dd>Bulgaria</dd>" in html
    assert "<p>A town in the Rhodopes.</p>" in html
    assert 'href="https://www.smolyan.bg/"' in html
    projects = section(html, "projects-heading")
    assert "Positive cities</a> (+CxC): follower city" in projects
    assert "Secret project" not in html
    meetings = section(html, "meetings-heading")
    hosted_part, attended_part = meetings.split("Took part in")
    assert "Hosted meeting" in hosted_part and "Attended meeting" in attended_part
    assert "Hosted meeting" not in attended_part
    assert "Draft meeting" not in html
    assert link_texts(section(html, "twins-heading")) == ["Pisek"]
    news = section(html, "news-heading")
    assert "Smolyan in the news" in news and "Draft news" not in html
    assert f'href="/en/news/?partner={smolyan.pk}"' in news


def test_partner_page_in_bulgarian(client, partners):
    html = client.get("/bg/partnyori/smolyan/").text
    assert "<h1>Смолян</h1>" in html
    assert "<dd>България</dd>" in html
    assert "Град или община" in html
    assert '<a href="/en/partners/smolyan/" hreflang="en" lang="en">' in html


def test_partner_without_english_name_falls_back_to_bulgarian(client):
    make_partner(name_bg="Кърджали", name_en="")
    html = client.get("/en/partners/kardzhali/").text
    assert '<h1 lang="bg">Кърджали</h1>' in html
    assert "This item is available in Bulgarian only." in html
    assert 'hreflang="en"' not in html
    assert 'lang="bg">Кърджали</a>' in client.get("/en/partners/").text


def test_partners_list_shows_names_as_text_and_marks_bulgarian_fallbacks(client):
    project = make_project(title_en="Energy")
    partner = make_partner(
        name_bg="Смит & Синове", name_en='Smith & Sons <"Energy">', city_bg="Пловдив", city_en=""
    )
    make_participation(project, partner, Role.FOLLOWER)
    html = client.get("/en/partners/").text
    name = "Smith &amp; Sons &lt;&quot;Energy&quot;&gt;"
    link = f'<a href="/en/partners/{partner.slug_en}/">{name}</a>'
    # Once by kind, with its city in Bulgarian marked as such, once under its role.
    assert html.count(link) == 2
    assert '<span class="meta"><span lang="bg">Пловдив</span>, Bulgaria</span>' in html
    assert '<"Energy">' not in html
    bg = client.get("/bg/partnyori/").text
    assert bg.count(f'<a href="/bg/partnyori/{partner.slug_bg}/">Смит &amp; Синове</a>') == 2
    assert '<span class="meta"><span>Пловдив</span>, България</span>' in bg


def test_unpublished_partner_is_not_found(client):
    make_partner(name_en="Hidden", status=Status.DRAFT)
    assert client.get("/en/partners/hidden/").status_code == 404


# Query budgets


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_budget(client, django_assert_num_queries, count):
    project = make_project()
    for n in range(count):
        partner = make_partner(latitude="45.0", longitude=str(n), kind=PartnerKind.UNIVERSITY)
        make_participation(project, partner)
        make_participation(make_project(), partner, Role.LIGHTHOUSE)
    with django_assert_num_queries(3):  # partners, projects, their roles
        assert client.get("/en/partners/").status_code == 200


@pytest.mark.parametrize("count", [1, 30])
def test_detail_query_budget(client, django_assert_num_queries, count):
    partner = make_partner(name_en="Busy")
    for _n in range(count):
        make_participation(make_project(), partner)
        make_meeting(host=partner)
        make_meeting().participants.add(partner)
        make_article().partners.add(partner)
        partner.twin_towns.add(make_partner())
    # partner; projects and roles; meetings hosted; meetings attended; news; twin towns;
    # its people and solutions (knowledge)
    with django_assert_num_queries(9):  # with the translation state
        assert client.get("/en/partners/busy/").status_code == 200
