"""The logs answer questions: which request, how it went, who changed what; as JSON lines in
production, with no more about visitors than the privacy notice states."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from news.models import Article
from smolyan_portal.logs import truncate_address
from tests.factories import make_article, make_user

BASE_DIR = Path(__file__).resolve().parent.parent
LOGIN = "/admin/login/"


@pytest.fixture
def log_lines():
    """The lines the site's console handler writes during the test, each parsed as JSON."""
    (handler,) = [h for h in logging.getLogger().handlers if h.name == "console"]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    # Each line must be one JSON object: json.loads fails the test on any other line.
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    handler.setStream(previous)


def lines_of(lines, logger):
    return [line for line in lines if line["logger"] == logger]


@pytest.mark.django_db
def test_every_request_is_one_json_line_with_its_id_which_the_answer_carries(client, log_lines):
    article = make_article()
    response = client.get(
        article.get_absolute_url() + "?utm_source=newsletter",
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="Mozilla/5.0 (Secret Browser)",
    )
    assert response.status_code == 200

    (line,) = lines_of(log_lines(), "smolyan_portal.requests")
    assert line["method"] == "GET"
    assert line["path"] == article.get_absolute_url()
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] > 0
    assert line["request_id"] == response["X-Request-ID"]
    assert len(response["X-Request-ID"]) == 32
    assert line["level"] == "INFO"
    assert line["time"].startswith("20")
    # The visitor's network only; no full address, browser or query string.
    assert line["client"] == "203.0.113.0/24"
    raw = json.dumps(log_lines())
    assert "203.0.113.77" not in raw
    assert "Secret Browser" not in raw
    assert "newsletter" not in raw


@pytest.mark.django_db
def test_each_request_gets_its_own_id(client):
    first, second = client.get("/en/"), client.get("/en/")
    assert first["X-Request-ID"] != second["X-Request-ID"]


@pytest.mark.django_db
@pytest.mark.urls("tests.error_urls")
def test_an_error_is_logged_with_the_id_of_its_request(log_lines):
    response = Client(raise_request_exception=False).get("/fail/zero/")
    assert response.status_code == 500
    lines = log_lines()
    (error,) = lines_of(lines, "django.request")
    assert error["level"] == "ERROR"
    assert error["request_id"] == response["X-Request-ID"]
    assert "ZeroDivisionError" in error["exc_info"]
    (request,) = lines_of(lines, "smolyan_portal.requests")
    assert request["status"] == 500
    assert request["request_id"] == response["X-Request-ID"]


@pytest.mark.django_db
def test_a_page_not_found_is_logged_with_the_id_of_its_request(client, log_lines):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    (warning,) = lines_of(log_lines(), "django.request")
    assert warning["request_id"] == response["X-Request-ID"]


@pytest.mark.django_db
def test_the_id_of_our_own_proxy_is_kept_and_a_visitors_is_not(client, settings):
    assert client.get("/en/", HTTP_X_REQUEST_ID="a" * 32)["X-Request-ID"] != "a" * 32
    settings.PROXY_HOPS = 1
    behind_proxy = Client()
    assert behind_proxy.get("/en/", HTTP_X_REQUEST_ID="b" * 32)["X-Request-ID"] == "b" * 32
    # An id that could break a log line is replaced.
    assert behind_proxy.get("/en/", HTTP_X_REQUEST_ID="bad id\n")["X-Request-ID"] != "bad id\n"


@pytest.mark.django_db
def test_probes_answering_ok_do_not_fill_the_log(client, log_lines):
    assert client.get("/livez").status_code == 200
    assert lines_of(log_lines(), "smolyan_portal.requests") == []


