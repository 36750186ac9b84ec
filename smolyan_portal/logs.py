"""Where the site's log lines go: the console, and the admins' mail for errors."""

import logging


def logging_config(level):
    """The LOGGING setting, with `level` as the least a line needs to reach the console."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
            "not_logged_before": {"()": "smolyan_portal.logs.NotLoggedBefore"},
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler"},
            "mail_admins": {
                "level": "ERROR",
                "filters": ["require_debug_false"],
                "class": "smolyan_portal.error_mail.ThrottledAdminEmailHandler",
            },
            "null": {"class": "logging.NullHandler"},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django": {"handlers": ["mail_admins"], "level": "INFO"},
            "django.request": {"filters": ["not_logged_before"]},
            # Every scan of the internet sends some bad Host headers; each is answered 400 and
            # shows in the access log, and is not worth a mail.
            "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
            # django-axes announces itself at every start; its warnings about lockouts still show.
            "axes": {"level": "WARNING"},
        },
    }


def mark_logged(request):
    """Say that the fault behind this request's answer has been logged already.

    Django logs every answer of 400 or more as "django.request"; an outage would fill the
    log (and the admins' mail) with one line per request.
    """
    request.fault_logged = True


class NotLoggedBefore(logging.Filter):
    """Drop Django's line about an answer whose request was marked by mark_logged()."""

    def filter(self, record):
        # Django's request logger names the request in each record it writes.
        return not getattr(getattr(record, "request", None), "fault_logged", False)
