"""The head of every page: canonical link, Open Graph and Twitter card tags, JSON-LD."""

import datetime
import io
import json
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from news.models import Article
from partners.models import PartnerKind
from tests.factories import (
    make_article,
    make_image_file,
    make_meeting,
    make_partner,
    make_portal_content,
    make_project,
    make_session,
)

pytestmark = pytest.mark.django_db

# Properties each type must have. Google's structured-data guides name the required ones
# for Event (name, startDate, location; a Place needs its address), BreadcrumbList
# (itemListElement; a ListItem needs position and name, and item unless it is the last)
# and GeoCoordinates (latitude, longitude). For Article, Organization and schema.org's
# Project they only recommend; the recommended ones are required here.
REQUIRED = {
    "NewsArticle": {"headline", "datePublished", "dateModified", "author", "image", "publisher"},
    "Event": {"name", "startDate", "location"},
    "Place": {"name", "address"},
    "GeoCoordinates": {"latitude", "longitude"},
    "PostalAddress": {"addressCountry"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
    "Organization": {"name", "url"},
    "GovernmentOrganization": {"name", "url"},
    "CollegeOrUniversity": {"name", "url"},
    "Corporation": {"name", "url"},
    "ResearchOrganization": {"name", "url"},
    "Project": {"name", "url"},
    "FundingScheme": {"name"},
    "Grant": {"description"},
    "ImageObject": {"url", "width", "height"},
    "City": {"name"},
    "CreativeWork": {"publisher"},
}


class Head(HTMLParser):
    """The canonical link, the meta properties and the JSON-LD of a page."""

    def __init__(self, html):
        super().__init__()
        self.canonical = None
        self.meta = {}
        self.json_ld = []
        self._in_json_ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))

    def first(self, key):
        return self.meta.get(key, [None])[0]

    def of_type(self, type_name):
        return [data for data in self.json_ld if data.get("@type") == type_name]


def missing_properties(node, path="$"):
    """Every node of the JSON-LD that lacks a required property, as readable strings."""
    problems = []
    if isinstance(node, list):
        for index, item in enumerate(node):
            problems += missing_properties(item, f"{path}[{index}]")
    elif isinstance(node, dict):
        required = REQUIRED.get(node.get("@type"), set())
        if path.endswith("itemListElement[-1]"):
            required = required - {"item"}
        problems += [f"{path} ({node.get('@type')}) has no {name}" for name in required - set(node)]
        problems += [
            f"{path}.{key} is empty" for key, value in node.items() if value in ("", [], {})
        ]
        for key, value in node.items():
            problems += missing_properties(value, f"{path}.{key}")
    return problems


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.content.decode())


def test_the_required_property_check_can_fail():
    assert missing_properties({"@type": "Event", "name": "x", "startDate": "2023-06-06"}) == [
        "$ (Event) has no location"
    ]


def page_urls(content, language):
    with translation.override(language):
        return {
            "home": reverse("home"),
            "news": reverse("news:article-list"),
            "article": content["article"].get_absolute_url(),
            "meetings": reverse("events:meeting-list"),
            "meeting": content["meeting"].get_absolute_url(),
            "partners": reverse("partners:partner-list"),
            "partner": content["partner"].get_absolute_url(),
            "university": content["partners"][2].get_absolute_url(),
            "projects": reverse("projects:project-list"),
            "project": content["project"].get_absolute_url(),
            "documents": reverse("documents:document-list"),
            "search": reverse("search"),
            "accessibility": reverse("accessibility"),
            "privacy": reverse("privacy"),
        }


MAIN_TYPE = {
    "article": "NewsArticle",
    "meeting": "Event",
    "partner": "GovernmentOrganization",
    "university": "CollegeOrUniversity",
    "project": "Project",
}


