"""Redis as an accelerator the site can do without.

When Redis refuses connections or stops answering, every read is a miss and every write is
dropped, so pages are rendered without it, saves go through and feedback is kept. After a
failure the site leaves Redis alone for a few seconds, so a hung server costs one short
timeout in that time, not one per cache call; the failure is logged once per minute at most.
"""

import logging
import os
import random
import re
import threading
import time
from urllib.parse import urlsplit

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisSerializer
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

LOG_INTERVAL_SECONDS = 60
# Never stored: a key the health probe can ask about.
PING_KEY = "health-ping"


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


class ResilientRedisCache(BaseCache):
    """A Redis cache, with an unreachable server taken as an empty cache.

    It behaves as Django's Redis cache (the same keys, timeouts and stored values, written
    to the first server of LOCATION and read from the others when there are several), but
    keeps one client per server for the life of the process: Django's makes a new client
    for every call, which was a third of the CPU of a page served from the cache.

    RETRY_SECONDS (beside LOCATION) is how long the server is left alone after a failure;
    set short socket timeouts in OPTIONS, or a hung server holds each request.
    """

    def __init__(self, server, params):
        super().__init__(params)
        # LOCATION as Django reads it: one address, several in one string, or a list.
        servers = re.split("[;,]", server) if isinstance(server, str) else list(server)
        options = params.get("OPTIONS", {})
        # redis-py's clients are safe to share between threads: each call takes a
        # connection of the client's pool.
        self.clients = [redis.Redis.from_url(address, **options) for address in servers]
        self.serializer = RedisSerializer()
        # The addresses without any password, for the logs.
        self._location = ",".join(
            urlsplit(address)._replace(netloc=urlsplit(address).netloc.rpartition("@")[2]).geturl()
            for address in servers
        )
        self._retry_seconds = float(params.get("RETRY_SECONDS", 5))
        self._outage = _outage_of(self._location)
        # Per client, the connections kept for MGET that no read is using (see _mget);
        # list.pop() and append() need no lock.
        self._idle, self._idle_pid = {}, None

    def make_and_validate_key(self, key, version=None):
        # Redis takes any key: the checks of the base class are memcached's limits, and
        # cost a pass over every character of every key of every hit.
        return self.make_key(key, version=version)

    def writer(self):
        return self.clients[0]

    def reader(self):
        return self.clients[0] if len(self.clients) == 1 else random.choice(self.clients[1:])

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        if timeout == DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        # None keeps the key for good; zero or less deletes it.
        return None if timeout is None else max(0, int(timeout))

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
            # Touching a key that is not there changes nothing.
            self.writer().expire(self.make_and_validate_key(PING_KEY), 1)
        except RedisError as error:
            self._outage.failed(self._location, error, self._retry_seconds)
            return False
        self._outage.answered(self._location)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self._guarded(False, self._add, key, value, self.get_backend_timeout(timeout))

    def _add(self, key, value, timeout):
        client, value = self.writer(), self.serializer.dumps(value)
        if timeout == 0:
            added = bool(client.set(key, value, nx=True))
            if added:
                client.delete(key)
            return added
        return bool(client.set(key, value, ex=timeout, nx=True))

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        value = self._guarded(None, self.reader().get, key)
        return default if value is None else self.serializer.loads(value)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self._guarded(None, self._set, key, value, self.get_backend_timeout(timeout))

    def _set(self, key, value, timeout):
        if timeout == 0:
            self.writer().delete(key)
        else:
            self.writer().set(key, self.serializer.dumps(value), ex=timeout)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            return bool(self._guarded(False, self.writer().persist, key))
        return bool(self._guarded(False, self.writer().expire, key, timeout))

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return bool(self._guarded(False, self.writer().delete, key))

    def get_many(self, keys, version=None):
        names = {self.make_and_validate_key(key, version=version): key for key in keys}
        if not names:
            return {}
        values = self._guarded(None, self._mget, self.reader(), list(names))
        if values is None:
            return {}
        return {
            names[name]: self.serializer.loads(value)
            for name, value in zip(names, values, strict=True)
            if value is not None
        }

    def _mget(self, client, names):
        """MGET around redis-py's command layer and its pool: every page served from the
        cache is one, and that layer (its retries and reply callbacks) and the pool's check
        of a connection as it hands it out (a poll of the socket) cost more of the worker's
        CPU than the round trip. The connections these reads go through are taken from the
        pool once and kept, in `self._idle` while no read uses them.

        A connection Redis closed (a restart, an idle timeout) fails as the command is
        sent or read: the read is asked once more, on a connection made again, which
        changes nothing on the server. A timeout is not tried again, or a hung server would
        hold each request twice as long."""
        try:
            return self._ask(client, names)
        except redis.ConnectionError:
            return self._ask(client, names)

    def _ask(self, client, names):
        idle = self._idle_connections(client)
        try:
            connection = idle.pop()
        except IndexError:
            # As many connections as reads have ever run at once in this process.
            connection = client.connection_pool.get_connection()
        try:
            connection.send_command("MGET", *names)
            values = connection.read_response()
        except BaseException:
            # Whatever was half sent or half read must not meet the next read: the
            # connection is closed, and made again by the read that takes it next.
            connection.disconnect()
            idle.append(connection)
            raise
        idle.append(connection)
        return values

    def _idle_connections(self, client):
        if self._idle_pid != os.getpid():
            # A process forked from one that read: those connections are the parent's.
            self._idle = {each: [] for each in self.clients}
            self._idle_pid = os.getpid()
        return self._idle[client]

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return bool(self._guarded(False, self.reader().exists, key))

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        missing = object()
        result = self._guarded(missing, self._incr, key, delta)
        if result is missing:
            # As for a key that is not there: callers already handle that.
            raise ValueError(f"Key '{key}' not found.")
        return result

    def _incr(self, key, delta):
        if not self.writer().exists(key):
            raise ValueError(f"Key '{key}' not found.")
        return self.writer().incr(key, delta)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        values = {
            self.make_and_validate_key(key, version=version): self.serializer.dumps(value)
            for key, value in data.items()
        }
        timeout = self.get_backend_timeout(timeout)
        if self._guarded(None, self._set_many, values, timeout) is None:
            return list(data)
        return []

    def _set_many(self, values, timeout):
        pipeline = self.writer().pipeline()
        pipeline.mset(values)
        if timeout is not None:
            # MSET takes no expiry: each key gets its own.
            for name in values:
                pipeline.expire(name, timeout)
        return pipeline.execute()

    def delete_many(self, keys, version=None):
        names = [self.make_and_validate_key(key, version=version) for key in keys]
        if names:
            self._guarded(None, self.writer().delete, *names)

    def clear(self):
        return bool(self._guarded(False, self.writer().flushdb))
