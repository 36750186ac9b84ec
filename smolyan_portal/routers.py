"""An optional read replica: the public pages read from it, everything else from the primary.

DATABASE_REPLICA_URL names a copy of the primary that follows it (streaming replication,
a managed service's read replica). A replica lags the primary a little, so it answers only
what cannot notice the lag:

- reads of a public request (GET, HEAD, OPTIONS) outside the admin;
- not after the request has written (its reads from then on see what it wrote);
- not for a signed-in editor within REPLICA_PIN_SECONDS after one of their writes, so the
  page they open after a save in the admin shows the save;
- never sign-in and session data (auth, sessions, axes, the admin's history), which the
  next request reads right after this one wrote it.

Outside a request (management commands, migrations) everything goes to the primary.
"""

import contextvars
import time
from dataclasses import dataclass

import dj_database_url
from django.conf import settings

PRIMARY = "default"
REPLICA = "replica"
# The session key holding the time until which a signed-in editor reads from the primary.
PIN_KEY = "_primary_reads_until"
PRIMARY_APPS = {"auth", "sessions", "axes", "admin"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def replica_databases(url, primary):
    """The DATABASES entry of the replica at `url` (none without one).

    It gets the primary's connection options (timeouts). In tests it is a mirror of the
    primary: the same test database, through a connection of its own.
    """
    if not url:
        return {}
    replica = dj_database_url.parse(
        url,
        conn_max_age=primary.get("CONN_MAX_AGE", 0),
        conn_health_checks=primary.get("CONN_HEALTH_CHECKS", False),
    )
    if replica["ENGINE"] == primary.get("ENGINE"):
        replica["OPTIONS"] = {**primary.get("OPTIONS", {}), **replica.get("OPTIONS", {})}
    replica["TEST"] = {"MIRROR": PRIMARY}
    return {REPLICA: replica}


@dataclass
class _Reads:
    replica_allowed: bool
    wrote: bool = False


# How the request being answered may read; None outside a request.
_reads = contextvars.ContextVar("database_reads", default=None)


class ReplicaRouter:
    """Send reads to the replica when the request allows it; writes always to the primary."""

    def db_for_read(self, model, **hints):
        reads = _reads.get()
        if reads is None:
            return None
        if (
            reads.replica_allowed
            and not reads.wrote
            and settings.READ_REPLICA_ALIAS
            and model._meta.app_label not in PRIMARY_APPS
        ):
            return settings.READ_REPLICA_ALIAS
        # Explicitly, or an object read from the replica earlier would draw its relations
        # from there.
        return PRIMARY

    def db_for_write(self, model, **hints):
        reads = _reads.get()
        if reads is not None:
            reads.wrote = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both hold the same rows: an object read from either may point at the other's.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, **hints):
        # The replica follows the primary's schema by replication.
        return db == PRIMARY


class ReplicaMiddleware:
    """Decide, per request, whether its reads may go to the replica; pin an editor after a write.

    Goes after SessionMiddleware, whose session it reads and which saves the pin.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reads = _Reads(replica_allowed=self._may_read_replica(request))
        token = _reads.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _reads.reset(token)
        session = getattr(request, "session", None)
        if reads.wrote and session is not None and session.session_key:
            session[PIN_KEY] = time.time() + settings.REPLICA_PIN_SECONDS
        return response

    def _may_read_replica(self, request):
        from django.urls import reverse

        if not settings.READ_REPLICA_ALIAS or request.method not in SAFE_METHODS:
            return False
        if request.path_info.startswith(reverse("admin:index")):
            return False
        session = getattr(request, "session", None)
        # Only a request with a session cookie (an editor) loads the session for this.
        if session is not None and session.session_key:
            return session.get(PIN_KEY, 0) <= time.time()
        return True
