"""How the site logs: one JSON object a line in production, readable lines in development.

Every line names the request it was written in (`request_id`, set by
smolyan_portal.request_log), so an error can be found beside the request that caused it.
Visitors' addresses appear only shortened to their network (`truncate_address`): the
privacy notice promises no more than the web server's own logs, kept as long as it says.
"""

import contextvars
import functools
import ipaddress
import logging

from pythonjsonlogger.core import RESERVED_ATTRS

# The id of the request being answered in this thread or task; "-" outside a request.
request_id = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Give every record the id of the request it was written in."""

    def filter(self, record):
        if not hasattr(record, "request_id"):
            # Django logs a 4xx answer after the middleware is done: the record's request
            # still carries the id.
            record.request_id = (
                getattr(getattr(record, "request", None), "request_id", None) or request_id.get()
            )
        return True


# Each request logs its visitor's address: parsing it is the dearest part of the log line.
@functools.lru_cache(maxsize=1024)
def truncate_address(address):
    """An IP address without its host part: its /24 network for IPv4, /48 for IPv6."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return None
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def logging_config(json_lines, level="INFO"):
    """The LOGGING setting: JSON lines (production) or readable lines (development)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
            "request_id": {"()": "smolyan_portal.logs.RequestIdFilter"},
            "not_logged_before": {"()": "smolyan_portal.logs.NotLoggedBefore"},
        },
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "format": "%(levelname)s %(name)s %(message)s %(request_id)s",
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",
                # Django hands the request object and the server's time to its loggers;
                # neither belongs in a line (the request's own line has what matters).
                "reserved_attrs": [*RESERVED_ATTRS, "request", "server_time"],
                "json_ensure_ascii": False,
            },
            "text": {"format": "%(asctime)s %(levelname)-7s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "json" if json_lines else "text",
            },
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
            # Every scan of the internet sends some bad Host headers; each is answered 400
            # and shows in the request log, and is not worth a mail.
            "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
            # runserver's own line of each request repeats the request log's.
            "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            # django-axes announces itself at every start, and its warnings name the full
            # address; lockouts are in the audit log (smolyan_portal.request_log) instead.
            "axes": {"level": "ERROR"},
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
