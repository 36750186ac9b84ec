"""Every public page type, in both languages, in a real browser.

axe-core's WCAG 2.2 A/AA rules (2.0 and 2.1 with them), requests to other hosts, cookies,
one <h1>, reflow at 320 px, reduced motion, the Nu HTML Checker, and the keyboard: skip link,
menu, language switcher, search.
"""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from projects.models import Role
from smolyan_portal.models import AccessibilityStatement
from tests import factories
from tests.browser.conftest import axe_violations
from tests.html_validator import html_errors

pytestmark = pytest.mark.django_db(transaction=True)

LANGUAGES = ["bg", "en"]
NOT_FOUND = {"bg": "/bg/nyama-takava-stranitsa/", "en": "/en/no-such-page/"}
SEARCH_WORD = {"bg": "Смолян", "en": "Smolyan"}
initial_statement = importlib.import_module(
    "smolyan_portal.migrations.0002_initial_accessibility_statement"
)


@pytest.fixture
def content():
    """One published item of each kind, linked to each other as editors would link them."""
    partner = factories.make_partner(name_bg="Смолян", name_en="Smolyan")
    project = factories.make_project()
    factories.make_participation(project=project, partner=partner, role=Role.COORDINATOR)
    meeting = factories.make_meeting(project=project, host=partner)
    session = factories.make_session(meeting=meeting)
    visit = factories.make_site_visit(meeting=meeting)
    knowledge = factories.make_knowledge_content(
        project=project,
        cities=(factories.make_partner(name_en="Trondheim"), partner),
        session=session,
        visit=visit,
    )
    article = factories.make_article(
        meeting=meeting,
        source_publisher_bg="Община Смолян",
        source_publisher_en="Municipality of Smolyan",
        source_date=datetime.date(2023, 6, 21),
        source_url="https://www.smolyan.bg/",
    )
    article.projects.add(project)
    article.partners.add(partner)
    factories.make_document(project=project, meeting=meeting)
    # A transactional test empties the tables, the migrated statement too.
    if AccessibilityStatement.current() is None:
        initial_statement.create_statement(apps, None)
    return {
        "article": article,
        "meeting": meeting,
        "partner": partner,
        "project": project,
        **knowledge,
    }


def public_pages(content, lang):
    """(name, path, expected status) of every public page type in one language."""
    with translation.override(lang):
        return [
            ("home", reverse("home"), 200),
            ("news", reverse("news:article-list"), 200),
            ("article", content["article"].get_absolute_url(), 200),
            ("meetings", reverse("events:meeting-list"), 200),
            ("meeting", content["meeting"].get_absolute_url(), 200),
            ("partners", reverse("partners:partner-list"), 200),
            ("partner", content["partner"].get_absolute_url(), 200),
            ("projects", reverse("projects:project-list"), 200),
            ("project", content["project"].get_absolute_url(), 200),
            ("documents", reverse("documents:document-list"), 200),
            ("solutions", reverse("knowledge:solution-list"), 200),
            ("solution", content["solution"].get_absolute_url(), 200),
            ("solution-matrix", reverse("knowledge:solution-matrix"), 200),
            ("topic", content["topic"].get_absolute_url(), 200),
            ("search", f"{reverse('search')}?q={SEARCH_WORD[lang]}", 200),
            ("privacy", reverse("privacy"), 200),
            ("open-data", reverse("opendata:api-docs"), 200),
            ("data-dictionary", reverse("opendata:data-dictionary"), 200),
            ("not-found", NOT_FOUND[lang], 404),
            # Last: the one page that sets a cookie.
            ("accessibility", reverse("accessibility"), 200),
        ]


def visit(page, name, path):
    """Open a page of the sweep and wait until its scripts have drawn what it shows.

    The open-data reference is drawn from the schema after the page has loaded; anything
    measured before that (focus, width, axe) would be measured on a page still moving.
    """
    response = page.goto(path)
    if name == "open-data":
        page.wait_for_selector(".api-reference .opblock", timeout=15_000)
        page.wait_for_load_state("networkidle")
    return response


