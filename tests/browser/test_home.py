"""The home page in a real browser: both languages, keyboard, axe-core."""

import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/bg/", "bg", "Смолян в европейски градски проекти"),
        ("/en/", "en", "Smolyan in European city projects"),
    ],
)
def test_home_page_in_each_language(page, path, lang, heading):
    page.goto(path)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == heading
    assert page.request_log.foreign() == []
    assert page.context.cookies() == []


def test_language_switcher_leads_to_the_other_language(page):
    page.goto("/bg/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.parametrize("path", ["/bg/", "/en/"])
def test_no_wcag_violations(axe_page, path):
    axe_page.goto(path)
    assert axe_violations(axe_page) == []


def test_the_browser_understands_the_permissions_policy(page):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto("/en/")
    # Chromium reports each feature it does not know in the console.
    assert [text for text in messages if "Permissions-Policy" in text] == []
    allowed = page.evaluate(
        "['camera', 'geolocation', 'microphone', 'payment', 'usb']"
        ".map(feature => document.featurePolicy.allowsFeature(feature))"
    )
    assert allowed == [False] * 5
