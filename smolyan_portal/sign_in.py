"""Limits on signing in to the admin, on top of django-axes."""

from axes.models import AccessAttempt
from django.conf import settings

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
