"""What visitors, editors and probes get when a service the portal uses fails.

Each case breaks one service for real: a Redis port that refuses connections, a Redis that
accepts connections and never answers, the same two for PostgreSQL. `pytest -s` prints the
status and time of every request, for the operations notes.
"""

import contextlib
import copy
import datetime
import logging
import os
import socket
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from news.models import Article
from smolyan_portal.cache import forget_outages
from smolyan_portal.models import Feedback
from smolyan_portal.page_cache import STATE_KEY, content_version
from tests.admin_support import admin_url, form_data
from tests.factories import make_article, make_image_file, make_user
from tests.test_settings import run_python

REFUSED_PORT = 1


@contextlib.contextmanager
def silent_server():
    """A server on 127.0.0.1 that accepts connections and never answers.

    Yields its port and the list of connections it has accepted.
    """
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()
    accepted = []

    def accept():
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], accepted
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        listener.close()


@contextlib.contextmanager
def service_port(fault):
    """A port where nothing listens, or nothing answers; and the connections made to it."""
    if fault == "refused":
        yield REFUSED_PORT, []
    else:
        with silent_server() as (port, accepted):
            yield port, accepted


def redis_cache(url):
    """The shared cache as settings.py configures it for REDIS_URL."""
    return {
        "default": {
            "BACKEND": "smolyan_portal.cache.ResilientRedisCache",
            "LOCATION": url,
            # Longer than a test: each failed try is seen, none is hidden by a new one.
            "RETRY_SECONDS": 60,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }


def timed(fault, call, path, *args, **kwargs):
    start = time.monotonic()
    response = call(path, *args, **kwargs)
    seconds = time.monotonic() - start
    print(f"{fault:<16} {call.__name__:<4} {path:<40} {response.status_code} {seconds:.3f} s")
    return response, seconds


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def article_url(article, language="en"):
    with translation.override(language):
        return article.get_absolute_url()


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    forget_outages()
    yield
    forget_outages()


@pytest.fixture(params=["refused", "hung"])
def redis_fault(request, settings, page_cache_on):
    with service_port(request.param) as (port, accepted):
        settings.CACHES = redis_cache(f"redis://127.0.0.1:{port}/0")
        yield f"redis {request.param}", accepted


@pytest.mark.django_db
def test_without_redis_pages_saves_and_feedback_work(redis_fault, caplog):
    redis_fault, tries = redis_fault
    caplog.set_level(logging.WARNING, logger="smolyan_portal.cache")
    article = make_article(
        title_en="Partners meet in Smolyan",
        cover_image=make_image_file(size=(300, 200)),
        cover_image_decorative=True,
    )
    visitor = Client()
    for path, language in [("/bg/", "bg"), ("/en/news/", "en"), (article_url(article), "en")]:
        response, seconds = timed(redis_fault, visitor.get, path)
        assert response.status_code == 200
        assert response["Content-Language"] == language
        # Without short timeouts, a hung Redis held each request for good.
        assert seconds < 2.5
    # The page with the image shows it in its renditions, made without the cache.
    assert ".webp 300w" in response.content.decode()

    editor = Client()
    editor.force_login(make_user(superuser=True))
    change = admin_url(article, "change")
    data = form_data(editor.get(change)) | {"title_en": "Partners met in Smolyan"}
    response, seconds = timed(redis_fault, editor.post, change, data)
    assert response.status_code == 302
    assert Article.objects.get().title_en == "Partners met in Smolyan"
    assert "Partners met in Smolyan" in visitor.get("/en/news/").content.decode()

    response, seconds = timed(
        redis_fault, visitor.post, "/en/accessibility/", {"message": "The map has no text."}
    )
    assert response.status_code == 302
    assert Feedback.objects.get().message == "The map has no text."

    response, seconds = timed(redis_fault, visitor.get, "/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}
    assert seconds < 2.5
    # One line in the logs for the whole outage, not one per request.
    assert len([r for r in caplog.records if "cannot be reached" in r.getMessage()]) == 1
    # A hung Redis was waited for once, then left alone; the probe asked it once more.
    if redis_fault == "redis hung":
        assert len(tries) == 2


@pytest.mark.django_db
def test_an_edit_saved_while_redis_was_down_shows_when_it_is_back(settings, page_cache_on):
    url = real_redis_url()
    settings.CACHES = redis_cache(url)
    cache.clear()
    article = make_article(title_en="Old title")
    assert "Old title" in Client().get("/en/news/").content.decode()
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{REFUSED_PORT}/0")
    article.title_en = "New title"
    article.save()
    settings.CACHES = redis_cache(url)
    html = Client().get("/en/news/").content.decode()
    assert "New title" in html and "Old title" not in html
    cache.clear()


@pytest.mark.django_db
def test_while_redis_stays_down_an_unrecorded_edit_costs_pages_no_query(
    settings, page_cache_on, django_assert_num_queries
):
    """Each request tries again to record the edit, but reads the schedule only once the
    cache takes writes: an outage must not add the schedule's queries to every page."""
    make_article(title_en="Smolyan hosts its partners")
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{REFUSED_PORT}/0")
    forget_outages()
    visitor = Client()
    with CaptureQueriesContext(connections["default"]) as page_alone:
        visitor.get("/en/news/")
    Article.objects.update(title_en="Smolyan hosts its partners again")
    Article.objects.get().save()
    with django_assert_num_queries(len(page_alone)):
        html = visitor.get("/en/news/").text
    assert "again" in html


def real_redis_url():
    url = os.environ.get("REDIS_TEST_URL") or os.environ.get("REDIS_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI runs this test against a real Redis: set REDIS_TEST_URL")
        pytest.skip("needs a real Redis: set REDIS_TEST_URL, e.g. redis://127.0.0.1:6379/3")
    return url


@pytest.mark.django_db
def test_the_probe_finds_a_redis_that_answers(client, settings, page_cache_on):
    settings.CACHES = redis_cache(real_redis_url())
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_the_log_names_each_cache_server_without_its_password(settings, page_cache_on, caplog):
    caplog.set_level(logging.WARNING, logger="smolyan_portal.cache")
    settings.CACHES = redis_cache(
        f"redis://:s3cret@127.0.0.1:{REFUSED_PORT}/0;redis://reader:w0rd2@127.0.0.1:{REFUSED_PORT}/1"
    )
    assert cache.get("anything") is None
    [record] = [r for r in caplog.records if "cannot be reached" in r.getMessage()]
    assert f"redis://127.0.0.1:{REFUSED_PORT}/0,redis://127.0.0.1:{REFUSED_PORT}/1" in (
        record.getMessage()
    )
    assert "s3cret" not in caplog.text and "w0rd2" not in caplog.text


@contextlib.contextmanager
def database_at(port):
    """The site's database connection pointed at another port of this machine."""
    connection = connections["default"]
    saved = copy.deepcopy(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(port))
    connection.settings_dict["OPTIONS"] = {**saved["OPTIONS"], "connect_timeout": 1}
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


@pytest.fixture(params=["refused", "hung"])
def database_fault(request):
    if connections["default"].vendor != "postgresql":
        pytest.skip("a database server that refuses or hangs: run with a PostgreSQL DATABASE_URL")
    with service_port(request.param) as (port, _accepted):
        yield f"database {request.param}", port


@pytest.mark.django_db(transaction=True)
def test_while_the_database_is_down_visitors_get_a_503_page_in_their_language(
    database_fault, page_cache_on
):
    fault, port = database_fault
    article = make_article(title_en="Kept article")
    Feedback.objects.create(message="Kept message", language="en")
    visitor = Client()
    assert visitor.get("/en/").status_code == 200
    with database_at(port):
        pages = [
            (url_in("en", "news:article-list"), "en", "temporarily unavailable"),
            (url_in("bg", "news:article-list"), "bg", "временно недостъпен"),
            (article_url(article, "bg"), "bg", "временно недостъпен"),
        ]
        for path, language, text in pages:
            response, seconds = timed(fault, visitor.get, path)
            assert response.status_code == 503
            assert response["Retry-After"] == "30"
            assert "no-store" in response["Cache-Control"]
            assert response["Content-Language"] == language
            html = response.content.decode()
            assert f'<html lang="{language}">' in html and text in html
            assert seconds < 2
        # A page seen before the outage is still served from the cache.
        response, seconds = timed(fault, visitor.get, "/en/")
        assert response.status_code == 200
        # A message that could not be stored is not thanked for.
        response, seconds = timed(
            fault, visitor.post, "/en/accessibility/", {"message": "Sent in the outage."}
        )
        assert response.status_code == 503
        # A scheduled item whose time has come: the page cache asks the database when the
        # next one is due, and the middleware's failure gets the same 503 page.
        due = timezone.now() - datetime.timedelta(seconds=1)
        cache.set(STATE_KEY, (content_version(), due), None)
        response, seconds = timed(fault, Client(raise_request_exception=False).get, "/bg/")
        assert response.status_code == 503
        assert "временно недостъпен" in response.content.decode()
        response, seconds = timed(fault, visitor.get, "/healthz")
        assert response.status_code == 503
        assert response.json() == {"status": "unavailable", "database": "error", "cache": "ok"}
        assert seconds < 3
    assert visitor.get("/healthz").json()["status"] == "ok"
    assert Article.objects.get().title_en == "Kept article"
    assert list(Feedback.objects.values_list("message", flat=True)) == ["Kept message"]


def test_an_outage_is_logged_once_however_many_visitors_it_turns_away():
    # A real connection attempt to a port where no database listens, in a process of its
    # own so that its whole log can be read. Debug on only for the unbuilt static files.
    code = (
        "import django; django.setup(); from django.test import Client; c = Client(); "
        "print(*[c.get(url).status_code for url in ['/en/news/', '/bg/novini/', '/en/']])"
    )
    result = run_python(
        code,
        DJANGO_DEBUG="true",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{REFUSED_PORT}/unreachable",
        DATABASE_REPLICA_URL="",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["503", "503", "503"]
    assert result.stderr.count("The database cannot be reached") == 1
    assert "Service Unavailable" not in result.stderr
