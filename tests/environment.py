"""Environment of the test run, set before Django reads its settings.

Loaded with `-p tests.environment` (pyproject.toml), so the suite needs no
variables of its own: settings refuse to start without a secret key when
debug is off, and the test client speaks plain HTTP.
"""

import atexit
import os
import secrets
import shutil
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-" + secrets.token_urlsafe(40))
os.environ.setdefault("DJANGO_SECURE", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ["DJANGO_DEBUG"] = "false"
# The suite runs with a read replica, as a scaled-out site would: a mirror of the test
# database (settings.DATABASES["replica"]["TEST"]), so it needs no server of its own.
os.environ.setdefault("DATABASE_REPLICA_URL", os.environ.get("DATABASE_URL", "sqlite://:memory:"))
# Each run has a cache folder of its own, so runs side by side do not share pages. The page
# cache is off unless a test turns it on (tests/test_page_cache.py), so that tests which
# change rows without saving them see the change.
# pytest-xdist's workers (make test TEST_WORKERS=auto) inherit the environment
# of the process that started them: each takes a folder, and a Redis database, of its own.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if not os.environ.get("DJANGO_CACHE_DIR") or os.environ.get("SMOLYAN_TEST_CACHE_DIR"):
    os.environ["DJANGO_CACHE_DIR"] = tempfile.mkdtemp(prefix=f"smolyan-test-cache-{WORKER}")
    os.environ["SMOLYAN_TEST_CACHE_DIR"] = os.environ["DJANGO_CACHE_DIR"]
    atexit.register(shutil.rmtree, os.environ["DJANGO_CACHE_DIR"], ignore_errors=True)
if WORKER and os.environ.get("REDIS_TEST_URL"):
    base, _, number = os.environ["REDIS_TEST_URL"].rpartition("/")
    if number.isdigit():
        os.environ["REDIS_TEST_URL"] = f"{base}/{int(number) + int(WORKER.removeprefix('gw'))}"
os.environ.setdefault("DJANGO_PAGE_CACHE_SECONDS", "0")
