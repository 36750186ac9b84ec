"""The accessibility statement: its record, its feedback form, the admin and the retention."""

import datetime
import io
import socket
import threading
import time

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from smolyan_portal import views
from smolyan_portal.mail import wait_for_mail
from smolyan_portal.models import AccessibilityStatement, ConformanceStatus, Feedback
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PAGES = [("/bg/dostapnost/", "bg"), ("/en/accessibility/", "en")]


@pytest.fixture
def statement():
    """The statement the data migration wrote, as the site starts with it."""
    return AccessibilityStatement.current()


def test_the_site_starts_with_an_honest_statement_in_both_languages(statement):
    assert statement.conformance_status == ConformanceStatus.PARTIAL
    assert statement.preparation_method == "self"
    assert "PDF" in statement.non_accessible_content_bg
    assert "OpenStreetMap" in statement.non_accessible_content_bg
    assert "PDF" in statement.non_accessible_content_en
    assert "OpenStreetMap" in statement.non_accessible_content_en
    assert "Министерството на електронното управление" in statement.enforcement_procedure_bg
    assert "Ministry of Electronic Governance" in statement.enforcement_procedure_en


@pytest.mark.parametrize(
    ("path", "lang", "heading", "status", "known"),
    [
        ("/bg/dostapnost/", "bg", "Декларация за достъпност", "частично", "сканирани страници"),
        ("/en/accessibility/", "en", "Accessibility statement", "partially", "scanned pages"),
    ],
)
def test_statement_page_shows_the_record_in_each_language(
    client, statement, path, lang, heading, status, known
):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert html.count("<h1") == 1
    assert status in html
    assert known in html
    assert 'lang="bg"' not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_edits_to_the_record_show_on_the_page(client, statement):
    statement.non_accessible_content_bg = "<p>Таблиците с бюджети нямат заглавни клетки.</p>"
    statement.non_accessible_content_en = "<p>Budget tables have no header cells.</p>"
    statement.conformance_status = ConformanceStatus.NONE
    statement.reviewed_on = datetime.date(2025, 3, 14)
    statement.feedback_phone = "+359 301 00000"
    statement.save()

    english = client.get("/en/accessibility/").content.decode()
    assert "Budget tables have no header cells." in english
    assert "scanned pages" not in english
    assert "is not compliant with EN 301 549" in english
    assert 'last reviewed on <time datetime="2025-03-14">14\u00a0March\u00a02025</time>.' in english
    assert '<a href="tel:+35930100000">+359 301 00000</a>' in english
    bulgarian = client.get("/bg/dostapnost/").content.decode()
    assert "Таблиците с бюджети нямат заглавни клетки." in bulgarian
    assert "не отговаря на EN 301 549" in bulgarian
    assert (
        "Последният преглед на декларацията е на "
        '<time datetime="2025-03-14">14\u00a0март\u00a02025\u00a0г.</time>' in bulgarian
    )
    # The "г." of the date ends the sentence: never "г..".
    assert "г.</time>." not in bulgarian


def test_rich_text_of_the_statement_is_sanitised_on_save(statement):
    statement.enforcement_procedure_en = '<p onclick="x()">Write.</p><script>alert(1)</script>'
    statement.save()
    statement.refresh_from_db()
    assert statement.enforcement_procedure_en == "<p>Write.</p>"


def test_english_falls_back_to_bulgarian_marked_as_such(client, statement):
    AccessibilityStatement.objects.filter(pk=statement.pk).update(preparation_details_en="")
    html = client.get("/en/accessibility/").content.decode()
    assert '<div class="rich-text" lang="bg"><p>Декларацията е изготвена' in html


def test_there_is_one_statement(statement):
    second = AccessibilityStatement(
        prepared_on=datetime.date(2024, 1, 1),
        reviewed_on=datetime.date(2024, 1, 1),
        feedback_email="a@example.org",
        non_accessible_content_bg="<p>Друго.</p>",
    )
    second.save()
    assert AccessibilityStatement.objects.count() == 1
    assert AccessibilityStatement.current().non_accessible_content_bg == "<p>Друго.</p>"


