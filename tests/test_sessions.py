"""Sign-ins end after 30 minutes without activity and after 12 hours in all."""

import time

import pytest

from smolyan_portal.sessions import SEEN_AT, SIGNED_IN_AT
from tests.factories import make_user
from tests.test_settings import setting_values

pytestmark = pytest.mark.django_db

MINUTE = 60
HOUR = 60 * MINUTE


@pytest.fixture
def editor_client(client):
    client.force_login(make_user(staff=True, superuser=True, username="editor"))
    assert client.get("/admin/").status_code == 200
    return client


def move_back(client, **seconds):
    """Move the session's clock back, as if that much time had passed."""
    session = client.session
    for key, amount in seconds.items():
        session[key] = session.get(key, int(time.time())) - amount
    session.save()


def test_the_admin_notes_the_sign_in_and_ends_the_session_cookie_with_idle_time(client):
    client.force_login(make_user(staff=True, superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == 30 * MINUTE
    assert {SIGNED_IN_AT, SEEN_AT} <= set(client.session.keys())


def test_a_session_survives_29_minutes_without_activity(editor_client):
    move_back(editor_client, **{SEEN_AT: 29 * MINUTE, SIGNED_IN_AT: 29 * MINUTE})
    assert editor_client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    ("accept_language", "message"),
    [
        ("en", "You were signed out after 30 minutes without activity. Please sign in again."),
        ("bg", "Излязохте от системата след 30 минути без действие. Моля, влезте отново."),
    ],
)
def test_a_session_ends_after_30_minutes_without_activity(editor_client, accept_language, message):
    move_back(editor_client, **{SEEN_AT: 31 * MINUTE, SIGNED_IN_AT: 31 * MINUTE})
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"
    login = editor_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE=accept_language)
    assert message in login.content.decode()
    # Signed out for good: the next request is not signed in either.
    assert editor_client.get("/admin/").status_code == 302


def test_an_active_session_ends_12_hours_after_signing_in(editor_client):
    # Active a minute ago, but signed in twelve hours and a minute ago.
    move_back(editor_client, **{SEEN_AT: MINUTE, SIGNED_IN_AT: 12 * HOUR + MINUTE})
    response = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    login = editor_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert "You were signed out 12 hours after signing in." in login.content.decode()


def test_activity_keeps_a_session_going(editor_client):
    for _ in range(3):
        move_back(editor_client, **{SEEN_AT: 20 * MINUTE, SIGNED_IN_AT: 20 * MINUTE})
        assert editor_client.get("/admin/").status_code == 200


def test_public_pages_for_visitors_do_not_vary_by_cookie(client):
    response = client.get("/en/privacy/")
    assert "Cookie" not in response.get("Vary", "")


def test_both_limits_are_set_by_the_environment():
    names = ["SESSION_IDLE_SECONDS", "SESSION_MAX_SECONDS", "SESSION_COOKIE_AGE"]
    assert setting_values(names) == {
        "SESSION_IDLE_SECONDS": 30 * MINUTE,
        "SESSION_MAX_SECONDS": 12 * HOUR,
        "SESSION_COOKIE_AGE": 12 * HOUR,
    }
    assert setting_values(
        names, DJANGO_SESSION_IDLE_MINUTES="15", DJANGO_SESSION_MAX_HOURS="8"
    ) == {
        "SESSION_IDLE_SECONDS": 15 * MINUTE,
        "SESSION_MAX_SECONDS": 8 * HOUR,
        "SESSION_COOKIE_AGE": 8 * HOUR,
    }
