"""Sign-ins end after a spell without activity, and after a working day in all.

Only staff sign in, to the admin. An admin left signed in on a shared or lost computer is
the risk: Django's sessions would otherwise last two weeks.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.utils.translation import ngettext

SIGNED_IN_AT = "signed_in_at"
SEEN_AT = "seen_at"
# Noting each request would write the session on every click; once a minute is enough.
TOUCH_EVERY_SECONDS = 60


class SessionLimitsMiddleware:
    """End a sign-in after SESSION_IDLE_SECONDS without a request, or SESSION_MAX_SECONDS.

    Goes after the authentication and message middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Visitors without a session cookie are not looked at: reading their (empty) session
        # would mark every public page "Vary: Cookie".
        if settings.SESSION_COOKIE_NAME in request.COOKIES and SESSION_KEY in request.session:
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        session = request.session
        now = int(time.time())
        # A sign-in from before these limits starts its count now.
        signed_in_at = session.get(SIGNED_IN_AT, now)
        seen_at = session.get(SEEN_AT)
        if seen_at is not None and now - seen_at > settings.SESSION_IDLE_SECONDS:
            reason = _idle_message(settings.SESSION_IDLE_SECONDS // 60)
        elif now - signed_in_at > settings.SESSION_MAX_SECONDS:
            reason = _day_message(settings.SESSION_MAX_SECONDS // 3600)
        else:
            if seen_at is None or now - seen_at >= TOUCH_EVERY_SECONDS:
                session[SIGNED_IN_AT] = signed_in_at
                session[SEEN_AT] = now
                # The cookie and the stored session end with the idle time too.
                session.set_expiry(settings.SESSION_IDLE_SECONDS)
            return
        logout(request)
        messages.info(request, reason)


def _idle_message(minutes):
    return ngettext(
        "You were signed out after %(count)s minute without activity. Please sign in again.",
        "You were signed out after %(count)s minutes without activity. Please sign in again.",
        minutes,
    ) % {"count": minutes}


def _day_message(hours):
    return ngettext(
        "You were signed out %(count)s hour after signing in. Please sign in again.",
        "You were signed out %(count)s hours after signing in. Please sign in again.",
        hours,
    ) % {"count": hours}
