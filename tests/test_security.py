"""Sign-in lockout and the visitor's address behind reverse proxies."""

import datetime

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, username, password, address):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_that_username_from_that_address():
    make_user(staff=True, username="editor", password="the right one")
    client = Client()
    for _ in range(4):
        assert attempt(client, "editor", "wrong", "203.0.113.5").status_code == 200
    # The fifth failure locks.
    assert attempt(client, "editor", "wrong", "203.0.113.5").status_code == 429
    assert attempt(client, "editor", "the right one", "203.0.113.5").status_code == 429
    # The editor still signs in from the office.
    response = attempt(Client(), "editor", "the right one", "198.51.100.7")
    assert response.status_code == 302


def test_behind_one_proxy_the_address_comes_from_x_forwarded_for(settings):
    make_user(staff=True, username="editor", password="the right one")
    with override_settings(PROXY_HOPS=1):
        client = Client()
        for _ in range(5):
            client.post(
                LOGIN,
                {"username": "editor", "password": "wrong"},
                REMOTE_ADDR="10.0.0.2",
                HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.5",
            )
        locked = client.post(
            LOGIN,
            {"username": "editor", "password": "the right one"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )
        assert locked.status_code == 429
        # Another visitor through the same proxy is not locked out.
        other = client.post(
            LOGIN,
            {"username": "editor", "password": "the right one"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
        assert other.status_code == 302


def test_guessing_many_usernames_from_one_address_locks_that_address():
    make_user(staff=True, username="editor", password="the right one")
    client = Client()
    # Four failures per username stay under the per-username limit of five.
    for number in range(19):
        response = attempt(client, f"guess{number // 4}", "wrong", "203.0.113.9")
        assert response.status_code == 200
    # The twentieth failure from the address locks it, whatever the username.
    assert attempt(client, "guess-last", "wrong", "203.0.113.9").status_code == 429
    assert attempt(client, "editor", "the right one", "203.0.113.9").status_code == 429
    # The editor still signs in from another address.
    assert attempt(Client(), "editor", "the right one", "198.51.100.7").status_code == 302


def test_the_address_is_free_again_after_the_cool_off_time():
    from axes.models import AccessAttempt

    make_user(staff=True, username="editor", password="the right one")
    client = Client()
    for number in range(20):
        attempt(client, f"guess{number}", "wrong", "203.0.113.9")
    assert attempt(client, "editor", "the right one", "203.0.113.9").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=61))
    assert attempt(client, "editor", "the right one", "203.0.113.9").status_code == 302


@pytest.mark.parametrize(
    ("accept_language", "heading", "advice"),
    [
        ("bg", "Твърде много неуспешни опита за вход", "Опитайте отново след 60 минути."),
        ("en", "Too many failed sign-in attempts", "Try again in 60 minutes."),
        # A browser that asks for neither gets the admin's English.
        ("de", "Too many failed sign-in attempts", "Try again in 60 minutes."),
    ],
)
def test_the_lockout_page_is_in_the_visitors_language(accept_language, heading, advice):
    make_user(staff=True, username="editor", password="the right one")
    client = Client(HTTP_ACCEPT_LANGUAGE=accept_language)
    for _ in range(5):
        response = attempt(client, "editor", "wrong", "203.0.113.5")
    assert response.status_code == 429
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert advice in html
    assert "Account locked" not in html
    assert "no-store" in response["Cache-Control"]
