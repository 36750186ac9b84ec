"""Which cache the portal uses, from the environment (called by settings.py).

With REDIS_URL: Redis, shared by every app server. Without it: Django's file-based cache in
a folder on this machine, shared by every worker process and needing nothing installed, so
the page cache is on in the single-server default too.

Why files and not the database cache (both measured, bench/README.md): a read from the
file cache costs about half the CPU of a read from a database table, a write is ten times
faster, and the pages it holds are still served while the database is down. The database
cache would also put every page read and write on the content's own database, where on
SQLite each write waits for the one writer.
"""

import os
from pathlib import Path

# Entries the file cache keeps before it removes a third of them; each page is an entry.
# Enough for every page of a large site in both languages, and a few hundred MB at most.
FILE_CACHE_MAX_ENTRIES = 10_000


def caches(base_dir):
    """The CACHES setting for this environment."""
    if os.environ.get("REDIS_URL"):
        # Redis only makes pages faster: when it is down or hung the site works without it
        # (smolyan_portal/cache.py), each try costing no more than these short timeouts.
        timeout = float(os.environ.get("DJANGO_REDIS_TIMEOUT", "0.25"))
        return {
            "default": {
                "BACKEND": "smolyan_portal.cache.ResilientRedisCache",
                "LOCATION": os.environ["REDIS_URL"],
                "KEY_PREFIX": "smolyan",
                "RETRY_SECONDS": float(os.environ.get("DJANGO_REDIS_RETRY_SECONDS", "5")),
                "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
            }
        }
    folder = Path(os.environ.get("DJANGO_CACHE_DIR") or Path(base_dir) / "var" / "cache")
    return {
        "default": {
            "BACKEND": "smolyan_portal.file_cache.PlainFileCache",
            "LOCATION": str(folder),
            "OPTIONS": {
                "MAX_ENTRIES": int(
                    os.environ.get("DJANGO_CACHE_MAX_ENTRIES", FILE_CACHE_MAX_ENTRIES)
                )
            },
        }
    }