def test_page_without_a_statement_still_offers_the_form(client, settings):
    AccessibilityStatement.objects.all().delete()
    settings.PORTAL_CONTACT_EMAIL = "help@example.org"
    html = client.get("/en/accessibility/").content.decode()
    assert '<a href="mailto:help@example.org">help@example.org</a>' in html
    assert 'name="message"' in html


def test_statement_page_runs_one_query(client, statement, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get("/en/accessibility/").status_code == 200


# The feedback form


def post_feedback(client, path="/en/accessibility/", remote_addr="127.0.0.1", **data):
    return client.post(
        path, {"message": "The map has no text alternative.", **data}, REMOTE_ADDR=remote_addr
    )


@pytest.mark.parametrize(("path", "lang"), PAGES)
def test_feedback_is_stored_and_thanked_for_in_the_pages_language(client, path, lang):
    response = post_feedback(
        client, path, name="Мария", email="maria@example.org", page_url="/bg/partnyori/"
    )
    assert response.status_code == 302
    assert response["Location"] == f"{path}?sent=1#feedback"
    feedback = Feedback.objects.get()
    assert feedback.message == "The map has no text alternative."
    assert feedback.name == "Мария"
    assert feedback.email == "maria@example.org"
    assert feedback.page_url == "/bg/partnyori/"
    assert feedback.language == lang
    assert feedback.handled is False

    html = client.get(response["Location"]).content.decode()
    thanks = {
        "bg": "Благодарим ви! Получихме съобщението ви и ще се заемем с него.",
        "en": "Thank you. We have received your message and will look into it.",
    }[lang]
    assert f'<p class="notice notice--success" role="status">{thanks}</p>' in html


def test_only_the_message_is_required(client):
    assert post_feedback(client).status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.name, feedback.email, feedback.page_url) == ("", "", "")


