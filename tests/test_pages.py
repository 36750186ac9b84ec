"""Site-wide checks every public page earns: the URL map, 200, one <h1>, size budget."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    make_article,
    make_document,
    make_meeting,
    make_participation,
    make_partner,
    make_portal_content,
    make_replication,
    make_session,
    make_site_visit,
    make_solution,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["bg", "en"]
MAX_HTML_BYTES = 60 * 1024
# The JSON-LD in the head describes what the page lists (a meeting's sessions), so it is
# measured on its own, against a budget of its own.
MAX_JSON_LD_BYTES = 16 * 1024
JSON_LD = re.compile(rb'<script type="application/ld\+json">.*?</script>', re.S)


@pytest.mark.parametrize(
    ("name", "bg", "en"),
    [
        ("home", "/bg/", "/en/"),
        ("news:article-list", "/bg/novini/", "/en/news/"),
        ("events:meeting-list", "/bg/sreshti/", "/en/meetings/"),
        ("partners:partner-list", "/bg/partnyori/", "/en/partners/"),
        ("projects:project-list", "/bg/proekti/", "/en/projects/"),
        ("documents:document-list", "/bg/dokumenti/", "/en/documents/"),
        ("search", "/bg/tarsene/", "/en/search/"),
        ("accessibility", "/bg/dostapnost/", "/en/accessibility/"),
        ("opendata:api-docs", "/bg/otvoreni-danni/", "/en/open-data/"),
        (
            "opendata:data-dictionary",
            "/bg/otvoreni-danni/rechnik-na-dannite/",
            "/en/open-data/data-dictionary/",
        ),
    ],
)
def test_url_map_of_the_lists(client, name, bg, en):
    for language, expected in (("bg", bg), ("en", en)):
        with translation.override(language):
            assert reverse(name) == expected
        assert client.get(expected).status_code == 200


@pytest.mark.parametrize(
    ("name", "bg", "en"),
    [
        ("news:article-detail", "/bg/novini/{}/", "/en/news/{}/"),
        ("events:meeting-detail", "/bg/sreshti/{}/", "/en/meetings/{}/"),
        ("partners:partner-detail", "/bg/partnyori/{}/", "/en/partners/{}/"),
        ("projects:project-detail", "/bg/proekti/{}/", "/en/projects/{}/"),
    ],
)
def test_url_map_of_the_detail_pages(name, bg, en):
    for language, pattern in (("bg", bg), ("en", en)):
        with translation.override(language):
            assert reverse(name, kwargs={"slug": "some-slug"}) == pattern.format("some-slug")


def test_detail_pages_use_each_languages_slug(client):
    content = make_portal_content()
    assert content["article"].slug_bg == "novina-za-sreshtata"
    assert client.get("/bg/novini/novina-za-sreshtata/").status_code == 200
    assert client.get("/en/news/news-of-the-meeting/").status_code == 200
    assert client.get("/bg/sreshti/sreshta-v-smolyan/").status_code == 200
    assert client.get("/en/meetings/meeting-in-smolyan/").status_code == 200
    assert client.get("/bg/partnyori/obshtina-smolyan/").status_code == 200
    assert client.get("/en/partners/smolyan-municipality/").status_code == 200
    assert client.get("/bg/proekti/polozhitelni-gradove/").status_code == 200
    assert client.get("/en/projects/positive-cities/").status_code == 200


@pytest.mark.parametrize(
    ("name", "bg", "en"),
    [
        ("news:feed-rss", "/bg/novini/rss.xml", "/en/news/rss.xml"),
        ("news:feed-atom", "/bg/novini/atom.xml", "/en/news/atom.xml"),
        ("events:feed-rss", "/bg/sreshti/rss.xml", "/en/meetings/rss.xml"),
        ("events:feed-atom", "/bg/sreshti/atom.xml", "/en/meetings/atom.xml"),
        ("events:calendar", "/bg/sreshti/calendar.ics", "/en/meetings/calendar.ics"),
    ],
)
def test_url_map_of_the_feeds(client, name, bg, en):
    for language, expected in (("bg", bg), ("en", en)):
        with translation.override(language):
            assert reverse(name) == expected
        assert client.get(expected).status_code == 200


def public_files(content):
    """(content type, URL) of every feed, calendar and file for machines, in both languages."""
    project, meeting = content["project"], content["meeting"]
    files = [("application/xml", "/sitemap.xml"), ("text/plain", "/robots.txt")]
    for language in LANGUAGES:
        with translation.override(language):
            files += [
                ("application/rss+xml", reverse("news:feed-rss")),
                ("application/atom+xml", reverse("news:feed-atom")),
                ("application/rss+xml", reverse("news:project-feed-rss", args=[project.slug])),
                ("application/atom+xml", reverse("news:project-feed-atom", args=[project.slug])),
                ("application/rss+xml", reverse("events:feed-rss")),
                ("application/atom+xml", reverse("events:feed-atom")),
                ("text/calendar", reverse("events:calendar")),
                ("text/calendar", reverse("events:meeting-calendar", args=[meeting.slug])),
                ("text/calendar", reverse("events:project-calendar", args=[project.slug])),
            ]
    return files


def test_every_feed_and_file_answers_with_its_type_and_sets_no_cookie(client):
    content = make_portal_content()
    for content_type, url in public_files(content):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].split(";")[0] == content_type, url
        assert response.cookies == {}, url


def public_urls(content):
    urls = []
    for language in LANGUAGES:
        with translation.override(language):
            urls += [
                (language, reverse("home")),
                (language, reverse("news:article-list")),
                (language, content["article"].get_absolute_url()),
                (language, reverse("events:meeting-list")),
                (language, content["meeting"].get_absolute_url()),
                (language, reverse("partners:partner-list")),
                (language, content["partner"].get_absolute_url()),
                (language, reverse("projects:project-list")),
                (language, content["project"].get_absolute_url()),
                (language, reverse("documents:document-list")),
                (language, reverse("knowledge:solution-list")),
                (language, content["solution"].get_absolute_url()),
                (language, reverse("knowledge:solution-matrix")),
                (language, content["topic"].get_absolute_url()),
                (language, reverse("search")),
                (language, reverse("opendata:api-docs")),
                (language, reverse("opendata:data-dictionary")),
                (language, reverse("accessibility")),
            ]
    return urls


def test_every_public_page_answers_with_one_h1_in_both_languages(client):
    content = make_portal_content()
    for language, url in public_urls(content):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}">' in html, url
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        if url not in {"/bg/dostapnost/", "/en/accessibility/"}:
            # The statement's feedback form needs its CSRF cookie; no other page sets one.
            assert response.cookies == {}, url


def test_no_page_has_inline_scripts_or_styles(client):
    content = make_portal_content()
    for _language, url in public_urls(content):
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        assert "<style" not in html, url
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag or 'type="application/ld+json"' in tag, (url, tag)


def test_time_elements_carry_valid_machine_readable_dates(client):
    content = make_portal_content()
    for _language, url in public_urls(content):
        html = client.get(url).content.decode()
        for value in re.findall(r'<time datetime="([^"]*)"', html):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (url, value)


def make_a_lot():
    """Thirty of each thing a page lists, all linked to one project, meeting and partner."""
    content = make_portal_content()
    project, meeting, partner = content["project"], content["meeting"], content["partner"]
    for n in range(30):
        other = make_partner(latitude="45.000000", longitude=f"{n / 10:.6f}")
        make_participation(project, other)
        meeting.participants.add(other)
        partner.twin_towns.add(other)
        session = make_session(meeting, summary_bg="Кратко описание на сесията. " * 3)
        session.led_by.add(other)
        make_site_visit(meeting, description_bg="Описание на посещението. " * 3)
        article = make_article(meeting=meeting)
        article.projects.add(project)
        article.partners.add(partner, other)
        make_document(project=project, meeting=meeting, session=session)
        solution = make_solution()
        solution.projects.add(project)
        solution.topics.add(content["topic"])
        make_replication(solution, other)
        make_meeting(project=project, host=partner).participants.add(partner)
    return content


def test_no_page_is_over_its_size_budget_with_thirty_items_everywhere(client):
    content = make_a_lot()
    for _language, url in public_urls(content):
        response = client.get(url)
        assert response.status_code == 200, url
        data = sum(len(block) for block in JSON_LD.findall(response.content))
        assert len(response.content) - data < MAX_HTML_BYTES, (url, len(response.content))
        assert data < MAX_JSON_LD_BYTES, (url, data)
