"""A cache of files in one folder, entries stored as they are, not compressed.

Nearly every read of this cache is a whole page for the page cache, and unpacking a
compressed copy (as Django's file-based cache stores them) was a fifth of the work of
answering from the cache: 280 µs of CPU per answer with compression, 216 µs without (the
home page, 32 KB). The files take about four times the room, a few hundred MB at most
(FILE_CACHE_MAX_ENTRIES in caching.py), and the system keeps the pages read often in its
memory.

Built on Django's public cache interface alone, so that no release of Django can change it
from under us. Each entry is one file named by a digest of its key, holding its expiry time
and then its value, both pickled; a write goes to a temporary file that replaces the entry
in one step, so a reader never sees half an entry. Every worker process on the machine
shares the folder.

Like Redis (smolyan_portal/cache.py), the folder only makes pages faster: when it cannot
be written (a full disk, a folder the app's user may not write), pages are made without
it, and the log says so once a minute.
"""

import hashlib
import logging
import os
import pickle
import random
import tempfile
import time
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

logger = logging.getLogger(__name__)

LOG_INTERVAL_SECONDS = 60
SUFFIX = ".cache"
logged_at = {}


def log_failure(folder, error):
    now = time.monotonic()
    if now - logged_at.get(folder, -LOG_INTERVAL_SECONDS) < LOG_INTERVAL_SECONDS:
        return
    logged_at[folder] = now
    logger.warning(
        "The cache folder %s cannot be used (%s); pages are served without it. "
        "Give the app's user write access, or set DJANGO_CACHE_DIR.",
        folder,
        error,
    )


class PlainFileCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self.folder = Path(location)
        # Read as Django's own backends read them: OPTIONS first, then the top level.
        options = params.get("OPTIONS", {})
        self.max_entries = int(options.get("MAX_ENTRIES", params.get("max_entries", 300)))
        self.cull_frequency = int(options.get("CULL_FREQUENCY", params.get("cull_frequency", 3)))

    def path_of(self, key, version):
        key = self.make_and_validate_key(key, version=version)
        return self.folder / (hashlib.md5(key.encode(), usedforsecurity=False).hexdigest() + SUFFIX)

    def entries(self):
        return list(self.folder.glob("*" + SUFFIX))

    def read(self, path):
        """The entry's value, or None when it is missing or expired (an expired one is removed)."""
        try:
            with open(path, "rb") as file:
                expires = pickle.load(file)
                if expires is not None and expires < time.time():
                    file.close()
                    path.unlink(missing_ok=True)
                    return None
                return (pickle.load(file),)
        except FileNotFoundError:
            return None
        except (OSError, EOFError, pickle.UnpicklingError) as error:
            log_failure(self.folder, error)
            return None

    def write(self, path, value, timeout):
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self.cull()
            descriptor, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as file:
                    pickle.dump(self.get_backend_timeout(timeout), file, pickle.HIGHEST_PROTOCOL)
                    pickle.dump(value, file, pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, path)
            finally:
                Path(temporary).unlink(missing_ok=True)
            return True
        except OSError as error:
            log_failure(self.folder, error)
            return False

    def cull(self):
        """When the folder holds too many entries, remove a share of them, chosen at random."""
        entries = self.entries()
        if self.max_entries <= 0 or len(entries) < self.max_entries:
            return
        share = max(1, len(entries) // max(self.cull_frequency, 1))
        for path in random.sample(entries, share):
            path.unlink(missing_ok=True)

    def get(self, key, default=None, version=None):
        found = self.read(self.path_of(key, version))
        return default if found is None else found[0]

    def has_key(self, key, version=None):
        return self.read(self.path_of(key, version)) is not None

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.write(self.path_of(key, version), value, timeout)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        path = self.path_of(key, version)
        if self.read(path) is not None:
            return False
        return self.write(path, value, timeout)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        path = self.path_of(key, version)
        found = self.read(path)
        return found is not None and self.write(path, found[0], timeout)

    def delete(self, key, version=None):
        path = self.path_of(key, version)
        try:
            path.unlink()
            return True
        except FileNotFoundError:
            return False
        except OSError as error:
            log_failure(self.folder, error)
            return False

    def clear(self):
        for path in self.entries():
            try:
                path.unlink(missing_ok=True)
            except OSError as error:
                log_failure(self.folder, error)
                return