@pytest.mark.django_db
def test_sign_in_attempts_are_logged_with_the_network_only(client, log_lines):
    make_user(username="editor", password="right-password-123", staff=True)
    client.post(LOGIN, {"username": "editor", "password": "wrong"}, REMOTE_ADDR="198.51.100.23")
    client.post(
        LOGIN,
        {"username": "editor", "password": "right-password-123"},
        REMOTE_ADDR="2001:db8:1234:5678::1",
    )
    audit = lines_of(log_lines(), "smolyan_portal.audit")
    failed, signed_in = audit
    assert failed["event"] == "sign_in_failed"
    assert failed["username"] == "editor"
    assert failed["client"] == "198.51.100.0/24"
    assert failed["level"] == "WARNING"
    assert signed_in["event"] == "sign_in"
    assert signed_in["username"] == "editor"
    assert signed_in["client"] == "2001:db8:1234::/48"
    raw = json.dumps(audit)
    assert "wrong" not in raw and "right-password" not in raw
    assert "198.51.100.23" not in raw


@pytest.mark.django_db
def test_a_lockout_is_logged_without_the_full_address(client, log_lines, settings):
    make_user(username="editor", staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "editor", "password": "guess"}, REMOTE_ADDR="198.51.100.23")
    lines = log_lines()
    (locked,) = [line for line in lines if line.get("event") == "sign_in_locked_out"]
    assert locked["username"] == "editor"
    assert locked["client"] == "198.51.100.0/24"
    assert locked["level"] == "WARNING"
    assert "198.51.100.23" not in json.dumps(lines)


@pytest.mark.django_db
def test_admin_changes_are_logged_with_who_what_and_which_item(client, log_lines):
    editor = make_user(username="chief", superuser=True)
    client.force_login(editor)
    one, two, three = make_article(), make_article(), make_article()

    delete_one = f"/admin/news/article/{one.pk}/delete/"
    assert client.post(delete_one, {"post": "yes"}).status_code == 302
    # Deleting several at once: Django writes their history in one bulk insert.
    bulk = client.post(
        "/admin/news/article/",
        {"action": "delete_selected", "_selected_action": [two.pk, three.pk], "post": "yes"},
    )
    assert bulk.status_code == 302
    assert not Article.objects.exists()

    changes = [line for line in log_lines() if line.get("event") == "admin_change"]
    assert sorted((line["object_id"], line["action"]) for line in changes) == sorted(
        [(str(one.pk), "deleted"), (str(two.pk), "deleted"), (str(three.pk), "deleted")]
    )
    for line in changes:
        assert line["model"] == "news.article"
        assert line["username"] == "chief"
        assert line["user_id"] == editor.pk
        assert line["request_id"] != "-"


@pytest.mark.django_db
def test_the_confirmation_page_of_a_bulk_delete_logs_no_change(client, log_lines):
    client.force_login(make_user(superuser=True))
    article = make_article()
    page = client.post(
        "/admin/news/article/", {"action": "delete_selected", "_selected_action": [article.pk]}
    )
    assert page.status_code == 200
    assert [line for line in log_lines() if line.get("event") == "admin_change"] == []


def test_addresses_keep_only_their_network():
    assert truncate_address("192.0.2.155") == "192.0.2.0/24"
    assert truncate_address("2001:db8:abcd:12::7") == "2001:db8:abcd::/48"
    assert truncate_address("::ffff:192.0.2.155") == "192.0.2.0/24"
    assert truncate_address("not an address") is None
    assert truncate_address(None) is None


def log_in_a_process(**environment):
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('smolyan_portal.check').warning('hello %s', 'world')"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_LOG")}
    env.update(environment, DJANGO_SETTINGS_MODULE="smolyan_portal.settings")
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )


def test_development_gets_readable_lines_and_production_json():
    readable = log_in_a_process(DJANGO_DEBUG="true")
    assert readable.returncode == 0, readable.stderr
    (line,) = readable.stderr.strip().splitlines()
    assert line.endswith("WARNING smolyan_portal.check [-] hello world")

    production = log_in_a_process(DJANGO_DEBUG="false")
    assert production.returncode == 0, production.stderr
    (line,) = production.stderr.strip().splitlines()
    assert json.loads(line) | {"time": "t"} == {
        "level": "WARNING",
        "logger": "smolyan_portal.check",
        "message": "hello world",
        "request_id": "-",
        "time": "t",
    }
