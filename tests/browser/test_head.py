"""The head in a real browser: JSON-LD under the strict CSP, and share links that wait."""

import json

import pytest

from tests.factories import make_portal_content

pytestmark = pytest.mark.django_db(transaction=True)

# Records every Content-Security-Policy violation of the page, from its first moment.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
READ_JSON_LD = """() => [...document.querySelectorAll('script[type="application/ld+json"]')]
  .map((script) => script.textContent)"""
PAGES = {
    "article": ("/bg/novini/novina-za-sreshtata/", "/en/news/news-of-the-meeting/"),
    "meeting": ("/bg/sreshti/sreshta-v-smolyan/", "/en/meetings/meeting-in-smolyan/"),
    "partner": ("/bg/partnyori/obshtina-smolyan/", "/en/partners/smolyan-municipality/"),
    "project": ("/bg/proekti/polozhitelni-gradove/", "/en/projects/positive-cities/"),
    "home": ("/bg/", "/en/"),
}


@pytest.fixture
def content():
    return make_portal_content()


def cases():
    for name, (bg, en) in PAGES.items():
        yield pytest.param(bg, id=f"{name}-bg")
        yield pytest.param(en, id=f"{name}-en")


@pytest.mark.parametrize("path", list(cases()))
def test_json_ld_is_read_under_the_csp_without_a_violation(page, content, path):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)

    response = page.goto(path)

    assert "script-src 'self'" in response.headers["content-security-policy"]
    blocks = [json.loads(text) for text in page.evaluate(READ_JSON_LD)]
    assert blocks, path
    assert {block["@type"] for block in blocks} >= {"BreadcrumbList"}
    assert page.evaluate("window.__violations") == []
    assert not [text for text in messages if "Content Security Policy" in text]


def test_the_csp_check_sees_a_violation(page, content):
    """The check above can fail: an inline script that runs is reported."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto("/en/")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.__ran = true";
          document.body.append(script);
        }"""
    )
    page.wait_for_function("window.__violations.length > 0")
    assert page.evaluate("window.__ran") is None


def test_a_title_cannot_break_out_of_the_json_ld(axe_page, content):
    """Without the CSP (the axe page bypasses it), escaping alone keeps a script from running."""
    article = content["article"]
    article.title_en = "</script><script>window.injected = true</script>"
    article.save()
    response = axe_page.goto("/en/news/news-of-the-meeting/")
    assert response.status == 200, response.url
    assert axe_page.evaluate("window.injected") is None
    [data] = [
        block
        for block in map(json.loads, axe_page.evaluate(READ_JSON_LD))
        if block["@type"] == "NewsArticle"
    ]
    assert data["headline"] == article.title_en


@pytest.mark.parametrize(
    "path", ["/en/news/news-of-the-meeting/", "/bg/sreshti/sreshta-v-smolyan/"]
)
def test_share_links_load_nothing_before_a_click(page, content, path):
    page.route("https://www.facebook.com/**", lambda route: route.abort())
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert page.request_log.foreign() == []
    assert page.context.cookies() == []

    link = page.locator(".share a[href^='https://www.facebook.com/']")
    assert link.get_attribute("rel") == "noopener external"
    link.click()
    page.wait_for_timeout(300)
    assert [url.split("/")[2] for url in page.request_log.foreign()] == ["www.facebook.com"]
