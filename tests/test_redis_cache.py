"""The portal's Redis cache answers every call as Django's own Redis cache does."""

import os
import threading

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


def named(name):
    """A cache whose connections carry `name` in Redis's list of clients."""
    url = os.environ["REDIS_TEST_URL"]
    return ResilientRedisCache(url, {"KEY_PREFIX": "ours", "OPTIONS": {"client_name": name}})


def connections_named(name):
    server = redis.Redis.from_url(os.environ["REDIS_TEST_URL"])
    return [client for client in server.client_list() if client["name"] == name]


def test_a_connection_redis_closed_is_made_again_without_an_outage(both, caplog):
    """As after a restart of Redis: the pages read next come from a new connection."""
    ours = named("closed-under-test")
    ours.set_many({"version": "v1", "page": "html"})
    assert ours.get_many(["version", "page"]) == {"version": "v1", "page": "html"}
    # Every connection of this cache, the one the reads share among them, closed by the
    # server.
    server = redis.Redis.from_url(os.environ["REDIS_TEST_URL"])
    for client in connections_named("closed-under-test"):
        server.client_kill_filter(_id=client["id"])
    assert ours.get_many(["version", "page"]) == {"version": "v1", "page": "html"}
    assert "cannot be reached" not in caplog.text


def test_reads_of_threads_one_after_another_share_one_connection(both):
    """A server that starts a thread per request (runserver) opens no connection per
    request: the connection a finished thread read through serves the next one."""
    ours = named("threads-under-test")
    ours.set("page", "html")
    for _ in range(20):
        reader = threading.Thread(target=ours.get_many, args=[["page"]])
        reader.start()
        reader.join()
    # The write's and the reads' (the pool may hand the write's on to the reads), not 21.
    assert len(connections_named("threads-under-test")) <= 2


def test_reads_at_once_each_get_their_own_answer(both):
    ours, _djangos = both
    ours.set_many({f"page-{number}": f"html {number}" for number in range(8)})
    answers = {}

    def read(number):
        answers[number] = [ours.get_many([f"page-{number}"]) for _ in range(200)]

    readers = [threading.Thread(target=read, args=[number]) for number in range(8)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    for number in range(8):
        assert answers[number] == [{f"page-{number}": f"html {number}"}] * 200
