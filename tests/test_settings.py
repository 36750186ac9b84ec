"""Settings come from the environment, and refuse to run unsafely."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'name': str(settings.DATABASES['default']['NAME']), 'debug': settings.DEBUG, "
    "'cache': settings.CACHES['default']['BACKEND'], "
    "'cache_location': str(settings.CACHES['default']['LOCATION']), "
    "'page_cache_seconds': settings.PAGE_CACHE_SECONDS}))"
)


def run_python(code, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    environment["DJANGO_SETTINGS_MODULE"] = "smolyan_portal.settings"
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_debug_off_without_secret_key_fails_with_a_clear_message():
    result = run_python(PRINT_SETTINGS)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_sqlite_in_the_project_folder_when_database_url_is_unset():
    result = run_python(PRINT_SETTINGS, DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(BASE_DIR / "db.sqlite3")
    assert values["debug"] is False
    # Every worker shares one cache with nothing installed, so the page cache is on.
    assert values["cache"].endswith("PlainFileCache")
    assert values["cache_location"] == str(BASE_DIR / "var" / "cache")
    assert values["page_cache_seconds"] == 600


def test_the_cache_folder_is_configurable():
    result = run_python(PRINT_SETTINGS, DJANGO_SECRET_KEY="x" * 50, DJANGO_CACHE_DIR="/srv/cache")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["cache_location"] == "/srv/cache"


def test_database_url_selects_postgresql_and_redis_url_the_shared_cache():
    result = run_python(
        PRINT_SETTINGS,
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/smolyan",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "smolyan"
    assert values["cache"].endswith("RedisCache")
    assert values["page_cache_seconds"] == 600


def test_debug_on_generates_a_local_key_instead_of_failing():
    result = run_python(PRINT_SETTINGS, DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["debug"] is True


def test_redis_and_postgresql_get_short_configurable_timeouts():
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({'cache': settings.CACHES['default'], "
        "'database': settings.DATABASES['default']['OPTIONS']}))"
    )
    environment = {
        "DJANGO_SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/smolyan",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    result = run_python(code, **environment)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["cache"]["BACKEND"] == "smolyan_portal.cache.ResilientRedisCache"
    assert values["cache"]["OPTIONS"] == {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
    assert values["database"] == {"connect_timeout": 3, "options": "-c statement_timeout=5000"}

    result = run_python(
        code,
        **environment,
        DJANGO_REDIS_TIMEOUT="0.5",
        DJANGO_DB_CONNECT_TIMEOUT="2",
        DJANGO_DB_STATEMENT_TIMEOUT="30",
    )
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["cache"]["OPTIONS"]["socket_timeout"] == 0.5
    assert values["database"] == {"connect_timeout": 2, "options": "-c statement_timeout=30000"}


def setting_values(names, **env):
    """The named settings, as Django reads them under the given environment."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{name: getattr(settings, name) for name in {list(names)!r}}}))"
    )
    result = run_python(code, DJANGO_SECRET_KEY="x" * 50, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_mail_server_that_does_not_answer_is_given_up_on():
    assert setting_values(["EMAIL_TIMEOUT"]) == {"EMAIL_TIMEOUT": 10}
    assert setting_values(["EMAIL_TIMEOUT"], DJANGO_EMAIL_TIMEOUT="3") == {"EMAIL_TIMEOUT": 3}


HTTPS_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
]


def test_django_secure_sets_every_https_setting_at_once():
    assert setting_values(HTTPS_SETTINGS, DJANGO_SECURE="true") == {
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
    }
    assert setting_values(HTTPS_SETTINGS, DJANGO_SECURE="false") == {
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "SECURE_HSTS_SECONDS": 0,
    }


def test_secure_cookies_and_hsts_without_the_redirect():
    # Behind a TLS proxy that does not send X-Forwarded-Proto every request looks like
    # plain HTTP: a redirect would loop, but cookies and HSTS must still be secure.
    expected = {
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
    }
    assert setting_values(HTTPS_SETTINGS, DJANGO_SECURE="true", DJANGO_SECURE_REDIRECT="false") == (
        expected
    )
    assert (
        setting_values(
            HTTPS_SETTINGS,
            DJANGO_SECURE="false",
            DJANGO_SECURE_COOKIES="true",
            DJANGO_HSTS_SECONDS="31536000",
        )
        == expected
    )


def test_x_forwarded_proto_is_trusted_only_behind_our_own_proxy():
    header = ["SECURE_PROXY_SSL_HEADER"]
    assert setting_values(header, DJANGO_SECURE="true") == {"SECURE_PROXY_SSL_HEADER": None}
    assert setting_values(header, DJANGO_SECURE="true", DJANGO_PROXY_HOPS="1") == {
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"]
    }