def test_the_form_checks_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    assert post_feedback(client).status_code == 403
    page = client.get("/en/accessibility/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        "/en/accessibility/", {"message": "Hello.", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Feedback.objects.count() == 1


@pytest.mark.parametrize(
    ("path", "required", "invalid_email"),
    [
        (
            "/bg/dostapnost/",
            "Моля, напишете съобщението си.",
            "Въведете адрес на електронна поща, например name@example.com.",
        ),
        (
            "/en/accessibility/",
            "Please write your message.",
            "Enter an e-mail address such as name@example.com.",
        ),
    ],
)
def test_bad_input_shows_errors_in_the_visitors_language_and_keeps_the_text(
    client, path, required, invalid_email
):
    response = client.post(
        path,
        {"message": "   ", "email": "maria at example", "name": "Мария", "page_url": "/bg/"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<ul class="errorlist" id="id_message_error"><li>{required}</li></ul>' in html
    assert f'<ul class="errorlist" id="id_email_error"><li>{invalid_email}</li></ul>' in html
    assert 'aria-invalid="true" aria-describedby="id_message_helptext id_message_error"' in html
    assert 'role="alert"' in html
    # What the visitor typed is still there.
    assert 'value="maria at example"' in html
    assert 'value="Мария"' in html
    assert 'value="/bg/"' in html
    assert Feedback.objects.count() == 0


def test_a_long_message_is_refused_but_kept(client):
    text = "Много дълго съобщение. " * 300
    html = client.post("/bg/dostapnost/", {"message": text}).content.decode()
    assert 'id="id_message_error"' in html
    assert text.strip() in html
    assert Feedback.objects.count() == 0


def test_the_page_a_visitor_came_from_is_suggested(client):
    html = client.get(
        "/en/accessibility/", HTTP_REFERER="http://testserver/en/partners/"
    ).content.decode()
    assert 'value="/en/partners/"' in html
    other_site = client.get(
        "/en/accessibility/", HTTP_REFERER="https://elsewhere.example/en/partners/"
    ).content.decode()
    assert 'value="/en/partners/"' not in other_site


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/bg/dostapnost/", "Изпратили сте няколко съобщения през последния час"),
        ("/en/accessibility/", "You have sent several messages in the last hour"),
    ],
)
def test_too_many_messages_from_one_address_are_refused_with_a_clear_message(
    client, monkeypatch, path, text
):
    monkeypatch.setattr(views, "FEEDBACK_LIMIT_PER_HOUR", 2)
    assert post_feedback(client, path).status_code == 302
    assert post_feedback(client, path).status_code == 302
    response = post_feedback(client, path, message="A third message.")
    assert response.status_code == 429
    html = response.content.decode()
    assert text in html
    assert "A third message." in html
    assert Feedback.objects.count() == 2
    # Another address is not held back.
    assert post_feedback(client, path, remote_addr="192.0.2.7").status_code == 302
    assert Feedback.objects.count() == 3


def test_invalid_posts_do_not_count_against_the_limit(client, monkeypatch):
    monkeypatch.setattr(views, "FEEDBACK_LIMIT_PER_HOUR", 1)
    for _ in range(3):
        client.post("/en/accessibility/", {"message": ""})
    assert post_feedback(client).status_code == 302


# Cookies


def test_the_statement_page_sets_only_the_csrf_cookie(client):
    response = client.get("/en/accessibility/")
    assert set(response.cookies) == {"csrftoken"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url_name",
    ["home", "privacy", "search", "news:article-list", "events:meeting-list"],
)
@pytest.mark.parametrize("lang", ["bg", "en"])
def test_other_public_pages_set_no_cookie(client, url_name, lang):
    with translation.override(lang):
        url = reverse(url_name)
    response = client.get(url, {"q": "Смолян"} if url_name == "search" else {})
    assert response.status_code == 200
    assert response.cookies == {}


@pytest.mark.parametrize(("path", "lang"), PAGES)
def test_every_footer_links_the_statement_and_the_privacy_notice(client, path, lang):
    privacy = {"bg": "/bg/poveritelnost/", "en": "/en/privacy/"}[lang]
    home = client.get(f"/{lang}/").content.decode()
    assert f'<a href="{path}">' in home
    assert f'<a href="{privacy}">' in home


# Admin


@pytest.fixture
def admin_client(client):
    client.force_login(make_user(superuser=True))
    return client


def test_feedback_appears_in_the_admin_list(client, admin_client):
    post_feedback(Client(), message="Контрастът на бутона е слаб.", page_url="/bg/novini/")
    response = admin_client.get(reverse("admin:smolyan_portal_feedback_changelist"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Контрастът на бутона е слаб." in html
    assert "/bg/novini/" in html


def test_feedback_cannot_be_added_or_edited_in_the_admin(admin_client):
    feedback = Feedback.objects.create(message="Original.", language="bg")
    add = admin_client.get(reverse("admin:smolyan_portal_feedback_add"))
    assert add.status_code == 403
    url = reverse("admin:smolyan_portal_feedback_change", args=[feedback.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="message"' not in page
    assert "Original." in page


def test_mark_handled_action(admin_client):
    first = Feedback.objects.create(message="First.", language="bg")
    second = Feedback.objects.create(message="Second.", language="en")
    response = admin_client.post(
        reverse("admin:smolyan_portal_feedback_changelist"),
        {"action": "mark_handled", "_selected_action": [first.pk]},
        follow=True,
    )
    assert response.status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.handled is True
    assert first.handled_at is not None
    assert second.handled is False
    unhandled = admin_client.get(
        reverse("admin:smolyan_portal_feedback_changelist"), {"handled__exact": "0"}
    ).content.decode()
    assert "Second." in unhandled
    assert "First." not in unhandled


def test_statement_admin_is_a_single_record(admin_client, statement):
    assert (
        admin_client.get(reverse("admin:smolyan_portal_accessibilitystatement_add")).status_code
        == 403
    )
    delete = reverse("admin:smolyan_portal_accessibilitystatement_delete", args=[statement.pk])
    assert admin_client.get(delete).status_code == 403
    change = reverse("admin:smolyan_portal_accessibilitystatement_change", args=[statement.pk])
    html = admin_client.get(change).content.decode()
    assert 'name="non_accessible_content_bg"' in html
    assert 'name="non_accessible_content_en"' in html
    assert 'name="enforcement_procedure_en"' in html


REMINDER = "A year has passed since the accessibility statement was last reviewed"


def test_admin_reminds_editors_when_a_year_has_passed_since_the_review(admin_client, statement):
    statement.reviewed_on = timezone.localdate() - datetime.timedelta(days=366)
    statement.save()
    changelist = admin_client.get(reverse("admin:smolyan_portal_accessibilitystatement_changelist"))
    html = changelist.content.decode()
    assert REMINDER in html
    assert 'alt="True"' in html  # the "review due" column
    change = reverse("admin:smolyan_portal_accessibilitystatement_change", args=[statement.pk])
    assert REMINDER in admin_client.get(change).content.decode()


def test_no_reminder_within_a_year_of_the_review(admin_client, statement):
    statement.reviewed_on = timezone.localdate() - datetime.timedelta(days=300)
    statement.save()
    html = admin_client.get(
        reverse("admin:smolyan_portal_accessibilitystatement_changelist")
    ).content.decode()
    assert REMINDER not in html
    assert 'alt="False"' in html


@pytest.mark.parametrize(
    ("reviewed", "today", "due"),
    [
        (datetime.date(2024, 5, 10), datetime.date(2025, 5, 9), False),
        (datetime.date(2024, 5, 10), datetime.date(2025, 5, 10), True),
        (datetime.date(2024, 2, 29), datetime.date(2025, 2, 27), False),
        (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28), True),
    ],
)
def test_review_is_due_a_year_after_the_last_one(statement, reviewed, today, due):
    statement.reviewed_on = reviewed
    assert statement.is_review_due(today=today) is due


def test_document_admin_reminds_that_pdfs_must_be_accessible(admin_client):
    html = admin_client.get(reverse("admin:documents_document_add")).content.decode()
    assert "Publish PDFs that are accessible: tagged, with real text" in html


# Retention


def test_purge_feedback_deletes_only_handled_messages_past_retention():
    now = timezone.now()
    old = now - datetime.timedelta(days=400)
    recent = now - datetime.timedelta(days=30)
    expired = Feedback.objects.create(
        message="Old, handled.", language="bg", created_at=old, handled=True, handled_at=old
    )
    handled_lately = Feedback.objects.create(
        message="Old, handled lately.",
        language="bg",
        created_at=old,
        handled=True,
        handled_at=recent,
    )
    unhandled = Feedback.objects.create(message="Old, waiting.", language="en", created_at=old)
    legacy = Feedback.objects.create(
        message="Handled, time unknown.", language="bg", created_at=old, handled=True
    )

    out = io.StringIO()
    call_command("purge_feedback", "--dry-run", stdout=out)
    assert out.getvalue().startswith("2 ")
    assert Feedback.objects.count() == 4

    call_command("purge_feedback", stdout=io.StringIO())
    remaining = set(Feedback.objects.values_list("pk", flat=True))
    assert remaining == {handled_lately.pk, unhandled.pk}
    assert expired.pk not in remaining and legacy.pk not in remaining


def test_feedback_is_kept_for_twelve_calendar_months_as_the_privacy_notice_says():
    # Twelve months before 28 February 2025 noon is 28 February 2024 noon; 365 days
    # would be 29 February 2024, and would delete a message the notice still keeps.
    now = datetime.datetime(2025, 2, 28, 12, 0, tzinfo=datetime.UTC)
    kept = datetime.datetime(2024, 2, 28, 18, 0, tzinfo=datetime.UTC)
    gone = datetime.datetime(2024, 2, 28, 11, 0, tzinfo=datetime.UTC)
    for handled_at in (kept, gone):
        Feedback.objects.create(
            message=str(handled_at), language="bg", handled=True, handled_at=handled_at
        )
    expired = Feedback.objects.expired(now=now)
    assert list(expired.values_list("handled_at", flat=True)) == [gone]


# Telling the team


def test_new_feedback_is_sent_to_the_team_by_e_mail(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.FEEDBACK_NOTIFY_EMAILS = ["accessibility@smolyan.bg"]
    with django_capture_on_commit_callbacks(execute=True):
        post_feedback(client, "/en/accessibility/", email="maria@example.org")
    wait_for_mail()
    feedback = Feedback.objects.get()
    [mail] = mailoutbox
    assert mail.to == ["accessibility@smolyan.bg"]
    # The team works in Bulgarian, whatever the page the visitor used.
    assert mail.subject == "Сигнал за достъпността: The map has no text alternative."
    assert "The map has no text alternative." in mail.body
    assert "maria@example.org" in mail.body
    assert f"/admin/smolyan_portal/feedback/{feedback.pk}/change/" in mail.body
    # The "ч." that ends the time ends the sentence too.
    assert mail.body.startswith("Посетител писа чрез формуляра")
    assert "\xa0ч.\n" in mail.body
    assert ".." not in mail.body


def test_feedback_is_kept_when_the_mail_server_is_down(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    settings.FEEDBACK_NOTIFY_EMAILS = ["accessibility@smolyan.bg"]
    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client)
    assert response.status_code == 302
    assert Feedback.objects.count() == 1
    wait_for_mail()


@pytest.fixture
def hung_mail_server():
    """The port of a mail server that accepts connections and never says a word."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    connections = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connections.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in connections:
        connection.close()
    listener.close()


def test_a_hung_mail_server_does_not_hold_up_the_thank_you_page(
    client, settings, hung_mail_server, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", hung_mail_server
    settings.EMAIL_TIMEOUT = 2
    settings.FEEDBACK_NOTIFY_EMAILS = ["accessibility@smolyan.bg"]
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = post_feedback(client)
    page = client.get(response["Location"])
    elapsed = time.monotonic() - started
    assert response.status_code == 302
    assert page.status_code == 200
    assert "Thank you. We have received your message" in page.content.decode()
    # Well under EMAIL_TIMEOUT: nothing waited for the mail server.
    assert elapsed < 1
    feedback = Feedback.objects.get()
    # The mail gives up after EMAIL_TIMEOUT, and says so in the log.
    wait_for_mail(timeout=5)
    assert f"Could not send the notification of feedback #{feedback.pk}" in caplog.text


def test_line_breaks_in_one_line_fields_cannot_fake_lines_of_the_mail(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.FEEDBACK_NOTIFY_EMAILS = ["accessibility@smolyan.bg"]
    with django_capture_on_commit_callbacks(execute=True):
        post_feedback(
            client,
            name="Мария\r\nE-mail: director@smolyan.bg\u2028Page:\x0b /bg/  ",
            page_url="/bg/\nИме: Иван",
            message="First line\r\nSecond line\x1b[2J\rThird line",
        )
    wait_for_mail()
    feedback = Feedback.objects.get()
    assert feedback.name == "Мария E-mail: director@smolyan.bg Page: /bg/"
    assert feedback.page_url == "/bg/ Име: Иван"
    # The message keeps its lines, as newlines, without terminal control codes.
    assert feedback.message == "First line\nSecond line[2J\nThird line"
    [mail] = mailoutbox
    lines = mail.body.splitlines()
    assert "Име: Мария E-mail: director@smolyan.bg Page: /bg/" in lines
    assert not any(line.startswith(("E-mail:", "Page:", "Име: Иван")) for line in lines)


def test_unhandled_feedback_needs_attention_on_the_admin_index(client, admin_client):
    post_feedback(client)
    post_feedback(client, message="Second message.")
    html = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "?handled__exact=0" in html
    assert "Not handled" in html
    Feedback.objects.update(handled=True)
    html = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Not handled" not in html
