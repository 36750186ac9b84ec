"""What a visitor gets while the database cannot be reached: a short page, not an error.

The page needs nothing but templates and static files, says in the visitor's language that
the portal is back soon, and asks browsers and crawlers to come back (503, Retry-After).
"""

import logging
import sys
import threading
import time

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

from smolyan_portal.logs import mark_logged

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
LOG_INTERVAL_SECONDS = 60

_last_logged = {"at": None}
_log_lock = threading.Lock()


def database_unavailable(error):
    """Whether `error` means the database is down, hung, overloaded or timed out."""
    return isinstance(error, OperationalError)


def unavailable_response(request):
    """The 503 page, in the language of the address (the site's own outside it)."""
    language = (
        translation.get_language_from_path(request.path_info)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        html = render_to_string(
            "503.html",
            {"home_url": reverse("home"), "contact_email": settings.PORTAL_CONTACT_EMAIL},
        )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    # Django would log (and mail the admins) each of these answers; _log() tells the
    # outage once a minute instead.
    mark_logged(request)
    return response


def _log(error):
    # Each request fails the same way during an outage: one line a minute tells enough.
    now = time.monotonic()
    with _log_lock:
        last = _last_logged["at"]
        if last is not None and now - last < LOG_INTERVAL_SECONDS:
            return
        _last_logged["at"] = now
    logger.error("The database cannot be reached; visitors get the 503 page", exc_info=error)


class DatabaseOutageMiddleware:
    """Answer a request that the database failed with the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_unavailable(exception):
            return None
        _log(exception)
        return unavailable_response(request)


def server_error(request):
    """The 500 page; the 503 page when a middleware, not a view, met the database down."""
    error = sys.exc_info()[1]
    if database_unavailable(error):
        _log(error)
        return unavailable_response(request)
    return defaults.server_error(request, template_name="500.html")
