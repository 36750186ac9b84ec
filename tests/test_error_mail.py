"""Admins are mailed about errors, not about every bad Host header, nor twice in ten minutes."""

import logging
import time

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.error_urls")]


@pytest.fixture
def admins(settings):
    settings.ADMINS = [("Operations", "ops@smolyan.bg")]


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_a_bad_host_header_is_answered_400_without_a_mail(admins, visitor, mailoutbox):
    for host in ("evil.example", "10.9.8.7", "smolyan.bg.evil.example"):
        assert visitor.get("/en/", HTTP_HOST=host).status_code == 400
    assert mailoutbox == []


def test_an_error_is_mailed_once_however_often_it_happens(admins, visitor, mailoutbox):
    for _ in range(5):
        assert visitor.get("/fail/zero/").status_code == 500
    [mail] = mailoutbox
    assert mail.to == ["ops@smolyan.bg"]
    assert "ZeroDivisionError" in mail.body
    # Another error is news, and is mailed.
    assert visitor.get("/fail/key/").status_code == 500
    assert visitor.get("/fail/key/").status_code == 500
    assert len(mailoutbox) == 2
    assert "KeyError" in mailoutbox[1].body


def test_the_same_error_is_mailed_again_after_the_interval(admins, visitor, mailoutbox, settings):
    settings.ERROR_MAIL_INTERVAL_SECONDS = 1
    visitor.get("/fail/zero/")
    visitor.get("/fail/zero/")
    assert len(mailoutbox) == 1
    time.sleep(1.1)
    visitor.get("/fail/zero/")
    assert len(mailoutbox) == 2


def test_errors_are_still_mailed_and_limited_when_the_cache_is_down(admins, mailoutbox, settings):
    # A real connection attempt to a port where no Redis listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    logger = logging.getLogger("django.request")
    for _ in range(3):
        try:
            raise RuntimeError("the database went away")
        except RuntimeError:
            logger.exception("Internal Server Error: /en/")
    [mail] = mailoutbox
    assert "the database went away" in mail.body
