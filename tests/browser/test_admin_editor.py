"""The admin's rich-text editor and language tabs in a real browser, under the admin's CSP."""

import pytest

from publishing.models import Status
from tests.admin_support import admin_url
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db(transaction=True)

# Recorded before any page script runs, so nothing the page does can hide a violation.
EDITABLE = ".prose-editor .ProseMirror[contenteditable=true]"
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def admin_page(page, client, live_server):
    """A page logged in to the admin, recording CSP violations.

    A superuser: transactional tests flush the database, and with it the Editors group
    that a migration made (the group's own tests run without a flush).
    """
    client.force_login(make_user(superuser=True))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    return page


def test_editor_and_language_tabs_load_without_csp_violations(admin_page):
    article = make_article(body_bg="<p>Текст на новината.</p>", status=Status.DRAFT)
    response = admin_page.goto(admin_url(article, "change"))
    assert response.status == 200
    assert "'nonce-" in response.headers["content-security-policy"]

    editor = admin_page.locator(".prose-editor").first
    editor.wait_for(state="visible")
    assert admin_page.locator(EDITABLE).first.inner_text() == "Текст на новината."
    assert admin_page.locator(".prose-menubar").count() >= 2  # body_bg and body_en

    # modeltranslation's tabs, drawn by jQuery UI from our own host.
    tabs = admin_page.locator(".ui-tabs-nav").first
    tabs.wait_for(state="visible")
    admin_page.locator(".ui-tabs-nav a", has_text="EN").first.click()
    assert admin_page.locator("#id_title_en").is_visible()
    assert not admin_page.locator("#id_title_bg").is_visible()

    assert admin_page.evaluate("window.__cspViolations") == []
    assert [text for text in admin_page.console_errors if "Content Security Policy" in text] == []
    assert admin_page.request_log.foreign() == []


def test_text_typed_in_the_editor_is_saved(admin_page):
    article = make_article(body_bg="<p>Старо.</p>")
    admin_page.goto(admin_url(article, "change"))
    body = admin_page.locator(EDITABLE).first
    body.click()
    admin_page.keyboard.press("End")
    admin_page.keyboard.type(" Ново.")
    admin_page.locator("input[name=_save]").click()
    admin_page.wait_for_url("**/admin/news/article/")
    article.refresh_from_db()
    assert article.body_bg == "<p>Старо. Ново.</p>"
    assert admin_page.evaluate("window.__cspViolations") == []


def test_out_of_date_tabs_are_marked_and_the_asked_language_opens(admin_page):
    article = make_article(title_bg="Новина", title_en="News")
    article.body_bg = "<p>Текст.</p><p>Нов абзац.</p>"
    article.save()
    admin_page.goto(admin_url(article, "change") + "?language=en")
    mark = admin_page.locator('a[href="#tab_id_body_en"] .translation-mark--stale')
    mark.wait_for(state="attached")
    assert admin_page.locator('a[href="#tab_id_body_bg"] .translation-mark').count() == 0
    # The link from the Translations page opens the English tabs.
    assert admin_page.locator("#id_title_en").is_visible()
    assert not admin_page.locator("#id_title_bg").is_visible()
    assert admin_page.locator(".translation-status ins", has_text="абзац").count() == 1
    assert admin_page.evaluate("window.__cspViolations") == []