@pytest.fixture
def narrow_page(chromium_browser, live_server):
    """A phone-sized window, 320 CSS pixels wide: as wide as 1280 pixels at 400 % zoom."""
    context = chromium_browser.new_context(
        base_url=live_server.url, viewport={"width": 320, "height": 640}
    )
    yield context.new_page()
    context.close()


# Every element's transitions and animations, in seconds, for the reduced-motion check.
MOTION_SCRIPT = """() => {
  const seconds = (value) => value.split(",").map((part) => {
    const number = parseFloat(part);
    return part.trim().endsWith("ms") ? number / 1000 : number;
  });
  const moving = [];
  for (const element of document.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    const longest = Math.max(
      ...seconds(style.transitionDuration), ...seconds(style.animationDuration)
    );
    if (longest > 0.001) moving.push(element.tagName.toLowerCase() + "." + element.className);
  }
  return moving;
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_type(page, narrow_page, axe_page, content, lang, tmp_path):
    problems = {}
    saved = []
    for name, path, status in public_pages(content, lang):
        found = []
        response = visit(page, name, path)
        if response.status != status:
            problems[name] = [f"{path} answered {response.status}, not {status}"]
            continue
        html = response.text()
        saved_file = tmp_path / f"{lang}-{name}.html"
        saved_file.write_text(html, encoding="utf-8")
        saved.append(saved_file)

        if page.locator("html").get_attribute("lang") != lang:
            found.append("<html lang> is not the page's language")
        if page.locator("h1").count() != 1:
            found.append(f"{page.locator('h1').count()} <h1> elements")
        for landmark in ["header", "nav", "main", "footer"]:
            if page.locator(landmark).count() == 0:
                found.append(f"no <{landmark}> landmark")
        if page.request_log.foreign():
            found.append(f"requests to other hosts: {page.request_log.foreign()}")
        cookies = sorted(cookie["name"] for cookie in page.context.cookies())
        expected = ["csrftoken"] if name == "accessibility" else []
        if cookies != expected:
            found.append(f"cookies {cookies}, expected {expected}")

        page.emulate_media(reduced_motion="reduce")
        moving = page.evaluate(MOTION_SCRIPT)
        if moving:
            found.append(f"moves despite prefers-reduced-motion: {moving[:5]}")
        page.emulate_media(reduced_motion="no-preference")

        visit(narrow_page, name, path)
        scroll_width = narrow_page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > 320:
            wide = narrow_page.evaluate(
                """() => [...document.querySelectorAll("body *")]
                    .filter((e) => e.getBoundingClientRect().right > 321)
                    .slice(-3).map((e) => e.tagName.toLowerCase() + "." + e.className)"""
            )
            found.append(f"scrolls sideways at 320 px ({scroll_width} px wide: {wide})")

        visit(axe_page, name, path)
        found.extend(axe_violations(axe_page))
        if found:
            problems[name] = found
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())

    errors = html_errors(saved)
    assert not errors, "\n".join(
        f"{name} {error}" for name, found in errors.items() for error in found
    )


def test_reduced_motion_block_in_the_stylesheet():
    from django.contrib.staticfiles import finders

    css = open(finders.find("css/site.css"), encoding="utf-8").read()
    block = re.search(r"@media \(prefers-reduced-motion: reduce\) \{(.*?)\n\}", css, re.S)
    assert block is not None
    assert "transition-duration" in block.group(1)
    assert "animation-duration" in block.group(1)


# Keyboard


def focus_outline(page):
    """The focused element's outline, as the browser draws it on :focus-visible."""
    return page.evaluate(
        """() => {
          const element = document.activeElement;
          const style = getComputedStyle(element);
          return {
            focusVisible: element.matches(":focus-visible"),
            style: style.outlineStyle,
            width: parseFloat(style.outlineWidth),
          };
        }"""
    )


def assert_visible_focus(page):
    outline = focus_outline(page)
    assert outline["focusVisible"], outline
    assert outline["style"] not in {"none", "hidden"}, outline
    assert outline["width"] >= 2, outline


