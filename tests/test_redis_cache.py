"""The portal's Redis cache answers every call as Django's own Redis cache does."""

import os

import pytest
import redis
from django.core.cache.backends.redis import RedisCache

from smolyan_portal.cache import ResilientRedisCache


@pytest.fixture
def both():
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI runs the cache against a real Redis: set REDIS_TEST_URL")
        pytest.skip("needs a real Redis: set REDIS_TEST_URL, e.g. redis://127.0.0.1:6379/3")
    ours = ResilientRedisCache(url, {"KEY_PREFIX": "ours", "TIMEOUT": 60})
    djangos = RedisCache(url, {"KEY_PREFIX": "django", "TIMEOUT": 60})
    yield ours, djangos
    ours.clear()


def calls(cache):
    """What each call of the cache interface answers, in one sequence."""
    answers = [
        cache.get("missing", "default"),
        cache.add("a", {"text": "Смолян"}),
        cache.add("a", "second"),
        cache.get("a"),
        cache.set("n", 5),
        cache.incr("n", 3),
        cache.get("n"),
        cache.set_many({"x": [1, 2], "y": None, "z": 2.5}),
        cache.get_many(["x", "y", "z", "missing"]),
        cache.has_key("x"),
        cache.touch("x", None),
        cache.touch("missing"),
        cache.delete("x"),
        cache.delete("x"),
        cache.has_key("x"),
        cache.set("gone", "at once", 0),
        cache.get("gone"),
        cache.add("never", "kept", 0),
        cache.get("never"),
        cache.delete_many(["y", "z"]),
        cache.get_many(["y", "z"]),
        cache.set("versioned", "one", version=2),
        cache.get("versioned"),
        cache.get("versioned", version=2),
    ]
    with pytest.raises(ValueError):
        cache.incr("missing")
    return answers


def test_every_call_answers_as_djangos_redis_cache(both):
    ours, djangos = both
    assert calls(ours) == calls(djangos)


def test_timeouts_are_set_as_djangos_are(both):
    ours, djangos = both
    server = redis.Redis.from_url(os.environ["REDIS_TEST_URL"])
    for cache in both:
        cache.set("kept", 1, None)
        cache.set("short", 1, 30)
    for name in ("kept", "short"):
        assert server.ttl(ours.make_key(name)) == server.ttl(djangos.make_key(name))
    assert server.ttl(ours.make_key("kept")) == -1  # kept for good
    djangos.delete_many(["kept", "short"])


def test_one_client_serves_every_call(both):
    ours, _djangos = both
    client = ours.reader()
    ours.set("page", "html")
    ours.get("page")
    assert ours.reader() is client and ours.writer() is client


def test_a_connection_redis_closed_is_made_again_without_an_outage(both, caplog):
    """As after a restart of Redis: the pages read next come from a new connection."""
    ours, _djangos = both
    ours.set_many({"version": "v1", "page": "html"})
    assert ours.get_many(["version", "page"]) == {"version": "v1", "page": "html"}
    # The connection the reads share, closed by the server.
    server = redis.Redis.from_url(os.environ["REDIS_TEST_URL"])
    assert server.client_kill_filter(_id=ours.reader().client_id()) == 1
    assert ours.get_many(["version", "page"]) == {"version": "v1", "page": "html"}
    assert "cannot be reached" not in caplog.text