@pytest.mark.parametrize("language", ["bg", "en"])
def test_every_page_has_a_canonical_link_open_graph_and_valid_json_ld(client, language):
    content = make_portal_content()
    for name, url in page_urls(content, language).items():
        page = head(client, url)
        absolute = f"http://testserver{url}"
        assert page.canonical == absolute, name
        assert page.first("og:url") == absolute, name
        assert page.first("og:title"), name
        assert page.first("og:description"), name
        assert page.first("og:locale") == {"bg": "bg_BG", "en": "en_GB"}[language], name
        assert page.meta["og:locale:alternate"] == [{"bg": "en_GB", "en": "bg_BG"}[language]]
        assert page.first("og:image").startswith("http://testserver/"), name
        assert int(page.first("og:image:width")) > 0 and int(page.first("og:image:height")) > 0
        assert page.first("og:image:alt"), name
        assert page.first("twitter:card") in {"summary", "summary_large_image"}, name
        assert page.first("twitter:title") == page.first("og:title"), name
        assert page.first("twitter:image") == page.first("og:image"), name

        assert missing_properties(page.json_ld) == [], name
        assert all(data["@context"] == "https://schema.org" for data in page.json_ld), name
        [breadcrumbs] = page.of_type("BreadcrumbList")
        trail = breadcrumbs["itemListElement"]
        assert trail[0]["item"] == f"http://testserver/{language}/", name
        assert trail[-1]["item"] == absolute, name
        assert [item["position"] for item in trail] == list(range(1, len(trail) + 1))
        if name in MAIN_TYPE:
            [data] = page.of_type(MAIN_TYPE[name])
            assert data["url"] == absolute, name
        else:
            assert len(page.json_ld) == 1, name


def test_breadcrumbs_go_through_the_section(client):
    make_portal_content()
    page = head(client, "/bg/sreshti/sreshta-v-smolyan/")
    [breadcrumbs] = page.of_type("BreadcrumbList")
    assert [item["name"] for item in breadcrumbs["itemListElement"]] == [
        "Начало",
        "Срещи",
        "Среща в Смолян",
    ]


def test_the_news_article(client):
    call_command("load_demo", stdout=io.StringIO())
    article = Article.objects.get()
    with translation.override("en"):
        url = article.get_absolute_url()
    page = head(client, url)

    [data] = page.of_type("NewsArticle")
    assert data["headline"] == article.title_en
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2023-06-21T10:00:00+03:00"
    assert data["image"][0]["url"] == page.first("og:image")
    assert data["publisher"]["name"] == "Municipality of Smolyan"
    # The source the article names: the municipality's own article, with no address.
    assert data["isBasedOn"] == {
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": "Municipality of Smolyan"},
        "datePublished": "2023-06-21",
    }
    assert page.first("og:type") == "article"
    assert page.first("article:published_time") == "2023-06-21T10:00:00+03:00"


def test_the_cover_image_is_shared_in_the_pages_language(client):
    article = make_article(
        title_bg="Със снимка",
        title_en="With a photo",
        cover_image=make_image_file("cover.png", size=(1600, 900)),
        cover_image_alt_bg="Планини над Смолян",
        cover_image_alt_en="Mountains above Smolyan",
    )
    english = head(client, "/en/news/with-a-photo/")
    bulgarian = head(client, "/bg/novini/sas-snimka/")

    for page, alt in ((english, "Mountains above Smolyan"), (bulgarian, "Планини над Смолян")):
        assert page.first("og:image").startswith("http://testserver/media/cache/images/article/")
        assert page.first("og:image").endswith(".png")
        assert (page.first("og:image:width"), page.first("og:image:height")) == ("1200", "675")
        assert page.first("og:image:alt") == alt
        assert page.first("twitter:image:alt") == alt
        assert page.first("twitter:card") == "summary_large_image"
    assert article.cover_image.name.startswith("images/article/")


def test_a_page_without_an_image_shares_the_portals(client):
    make_article(title_en="Plain")
    page = head(client, "/en/news/plain/")
    assert page.first("og:image") == "http://testserver/static/img/social-default.png"
    assert (page.first("og:image:width"), page.first("og:image:height")) == ("1200", "630")
    assert page.first("og:image:alt").startswith("The logo of the portal")
    bulgarian = head(client, "/bg/")
    assert bulgarian.first("og:image:alt").startswith("Логото на портала")


