"""Liveness and readiness probes, outside the language-prefixed URLs."""

import logging
import secrets

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from smolyan_portal.logs import mark_logged

logger = logging.getLogger(__name__)

# The readiness probe waits no longer than this for the database, whatever the timeouts
# of the site's own connections: an orchestrator's probe gives up after a few seconds.
DATABASE_PROBE_SECONDS = 2


@never_cache
def livez(request):
    """The process is up; asks nothing of the database."""
    return JsonResponse({"status": "ok"})


@never_cache
def healthz(request):
    """Ready to serve while the database answers; the cache only makes pages faster.

    Each dependency is reported; 503 only without the database, "degraded" without the cache.
    """
    database, cache_ok = _database_answers(), _cache_answers()
    report = {"database": "ok" if database else "error", "cache": "ok" if cache_ok else "error"}
    if not database:
        # Probes come every few seconds: _database_answers() logged the failure, and
        # Django must not log it again as a server error (nor mail the admins each time).
        mark_logged(request)
        return JsonResponse({"status": "unavailable", **report}, status=503)
    return JsonResponse({"status": "ok" if cache_ok else "degraded", **report})


def _database_answers():
    connection = connections[DEFAULT_DB_ALIAS]
    # A database server that accepts connections and never answers would hold the probe
    # as long as the site's timeouts allow; a connection of its own is given less time.
    # SQLite is a file and cannot hang that way.
    probe = connection.copy() if connection.vendor == "postgresql" else connection
    if probe is not connection:
        options = probe.settings_dict.setdefault("OPTIONS", {})
        configured = int(options.get("connect_timeout") or DATABASE_PROBE_SECONDS)
        options["connect_timeout"] = min(configured, DATABASE_PROBE_SECONDS)
        options["options"] = (
            f"{options.get('options', '')} -c statement_timeout={DATABASE_PROBE_SECONDS * 1000}"
        ).strip()
    try:
        with probe.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Readiness probe: the database did not answer: %s", error)
        return False
    finally:
        if probe is not connection:
            probe.close()
    return True


def _cache_answers():
    ping = getattr(cache, "ping", None)
    if ping is not None:
        return ping()
    key = f"healthz:{secrets.token_hex(8)}"
    cache.set(key, True, 10)
    answered = cache.get(key) is True
    cache.delete(key)
    return answered
