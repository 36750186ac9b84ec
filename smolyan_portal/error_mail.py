"""Error mails to the admins, each error at most once in an interval.

A fault that hits every request (a database or a mail server gone) would otherwise send a
mail per request, and bury the first one, which is the useful one.
"""

import hashlib
import logging
import threading
import time
import traceback

from django.conf import settings
from django.core.cache import cache
from django.utils.log import AdminEmailHandler

_local = threading.local()


def error_signature(record):
    """What makes two log records the same error: its type and where it was raised."""
    if record.exc_info and record.exc_info[0] is not None:
        kind, _value, trace = record.exc_info
        frames = traceback.extract_tb(trace)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        parts = (record.name, f"{kind.__module__}.{kind.__qualname__}", where)
    else:
        parts = (record.name, f"{record.pathname}:{record.lineno}", str(record.msg))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


class ThrottledAdminEmailHandler(AdminEmailHandler):
    """Mail an error to the admins unless the same error was mailed within the interval.

    The shared cache tells the app servers apart from one mail each; when the cache is down
    (perhaps the very error being reported), each process still sends one mail at most.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._mailed_until = {}
        self._lock = threading.Lock()

    def emit(self, record):
        # Asking the cache may log an error of its own: that one is not mailed.
        if getattr(_local, "busy", False):
            return
        _local.busy = True
        try:
            if self._first_in_interval(error_signature(record)):
                super().emit(record)
        finally:
            _local.busy = False

    def _first_in_interval(self, signature):
        interval = settings.ERROR_MAIL_INTERVAL_SECONDS
        try:
            return cache.add(f"error-mail:{signature}", 1, interval)
        except Exception:  # any fault of the cache
            logging.getLogger(__name__).warning("Cache down: error mails are limited per process")
            return self._first_in_process(signature, interval)

    def _first_in_process(self, signature, interval):
        now = time.monotonic()
        with self._lock:
            self._mailed_until = {
                key: until for key, until in self._mailed_until.items() if until > now
            }
            if signature in self._mailed_until:
                return False
            self._mailed_until[signature] = now + interval
            return True
