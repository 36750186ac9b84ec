"""Environment of the test run, set before Django reads its settings.

Loaded with `-p tests.environment` (pyproject.toml), so the suite needs no
variables of its own: settings refuse to start without a secret key when
debug is off, and the test client speaks plain HTTP.
"""

import os
import secrets

os.environ.setdefault("DJANGO_SECRET_KEY", "test-" + secrets.token_urlsafe(40))
os.environ.setdefault("DJANGO_SECURE", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ["DJANGO_DEBUG"] = "false"
