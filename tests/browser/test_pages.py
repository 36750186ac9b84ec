"""Every public page type in a real browser, in both languages: axe-core, no foreign requests,
no cookies; the partners' map contacts OpenStreetMap only after the visitor asks for it."""

import pytest

from tests.browser.conftest import axe_violations
from tests.factories import make_article, make_portal_content

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "home": ("/bg/", "/en/"),
    "news": ("/bg/novini/", "/en/news/"),
    "article": ("/bg/novini/novina-za-sreshtata/", "/en/news/news-of-the-meeting/"),
    "meetings": ("/bg/sreshti/", "/en/meetings/"),
    "meeting": ("/bg/sreshti/sreshta-v-smolyan/", "/en/meetings/meeting-in-smolyan/"),
    "partners": ("/bg/partnyori/", "/en/partners/"),
    "partner": ("/bg/partnyori/obshtina-smolyan/", "/en/partners/smolyan-municipality/"),
    "projects": ("/bg/proekti/", "/en/projects/"),
    "project": ("/bg/proekti/polozhitelni-gradove/", "/en/projects/positive-cities/"),
    "documents": ("/bg/dokumenti/", "/en/documents/"),
    "filtered news": ("/bg/novini/?year={year}", "/en/news/?year={year}"),
    "untranslated article": None,
}


def cases():
    for name, paths in PAGES.items():
        if paths is None:
            yield pytest.param("/en/news/samo-na-balgarski/", "en", id=f"{name}-en")
            continue
        bg, en = paths
        yield pytest.param(bg, "bg", id=f"{name}-bg")
        yield pytest.param(en, "en", id=f"{name}-en")


@pytest.fixture
def content():
    content = make_portal_content()
    make_article(title_bg="Само на български", title_en="", summary_en="", body_en="")
    return content


@pytest.mark.parametrize(("path", "lang"), list(cases()))
def test_page_in_the_browser(page, axe_page, content, path, lang):
    path = path.format(year=content["article"].published_at.year)
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").count() == 1
    assert page.request_log.foreign() == []
    assert page.context.cookies() == []

    axe_page.goto(path)
    assert axe_violations(axe_page) == []


def test_partners_map_waits_for_the_visitor(page, content):
    page.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto("/en/partners/")
    button = page.get_by_role("button", name="Show the map")
    assert button.is_visible()
    page.wait_for_load_state("networkidle")
    assert page.request_log.foreign() == []
    assert page.context.cookies() == []
    assert page.locator(".leaflet-container").count() == 0

    button.click()
    page.wait_for_selector(".leaflet-container")
    page.wait_for_function("document.querySelectorAll('.leaflet-interactive').length >= 2")
    foreign = page.request_log.foreign()
    assert foreign, "the map asked for no tiles"
    assert {url.split("/")[2] for url in foreign} == {"tile.openstreetmap.org"}
    assert page.context.cookies() == []
    # Leaflet came from our own host; the list of partners is still there.
    assert any("/static/xstatic/leaflet/" in url for url in page.request_log.urls)
    assert page.get_by_role("link", name="Trondheim").first.is_visible()


def test_partners_map_button_appears_only_with_javascript(chromium_browser, live_server, content):
    context = chromium_browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/en/partners/")
        assert page.get_by_role("button", name="Show the map").count() == 0
        assert page.get_by_role("link", name="Trondheim").first.is_visible()
    finally:
        context.close()


def test_language_switcher_leads_to_the_same_meeting(page, content):
    page.goto("/bg/sreshti/sreshta-v-smolyan/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/meetings/meeting-in-smolyan/")
    assert page.locator("h1").inner_text() == "Meeting in Smolyan"


def test_session_anchor_is_reachable(page, content):
    session = content["session"]
    page.goto(f"/en/meetings/meeting-in-smolyan/#{session.anchor}")
    target = page.locator(f"#{session.anchor}")
    assert target.is_visible()
    assert target.evaluate("element => element.matches(':target')")
