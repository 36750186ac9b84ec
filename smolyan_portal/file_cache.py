"""Django's file-based cache, with its entries stored as they are, not compressed.

Nearly every read of this cache is a whole page for the page cache, and unpacking its
compressed copy was a fifth of the work of answering from the cache: 280 µs of CPU per
answer with compression, 216 µs without (the home page, 32 KB). The files take about four
times the room, a few hundred MB at most (FILE_CACHE_MAX_ENTRIES in caching.py), and the
system keeps the pages read often in its memory.

Like Redis (smolyan_portal/cache.py), the folder only makes pages faster: when it cannot
be written (a full disk, a folder the app's user may not write), pages are made without
it, and the log says so once a minute.
"""

import logging
import pickle
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

logger = logging.getLogger(__name__)

LOG_INTERVAL_SECONDS = 60
_logged_at = {}


def _failed(folder, error):
    now = time.monotonic()
    if now - _logged_at.get(folder, -LOG_INTERVAL_SECONDS) < LOG_INTERVAL_SECONDS:
        return
    _logged_at[folder] = now
    logger.warning(
        "The cache folder %s cannot be used (%s); pages are served without it. "
        "Give the app's user write access, or set DJANGO_CACHE_DIR.",
        folder,
        error,
    )


class PlainFileCache(FileBasedCache):
    def _createdir(self):
        try:
            super()._createdir()
        except OSError as error:
            _failed(self._dir, error)

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return pickle.loads(file.read())
        except FileNotFoundError:
            pass
        except OSError as error:
            _failed(self._dir, error)
        return default

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except OSError as error:
            _failed(self._dir, error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except OSError as error:
            _failed(self._dir, error)

    def _delete(self, fname):
        try:
            return super()._delete(fname)
        except OSError as error:
            _failed(self._dir, error)
            return False

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as file:
                locks.lock(file, locks.LOCK_EX)
                try:
                    if self._is_expired(file):
                        return False
                    value = pickle.loads(file.read())
                    file.seek(0)
                    self._write_content(file, timeout, value)
                    file.truncate()
                    return True
                finally:
                    locks.unlock(file)
        except FileNotFoundError:
            return False
        except OSError as error:
            _failed(self._dir, error)
            return False
