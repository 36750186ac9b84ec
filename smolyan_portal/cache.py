"""Redis as an accelerator the site can do without.

When Redis refuses connections or stops answering, every read is a miss and every write is
dropped, so pages are rendered without it, saves go through and feedback is kept. After a
failure the site leaves Redis alone for a few seconds, so a hung server costs one short
timeout in that time, not one per cache call; the failure is logged once per minute at most.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

LOG_INTERVAL_SECONDS = 60


class _Outage:
    """Whether one Redis server is taken as down, shared by the threads of a process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down = False
        self.down_until = 0.0
        self.logged_at = None
        self.reported = False

    def skipping(self):
        return time.monotonic() < self.down_until

    def failed(self, location, error, retry_seconds):
        now = time.monotonic()
        with self.lock:
            self.down = True
            self.down_until = now + retry_seconds
            # A server that keeps failing, or comes and goes, must not fill the logs.
            if self.logged_at is not None and now - self.logged_at < LOG_INTERVAL_SECONDS:
                return
            self.logged_at = now
            self.reported = True
        logger.warning(
            "The cache at %s cannot be reached (%s); pages are served without it "
            "and it is tried again every %s s.",
            location,
            error,
            retry_seconds,
        )

    def answered(self, location):
        if not self.down:
            return
        with self.lock:
            self.down = False
            self.down_until = 0.0
            reported, self.reported = self.reported, False
        if reported:
            logger.warning("The cache at %s answers again.", location)


_outages = {}
_outages_lock = threading.Lock()


def _outage_of(location):
    with _outages_lock:
        return _outages.setdefault(location, _Outage())


def forget_outages():
    """Start again as if every server had always answered (for tests)."""
    with _outages_lock:
        _outages.clear()


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, making one redis-py client per connection pool, not per call.

    Each redis-py client builds its table of about 170 reply handlers when it is made;
    made for every cache call, that was a third of the CPU of a page served from Redis.
    The client keeps no state of its own beyond its pool, which is safe between threads.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, with an unreachable server taken as an empty cache.

    RETRY_SECONDS (beside LOCATION) is how long the server is left alone after a failure;
    set short socket timeouts in OPTIONS, or a hung server holds each request.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        # The address without any password, for the logs.
        self._location = ",".join(
            urlsplit(server)._replace(netloc=urlsplit(server).netloc.rpartition("@")[2]).geturl()
            for server in self._servers
        )
        self._retry_seconds = float(params.get("RETRY_SECONDS", 5))
        self._outage = _outage_of(self._location)

    def _guarded(self, fallback, operation, *args):
        if self._outage.skipping():
            return fallback
        try:
            result = operation(*args)
        except RedisError as error:
            self._outage.failed(self._location, error, self._retry_seconds)
            return fallback
        self._outage.answered(self._location)
        return result

    def ping(self):
        """Whether the server answers now, asked even while it is taken as down."""
        try:
            self._cache.get_client(write=True).ping()
        except RedisError as error:
            self._outage.failed(self._location, error, self._retry_seconds)
            return False
        self._outage.answered(self._location)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guarded(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._guarded({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._guarded(missing, super().incr, key, delta, version)
        if result is missing:
            # As for a key that is not there: callers already handle that.
            raise ValueError(f"Key '{key}' not found.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        failed = list(data)
        return self._guarded(failed, super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        self._guarded(None, super().delete_many, keys, version)

    def clear(self):
        return self._guarded(False, super().clear)
