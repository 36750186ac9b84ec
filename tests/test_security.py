"""Sign-in lockout and the visitor's address behind reverse proxies."""

import pytest
from django.test import Client, override_settings

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
