"""The look in a real browser: the menu and filters on a phone, the font, the footer on a
short page, the meeting page's print button and its participants on a narrow screen."""

import pytest

from tests.factories import make_portal_content

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}


@pytest.fixture
def open_page(chromium_browser, live_server):
    """Opens a path in a window of the given size; closes every window afterwards."""
    contexts = []

    def open_page(path, viewport, **options):
        context = chromium_browser.new_context(
            base_url=live_server.url, viewport=viewport, **options
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(path)
        return page

    yield open_page
    for context in contexts:
        context.close()


def accessible(page, selector):
    """What Chromium tells assistive technology about an element: role, name, expanded."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    [found] = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})[
        "nodes"
    ]
    properties = {item["name"]: item["value"]["value"] for item in found.get("properties", [])}
    cdp.detach()
    # A <summary> is a "disclosure triangle": a button with an expanded state on every platform.
    return found["role"]["value"], found["name"]["value"], properties.get("expanded")


def test_phone_menu_is_a_disclosure_that_works_without_a_script(open_page):
    page = open_page("/bg/", PHONE, java_script_enabled=False)
    toggle = page.locator(".site-nav__toggle")
    link = page.locator('.site-nav a[href="/bg/novini/"]')
    assert toggle.is_visible()
    assert not link.is_visible()
    # The header leaves the first screen to the content. Measured in the site's font: the
    # wider fallback, shown until the font has come (font-display: swap), wraps the name.
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.locator(".site-header").bounding_box()["height"] < 130
    toggle.click()
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/bg/novini/")


def test_phone_menu_announces_its_state(open_page):
    page = open_page("/en/", PHONE)
    assert accessible(page, ".site-nav__toggle") == ("DisclosureTriangle", "Menu", False)
    toggle = page.locator(".site-nav__toggle")
    for _ in range(6):
        page.keyboard.press("Tab")
        if toggle.evaluate("element => element === document.activeElement"):
            break
    assert toggle.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert accessible(page, ".site-nav__toggle") == ("DisclosureTriangle", "Menu", True)
    assert page.locator('.site-nav a[href="/en/news/"]').is_visible()
    # At least 24 by 24 pixels, as WCAG 2.2 asks of a target.
    box = toggle.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24


def test_wide_screens_show_the_menu_without_a_button(open_page):
    page = open_page("/en/", LAPTOP)
    assert not page.locator(".site-nav__toggle").is_visible()
    for path in ["/en/news/", "/en/meetings/", "/en/search/"]:
        assert page.locator(f'.site-nav a[href="{path}"]').is_visible()


def test_filters_fold_on_a_phone_unless_one_is_chosen(open_page):
    content = make_portal_content()
    page = open_page("/en/news/", PHONE)
    assert page.locator(".filters__toggle").is_visible()
    assert accessible(page, ".filters__toggle") == ("DisclosureTriangle", "Filter", False)
    assert not page.locator(".facet").first.is_visible()
    # The first story is on the first screen.
    assert page.locator(".story").first.bounding_box()["y"] < PHONE["height"]
    page.goto(f"/en/news/?year={content['article'].published_at.year}")
    assert page.locator(".facet").first.is_visible()
    wide = open_page("/en/news/", LAPTOP)
    assert wide.locator(".facet").first.is_visible()
    assert not wide.locator(".filters__toggle").is_visible()


def test_search_filters_fold_on_a_phone_unless_one_is_chosen(open_page):
    make_portal_content()
    page = open_page("/en/search/?q=Smolyan", PHONE)
    assert accessible(page, ".filters__toggle") == ("DisclosureTriangle", "Filter", False)
    assert not page.locator(".facet").first.is_visible()
    assert page.locator(".search-result").first.bounding_box()["y"] < PHONE["height"]
    page.locator(".facet a", has_text="Meeting").first.evaluate("link => link.click()")
    page.wait_for_url("**type=events.meeting*")
    assert page.locator(".facet").first.is_visible()
    wide = open_page("/en/search/?q=Smolyan", LAPTOP)
    assert wide.locator(".facet").first.is_visible()
    assert not wide.locator(".filters__toggle").is_visible()


def test_the_footer_sits_at_the_bottom_of_a_short_page(open_page):
    page = open_page("/en/no-such-page/", LAPTOP)
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] == pytest.approx(LAPTOP["height"], abs=1)


def test_the_text_is_set_in_the_sites_own_font(open_page, live_server):
    page = open_page("/bg/", LAPTOP)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.reload()
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate("document.fonts.check('1rem \"Source Sans 3\"', 'Смолян')")
    family = page.locator("h1").evaluate("element => getComputedStyle(element).fontFamily")
    assert family.startswith('"Source Sans 3"')
    fonts = [url for url in requests if url.endswith(".woff2")]
    assert fonts and all(url.startswith(live_server.url) for url in fonts)


def test_meeting_page_print_button_and_participants_on_a_narrow_screen(open_page):
    content = make_portal_content()
    path = content["meeting"].get_absolute_url()
    page = open_page(path, LAPTOP)
    assert page.get_by_role("button", name="Отпечатване на страницата").is_visible()
    # The contents follow the reader down the page.
    page.locator("#participants-heading").scroll_into_view_if_needed()
    assert page.locator(".toc").bounding_box()["y"] >= 0
    assert page.locator(".toc").is_visible()

    narrow = open_page(path, {"width": 320, "height": 640})
    row = narrow.locator(".participants tbody tr").first
    name, country = row.locator("th").bounding_box(), row.locator("td").first.bounding_box()
    # Stacked: the country under the partner's name, each within the window.
    assert country["y"] >= name["y"] + name["height"] - 1
    assert country["x"] + country["width"] <= 320
    assert narrow.locator(".back-to-contents a").first.is_visible()
