"""Limits on signing in to the admin, on top of django-axes."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# django-axes ships no Bulgarian catalogue. The words its admin shows are listed here so
# that makemessages keeps them in ours, which Django consults before the package's own.
AXES_MESSAGES = (
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Access Attempt"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("Locked Out"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
)

# Axes keeps the username tried in a column of this size; a longer one is an error of the
# database on PostgreSQL, and the sign-in form does not check the length.
USERNAME_LENGTH = AccessAttempt._meta.get_field("username").max_length


def attempted_username(request, credentials):
    """The username a sign-in tried, cut to what the record of attempts can hold."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field)
    return None if username is None else str(username)[:USERNAME_LENGTH]


class AddressLimitHandler(AxesDatabaseHandler):
    """Axes' lockout of a username from an address, plus a lockout of the address itself.

    Axes counts failures per username and address (AXES_LOCKOUT_PARAMETERS), so someone
    guessing many usernames from one address is never stopped. Here the failures of all
    usernames from the address are added up within the cool-off time as well; at
    LOGIN_FAILURE_LIMIT_PER_ADDRESS the address is locked out as a whole.
    """

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if self.address_failures(request) >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            # Axes locks out when the failures reach its limit; report at least that.
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def address_failures(self, request):
        attempts = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        )
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page, in the admin's look and the visitor's language."""
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed sign-in attempts"),
        "cooloff_minutes": int(get_cool_off(request).total_seconds() // 60),
    }
    response = render(
        request, "admin/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    add_never_cache_headers(response)
    return response
