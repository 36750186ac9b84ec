"""/sitemap.xml and /robots.txt."""

import datetime
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from news.models import Article
from publishing.models import Status
from tests.factories import make_article, make_portal_content, published

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.findtext("sm:loc", namespaces=NS)
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        entries[location] = {"lastmod": url.findtext("sm:lastmod", namespaces=NS), **alternates}
    return entries


def test_every_public_page_in_both_languages_with_its_alternates(client):
    make_portal_content()
    entries = sitemap(client)

    both = {
        "/bg/": "/en/",
        "/bg/novini/": "/en/news/",
        "/bg/sreshti/": "/en/meetings/",
        "/bg/partnyori/": "/en/partners/",
        "/bg/proekti/": "/en/projects/",
        "/bg/dokumenti/": "/en/documents/",
        "/bg/dostapnost/": "/en/accessibility/",
        "/bg/poveritelnost/": "/en/privacy/",
        "/bg/otvoreni-danni/": "/en/open-data/",
        "/bg/otvoreni-danni/rechnik-na-dannite/": "/en/open-data/data-dictionary/",
        "/bg/novini/novina-za-sreshtata/": "/en/news/news-of-the-meeting/",
        "/bg/sreshti/sreshta-v-smolyan/": "/en/meetings/meeting-in-smolyan/",
        "/bg/partnyori/obshtina-smolyan/": "/en/partners/smolyan-municipality/",
        "/bg/proekti/polozhitelni-gradove/": "/en/projects/positive-cities/",
    }
    for bg, en in both.items():
        for path in (bg, en):
            entry = entries[f"http://testserver{path}"]
            assert entry["bg"] == f"http://testserver{bg}", path
            assert entry["en"] == f"http://testserver{en}", path
    # Search results are for visitors, not for an index.
    assert not [location for location in entries if "tarsene" in location or "search" in location]


def test_an_untranslated_item_is_listed_in_bulgarian_only(client):
    make_article(title_bg="Само на български", title_en="", summary_en="")
    entries = sitemap(client)
    assert entries["http://testserver/bg/novini/samo-na-balgarski/"]["bg"]
    assert "en" not in entries["http://testserver/bg/novini/samo-na-balgarski/"]
    assert not [location for location in entries if "/en/news/samo" in location]


def test_never_a_draft_nor_a_scheduled_item(client):
    make_article(title_bg="Чернова", title_en="Draft", status=Status.DRAFT)
    make_article(
        title_bg="По-късно",
        title_en="Later",
        **published(published_at=timezone.now() + datetime.timedelta(days=1)),
    )
    make_article(title_bg="Публикувана", title_en="Published")
    locations = set(sitemap(client))
    assert "http://testserver/en/news/published/" in locations
    assert not [location for location in locations if "draft" in location or "later" in location]
    assert not [location for location in locations if "chernova" in location]


def test_lastmod_is_the_last_change_of_the_content(client):
    article = make_article(title_en="Old news")
    changed = timezone.now() - datetime.timedelta(days=40)
    Article.objects.filter(pk=article.pk).update(
        updated_at=changed, published_at=changed - datetime.timedelta(days=1)
    )
    entries = sitemap(client)
    # The day in Smolyan: from 21:00 or 22:00 UTC it is already the next one there.
    day = f"{timezone.localtime(changed):%Y-%m-%d}"
    assert entries["http://testserver/en/news/old-news/"]["lastmod"] == day
    # A list is as new as the newest change of what it lists.
    assert entries["http://testserver/en/news/"]["lastmod"] == day


@pytest.mark.parametrize("count", [1, 20])
def test_sitemap_query_budget(client, django_assert_num_queries, count):
    content = make_portal_content()
    for _n in range(count):
        make_article().projects.add(content["project"])
    # The last change of each kind of content (articles, meetings, projects, partners,
    # documents, solutions), then the items of each kind that has pages, with the parts whose
    # texts count towards them (galleries, sessions, site visits, a solution's replication
    # and indicators), and the topics.
    with django_assert_num_queries(17):
        assert client.get("/sitemap.xml").status_code == 200


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /bg/tarsene/",
        "Disallow: /en/search/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_search_results_are_not_indexed(client):
    html = client.get("/en/search/?q=smolyan").content.decode()
    assert '<meta name="robots" content="noindex">' in html
