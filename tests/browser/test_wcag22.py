"""What WCAG 2.2 adds at level AA, beyond axe-core's rules (which the other tests run).

Focus never hidden under a sticky or fixed part of the page (2.4.11), help in the same
place on every page (3.2.6), nothing that only dragging can do (2.5.7), and targets of
at least 24 × 24 CSS pixels (2.5.8; axe checks it too, with its spacing exception).
"""

import pytest

from partners.models import Partner
from tests.browser.test_accessibility import (  # noqa: F401
    LANGUAGES,
    content,
    public_pages,
    visit,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def pages(content):  # noqa: F811 - the fixture of the page-type tests, shared
    """(language, name, path) of every public page type, with content to show."""
    return [
        (lang, name, path) for lang in LANGUAGES for name, path, _ in public_pages(content, lang)
    ]


# The focused element, unless the page shows some part of it: the centre or a corner is
# the element itself, something inside it, or something that holds it.
# "body" once the focus has gone round the page and left it.
HIDDEN_FOCUS_SCRIPT = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return "body";
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  const inset = (size) => Math.min(2, size / 2);
  const points = [
    [box.left + box.width / 2, box.top + box.height / 2],
    [box.left + inset(box.width), box.top + inset(box.height)],
    [box.right - inset(box.width), box.bottom - inset(box.height)],
  ].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  const shown = points.some(([x, y]) => {
    const top = document.elementFromPoint(x, y);
    return top && (top === element || element.contains(top) || top.contains(element));
  });
  if (shown) return null;
  const name = (node) => node ? node.tagName.toLowerCase() + "." + node.className : "nothing";
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  return name(element) + " at " + Math.round(box.top) + " px under " +
    name(document.elementFromPoint(Math.max(0, x), Math.min(innerHeight - 1, Math.max(0, y))));
}"""

# Buttons, fields and links laid out as boxes (menus, chips, pagination) smaller than
# 24 × 24 CSS pixels. Links that flow as text are left to axe-core's target-size rule,
# which measures the spacing around them, as WCAG allows for an undersized target.
SMALL_TARGETS_SCRIPT = """() => {
  const controls = "a[href], button, input:not([type=hidden]), select, summary";
  return [...document.querySelectorAll(controls)]
    .filter((element) => element.offsetParent !== null)
    .filter((element) => element.tagName !== "A" || getComputedStyle(element).display !== "inline")
    .map((element) => [element, element.getBoundingClientRect()])
    // No area, nothing to point at: collapsed controls of the API reference.
    .filter(([, box]) => box.width > 0 && box.height > 0)
    .filter(([, box]) => box.width < 24 || box.height < 24)
    .map(([element, box]) =>
      element.tagName.toLowerCase() + " “" + (element.textContent || element.value || "").trim()
        .slice(0, 30) + "” " + Math.round(box.width) + "×" + Math.round(box.height));
}"""


def hidden_focus(page, presses=150):
    """Every element the keyboard focus reached while no part of it could be seen.

    Forward through the page, then back: going back, the browser scrolls each element in
    at the top of the window, where a sticky header would cover it.
    """
    found = []
    for key in ("Tab", "Shift+Tab"):
        for _ in range(presses):
            page.keyboard.press(key)
            problem = page.evaluate(HIDDEN_FOCUS_SCRIPT)
            if problem == "body":
                break  # Round the page once.
            if problem:
                found.append(f"{key}: {problem}")
    return found


# Each page type once per width, in one language: the sticky parts are the layout's, the
# same in both. Bulgarian, whose longer words wrap sooner, on the phone.
@pytest.mark.parametrize("width, language", [(1366, "en"), (390, "bg")])
def test_focus_is_never_hidden_under_a_sticky_part(
    chromium_browser, live_server, pages, width, language
):
    context = chromium_browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 700}
    )
    page = context.new_page()
    problems = {}
    for lang, name, path in pages:
        if lang != language:
            continue
        visit(page, name, path)
        if found := hidden_focus(page):
            problems[f"{lang} {name}"] = found
    context.close()
    assert not problems, problems


def test_help_is_in_the_same_place_on_every_page(page, pages):
    """The contact and the accessibility statement stand in the footer, in one order."""
    orders = {lang: {} for lang in LANGUAGES}
    for lang, name, path in pages:
        visit(page, name, path)
        orders[lang][name] = page.evaluate(
            """() => [...document.querySelectorAll("footer h2, footer a[href]")]
                .map((element) => element.id || element.getAttribute("href"))"""
        )
    for lang, by_page in orders.items():
        first = next(iter(by_page.values()))
        assert any(item.startswith("mailto:") for item in first)
        assert any(item.startswith(f"/{lang}/") for item in first)
        assert all(order == first for order in by_page.values()), by_page


def test_targets_out_of_running_text_are_at_least_24_pixels(page, pages):
    problems = {}
    for lang, name, path in pages:
        visit(page, name, path)
        if small := page.evaluate(SMALL_TARGETS_SCRIPT):
            problems[f"{lang} {name}"] = small
    assert not problems, problems


def test_nothing_needs_dragging(page, pages):
    for lang, name, path in pages:
        page.goto(path)
        assert page.locator("[draggable=true]").count() == 0, (lang, name)


def test_the_map_moves_with_single_clicks_too(page, pages):
    """Leaflet pans by dragging; its zoom buttons and the keyboard do it without."""
    # The tiles would come from OpenStreetMap: answered here with nothing.
    page.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(status=204))
    Partner.objects.update(latitude="41.574000", longitude="24.701000")
    page.goto("/en/partners/")
    page.get_by_role("button", name="Show the map").click()
    zoom_in = page.locator(".leaflet-control-zoom-in")
    zoom_in.wait_for()
    for control in (zoom_in, page.locator(".leaflet-control-zoom-out")):
        box = control.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    assert page.locator("#partner-map-canvas").get_attribute("tabindex") == "0"