def test_the_meeting_as_an_event_with_its_sessions(client):
    host = make_partner(
        name_en="Smolyan", city_en="Smolyan", latitude="41.574000", longitude="24.701000"
    )
    meeting = make_meeting(title_en="Working meeting", host=host, venue_en="Sky Hub")
    leader = make_partner(name_en="ISOCARP", kind=PartnerKind.INSTITUTE)
    make_session(meeting, title_en="Opening").led_by.add(leader)
    make_session(meeting, title_en="Walk", date=meeting.end_date, start_time=None, end_time=None)

    [event] = head(client, "/en/meetings/working-meeting/").of_type("Event")

    assert (event["startDate"], event["endDate"]) == ("2023-06-06", "2023-06-07")
    assert event["location"]["name"] == "Sky Hub"
    assert event["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 41.574,
        "longitude": 24.701,
    }
    assert event["location"]["address"]["addressCountry"] == "BG"
    assert event["organizer"] == {
        "@type": "GovernmentOrganization",
        "name": "Smolyan",
        "url": "http://testserver/en/partners/smolyan/",
    }
    opening, walk = event["subEvent"]
    assert opening["name"] == "Opening"
    assert opening["startDate"] == "2023-06-06T09:30+03:00"
    assert opening["endDate"] == "2023-06-06T11:00+03:00"
    assert opening["location"] == {"@id": event["location"]["@id"]}
    assert walk["startDate"] == datetime.date(2023, 6, 7).isoformat()


def test_a_city_is_a_government_organization_in_its_city(client):
    make_partner(
        name_en="Trondheim",
        city_en="Trondheim",
        country="NO",
        latitude="63.430000",
        longitude="10.395000",
    )
    [data] = head(client, "/en/partners/trondheim/").of_type("GovernmentOrganization")
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Trondheim",
        "addressCountry": "NO",
    }
    assert data["areaServed"]["@type"] == "City"
    assert data["areaServed"]["name"] == "Trondheim"
    assert data["areaServed"]["geo"]["latitude"] == 63.43


def test_the_project_with_its_funder_and_grant(client):
    call_command("load_demo", stdout=io.StringIO())
    [data] = head(client, "/en/projects/cityxchange/").of_type("Project")
    assert data["alternateName"] == "+CityxChange"
    assert data["funder"] == {
        "@type": "FundingScheme",
        "name": "Horizon 2020",
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "name": "European Union",
            "url": "https://european-union.europa.eu/",
        },
    }
    assert data["funding"]["@type"] == "Grant"
    assert "824260" in data["funding"]["description"]
    assert data["funding"]["funder"] == data["funder"]
    assert {member["name"] for member in data["member"]} >= {"Trondheim", "Smolyan"}


def test_no_text_can_close_the_json_ld_script(client):
    make_article(
        title_en='Breaking </script><script>alert("x")</script> <!-- & news',
        summary_en="</SCRIPT>",
    )
    response = client.get("/en/news/breaking-scriptscriptalertxscript-news/")
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "</SCRIPT>" not in html
    [data] = Head(html).of_type("NewsArticle")
    assert data["headline"] == 'Breaking </script><script>alert("x")</script> <!-- & news'
    assert data["description"] == "</SCRIPT>"


def test_the_canonical_link_is_built_from_the_route_not_the_request(client):
    project = make_portal_content()["project"]
    cases = {
        "/en/news/?utm_source=x&page=2": "http://testserver/en/news/",
        f"/en/news/?project={project.pk}": "http://testserver/en/news/",
        "/en/search/?q=%3Cscript%3E": "http://testserver/en/search/",
        "/bg/?x=%22%3E%3Cb%3E": "http://testserver/bg/",
    }
    for url, canonical in cases.items():
        assert head(client, url).canonical == canonical, url


def test_a_later_page_of_a_list_is_its_own_canonical_page(client):
    for n in range(13):
        make_article(title_en=f"Item {n}")
    assert head(client, "/en/news/?page=2").canonical == "http://testserver/en/news/?page=2"
    # A number past the end shows the last page, and says so.
    assert head(client, "/en/news/?page=99").canonical == "http://testserver/en/news/?page=2"


def test_error_pages_and_forms_have_no_canonical_link(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert Head(response.content.decode()).canonical is None
    assert client.get("/en/news/no-such-article/").status_code == 404


def test_a_logo_is_shared_as_a_small_card(client):
    make_project(
        title_en="Logo project", acronym="LP", logo=make_image_file("logo.png", size=(200, 200))
    )
    page = head(client, "/en/projects/logo-project/")
    assert page.first("twitter:card") == "summary"
    assert page.first("og:image:alt") == "The logo of LP"
    [data] = page.of_type("Project")
    assert data["logo"]["url"] == page.first("og:image")
