"""The smallest Django site worth comparing with: the ceiling of the benchmark (bench/run).

One view that returns a fixed page of 5 KB, with only the security and common middleware,
served by the same gunicorn settings as the portal. Nothing the portal does can be faster
than this, so each page is measured as a fraction of it.
"""

import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "ceiling-of-the-benchmark-only-" + "x" * 30)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
ROOT_URLCONF = "ceiling.urls"
WSGI_APPLICATION = "ceiling.wsgi.application"
DATABASES = {}
USE_TZ = True