def tab_to(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return target
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_by_keyboard(page, lang):
    page.goto(f"/{lang}/")
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    box = skip_link.bounding_box()
    assert box["y"] >= 0  # moved into view, not left off-screen
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.parametrize(
    ("lang", "label", "target"),
    [("bg", "Новини", "/bg/novini/"), ("en", "News", "/en/news/")],
)
def test_main_menu_by_keyboard(page, lang, label, target):
    page.goto(f"/{lang}/")
    link = tab_to(page, f'.site-nav a[href="{target}"]')
    assert link.inner_text() == label
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert page.locator(f'.site-nav a[href="{target}"]').get_attribute("aria-current") == "page"


@pytest.mark.parametrize(
    ("start", "link_name", "target", "lang"),
    [
        ("/bg/dostapnost/", "English", "/en/accessibility/", "en"),
        ("/en/privacy/", "Български", "/bg/poveritelnost/", "bg"),
    ],
)
def test_language_switcher_by_keyboard(page, start, link_name, target, lang):
    page.goto(start)
    link = tab_to(page, f'.language-switcher a[href="{target}"]')
    # Django names Bulgarian in lower case; either spelling is the language's own name.
    assert link.inner_text().lower() == link_name.lower()
    assert link.get_attribute("lang") == lang
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize(("lang", "search_path"), [("bg", "/bg/tarsene/"), ("en", "/en/search/")])
def test_search_form_by_keyboard(page, content, lang, search_path):
    page.goto(f"/{lang}/")
    tab_to(page, f'.site-nav a[href="{search_path}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{search_path}")
    tab_to(page, "#search-q")
    assert_visible_focus(page)
    page.keyboard.type(SEARCH_WORD[lang])
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**?q=*")
    assert page.locator("#search-q").input_value() == SEARCH_WORD[lang]
    # Enter in the field sends the form too.
    tab_to(page, "#search-q")
    page.keyboard.press("End")
    page.keyboard.type(" 2023")
    page.keyboard.press("Enter")
    page.wait_for_url("**2023*")
    assert page.locator("#search-q").input_value() == f"{SEARCH_WORD[lang]} 2023"
    assert page.context.cookies() == []


def test_feedback_form_by_keyboard(page):
    if AccessibilityStatement.current() is None:
        initial_statement.create_statement(apps, None)
    page.goto("/en/accessibility/")
    tab_to(page, "#id_message")
    assert_visible_focus(page)
    page.keyboard.type("The map cannot be closed with the keyboard.")
    tab_to(page, "#feedback button[type=submit]")
    assert_visible_focus(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/accessibility/?sent=1#feedback")
    assert page.get_by_role("status").inner_text() == (
        "Thank you. We have received your message and will look into it."
    )
    assert [cookie["name"] for cookie in page.context.cookies()] == ["csrftoken"]


def test_feedback_errors_are_announced_and_linked(page):
    page.goto("/bg/dostapnost/")
    page.locator("#id_email").fill("не е адрес")
    page.locator("#feedback button[type=submit]").click()
    alert = page.get_by_role("alert")
    assert "Моля, напишете съобщението си." in alert.inner_text()
    assert page.locator("#id_email").input_value() == "не е адрес"
    assert page.locator("#id_message").get_attribute("aria-invalid") == "true"
    assert page.title().startswith("Грешка:")


def test_feedback_form_with_errors_is_accessible_and_valid(axe_page, client, tmp_path):
    if AccessibilityStatement.current() is None:
        initial_statement.create_statement(apps, None)
    axe_page.goto("/en/accessibility/")
    axe_page.locator("#id_email").fill("not an address")
    axe_page.locator("#feedback button[type=submit]").click()
    axe_page.get_by_role("alert").wait_for()
    assert axe_violations(axe_page) == []

    response = client.post("/bg/dostapnost/", {"message": "", "email": "x"})
    assert response.status_code == 200
    saved = tmp_path / "bg-accessibility-errors.html"
    saved.write_bytes(response.content)
    assert html_errors([saved]) == {}
