"""Settings of the Smolyan EU-projects portal.

Everything that differs between a laptop and production comes from environment
variables (listed in `.env.example`), with safe local defaults.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
import xstatic.pkg.jquery_ui
import xstatic.pkg.leaflet
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# The open data's licence, the API's settings and its documentation's files.
from api.conf import CONTENT_LICENCE, REST_FRAMEWORK, SPECTACULAR_SETTINGS, SWAGGER_UI_FILES  # noqa: F401
from partners.countries import COUNTRY_NAMES
from smolyan_portal import caching, logs, routers

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")


def _secret_key():
    key = os.environ.get("DJANGO_SECRET_KEY", "")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, "
            "or set DJANGO_DEBUG=true for a local run."
        )
    # A local run keeps one generated key across restarts, so logins survive.
    key_file = BASE_DIR / ".local-secret-key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "smolyan_portal.views.csrf_failure"

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # The admin with the portal's own index order (smolyan_portal/admin_site.py).
    "smolyan_portal.admin_site.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "django_prose_editor",
    "reversion",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "django_tasks",
    "django_tasks_db",
    # Our apps, from the bottom of the house up (see docs/architecture.md).
    "publishing",
    "media",
    "partners",
    "projects",
    "events",
    "news",
    "documents",
    "knowledge",
    "search",
    "api",
    "smolyan_portal",
]

MIDDLEWARE = [
    # First, so the request's id marks every line written while answering it.
    "smolyan_portal.request_log.RequestLogMiddleware",
    "smolyan_portal.middleware.ForwardedForMiddleware",
    "smolyan_portal.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Probes answer any Host; they come before CommonMiddleware, which checks it.
    "smolyan_portal.middleware.HealthCheckMiddleware",
    # Any site may read the open-data API (/api/ only), also its 304s and 400s.
    "api.cors.ApiCorsMiddleware",
    # ETag on every page, so a revisit of an unchanged page is answered with 304.
    "django.middleware.http.ConditionalGetMiddleware",
    # A cached page for a visitor without cookies is answered here, before the work that
    # the stored answer already holds (smolyan_portal/page_cache.py).
    "smolyan_portal.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "smolyan_portal.routers.ReplicaMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The 503 page in the visitor's language while the database cannot be reached.
    "smolyan_portal.outage.DatabaseOutageMiddleware",
    # Bulgarian or English staff get their language; everyone else English.
    "smolyan_portal.middleware.AdminLanguageMiddleware",
    "smolyan_portal.middleware.QueryStringCheckMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The language a member of staff chose in the admin's header.
    "smolyan_portal.admin_language.AdminLanguageChoiceMiddleware",
    "smolyan_portal.sessions.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "smolyan_portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "smolyan_portal.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "smolyan_portal.wsgi.application"

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A database that accepts connections and never answers must not hold a worker for long:
# the visitor gets the 503 page (smolyan_portal/outage.py) after these many seconds.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT", "5"))
_database_options = DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _database_options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
    _database_options["options"] = " ".join(
        filter(
            None,
            [
                _database_options.get("options"),
                f"-c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}",
            ],
        )
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # How long a write waits for another one to finish before it fails.
    _database_options.setdefault("timeout", DATABASE_STATEMENT_TIMEOUT)
# An optional read replica answers the public pages' reads (smolyan_portal/routers.py).
DATABASES.update(
    routers.replica_databases(os.environ.get("DATABASE_REPLICA_URL"), DATABASES["default"])
)
READ_REPLICA_ALIAS = routers.REPLICA if routers.REPLICA in DATABASES else None
DATABASE_ROUTERS = ["smolyan_portal.routers.ReplicaRouter"] if READ_REPLICA_ALIAS else []
# After a write, a signed-in editor reads from the primary this long (the replica's lag).
REPLICA_PIN_SECONDS = int(os.environ.get("DJANGO_REPLICA_PIN_SECONDS", "30"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = caching.caches(BASE_DIR)

# Background work (image renditions) is queued in the database and done by
# `manage.py db_worker`, so it needs no other service.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Only staff sign in. A sign-in ends after this long without a request, and this long in all.
SESSION_IDLE_SECONDS = 60 * int(os.environ.get("DJANGO_SESSION_IDLE_MINUTES", "30"))
SESSION_MAX_SECONDS = 3600 * int(os.environ.get("DJANGO_SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS

# Whole public pages for anonymous visitors, kept until content changes, in the cache that
# every worker shares (Redis, or files on this machine: smolyan_portal/caching.py).
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/media/", "/static/", "/healthz", "/livez")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
# A username is locked from the address that guessed, so nobody can lock an editor out
# from elsewhere by failing on purpose.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# How many reverse proxies of ours stand in front of the app (0: the app faces visitors).
PROXY_HOPS = int(os.environ.get("DJANGO_PROXY_HOPS", "0"))
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "smolyan_portal.sign_in.attempted_username"
# Someone guessing many usernames from one address is stopped too: the address is locked
# out after this many failures within the cool-off time, whatever the usernames.
LOGIN_FAILURE_LIMIT_PER_ADDRESS = 20
AXES_HANDLER = "smolyan_portal.sign_in.AddressLimitHandler"
AXES_LOCKOUT_CALLABLE = "smolyan_portal.sign_in.lockout_response"

# Languages: Bulgarian first; English falls back to Bulgarian field by field.
LANGUAGE_CODE = "bg"
LANGUAGES = [("bg", _("Bulgarian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["smolyan_portal.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Sofia"
# Countries by the EU's official short names, in both languages (partners/countries.py).
COUNTRIES_OVERRIDE = COUNTRY_NAMES

MODELTRANSLATION_DEFAULT_LANGUAGE = "bg"
MODELTRANSLATION_LANGUAGES = ("bg", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("bg",), "bg": ()}
# The admin's language tabs need jQuery UI; it is served from our own host.
JQUERY_UI_URL = "xstatic/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "smolyan_portal.staticfiles.PackageFilesFinder",
    # The typeface, cut to Latin and Cyrillic from its PyPI package (smolyan_portal/fonts.py).
    "smolyan_portal.fonts.SubsetFontFinder",
]
# Front-end files from PyPI packages, not copied into the repository: prefix -> (folder, files).
PACKAGE_STATIC_FILES = {
    # jQuery UI for the admin's language tabs. Its 1.13.0 predates the fix of
    # CVE-2022-31160, which is in the checkboxradio widget; the tabs use only the tabs
    # widget, and a pip-only set-up needs no npm.
    "xstatic/jquery-ui": (xstatic.pkg.jquery_ui.BASE_DIR, ["jquery-ui.min.js"]),
    # Leaflet for the partners' map, loaded only when a visitor asks for the map.
    "xstatic/leaflet": (
        xstatic.pkg.leaflet.BASE_DIR,
        [
            "leaflet-src.esm.js",
            "leaflet-src.esm.js.map",
            "leaflet.css",
            "images/layers.png",
            "images/layers-2x.png",
            "images/marker-icon.png",
            "images/marker-icon-2x.png",
            "images/marker-shadow.png",
        ],
    ),
    "xstatic/swagger-ui": SWAGGER_UI_FILES,
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "uploads"))
# Stored files that are never served at their media address, nor public on S3: a draft's
# documents. Their own view checks publication first (media/downloads.py).
MEDIA_PRIVATE_PREFIXES = ["documents/"]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded media live in MEDIA_ROOT and the application serves them (media/serving.py),
# unless DJANGO_S3_BUCKET names an S3-compatible bucket: then media URLs point there.
if os.environ.get("DJANGO_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "media.storage.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["DJANGO_S3_BUCKET"],
            "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("DJANGO_S3_REGION") or None,
            # Unset, boto3 finds credentials itself (AWS_* variables, an instance role).
            "access_key": os.environ.get("DJANGO_S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("DJANGO_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,
            # Published media are public: plain URLs that browsers and CDNs can cache.
            # Private ones (MEDIA_PRIVATE_PREFIXES) always get short-lived signed URLs.
            "querystring_auth": env_bool("DJANGO_S3_SIGNED_URLS"),
            # With per-object ACLs (e.g. public-read), private files are stored "private".
            "default_acl": os.environ.get("DJANGO_S3_ACL") or None,
            "file_overwrite": False,
        },
    }
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# HTTPS: DJANGO_SECURE switches on the redirect, secure cookies and HSTS together; each can
# be set on its own, e.g. secure cookies and HSTS behind a TLS proxy that does not send
# X-Forwarded-Proto (the app then cannot tell HTTPS requests, so it must not redirect).
SECURE = env_bool("DJANGO_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_REDIRECT", default=SECURE)
# Probes come over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^(healthz|livez)/?$"]
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=SECURE)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000" if SECURE else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# Only our own proxy may say that a request came by HTTPS; a visitor could send the header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PROXY_HOPS >= 1 else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Browser features no page of the portal uses (the partners' map needs none of them).
PERMISSIONS_POLICY_DISABLED = (
    "accelerometer autoplay browsing-topics camera display-capture encrypted-media geolocation "
    "gyroscope hid idle-detection magnetometer microphone midi payment picture-in-picture "
    "publickey-credentials-get screen-wake-lock serial usb xr-spatial-tracking"
).split()

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
# The portal's own domain, part of identifiers that must never change with the address a
# page was reached by: calendar UIDs, feed entry ids.
PORTAL_DOMAIN = os.environ.get("DJANGO_SITE_DOMAIN", "euprojects.smolyan.bg")
# The emblem in every page's header: a static file, ours by default; the municipality's
# official one can replace it (e.g. DJANGO_SITE_EMBLEM=img/smolyan-coat-of-arms.svg).
PORTAL_EMBLEM = os.environ.get("DJANGO_SITE_EMBLEM", "img/emblem.svg")
# Where visitors write to the team; shown in every footer.
PORTAL_CONTACT_EMAIL = os.environ.get("DJANGO_CONTACT_EMAIL", "euprojects@smolyan.bg")
# Who is told by e-mail of new accessibility feedback (the statement promises an answer).
FEEDBACK_NOTIFY_EMAILS = env_list("DJANGO_FEEDBACK_EMAILS", PORTAL_CONTACT_EMAIL)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
# Seconds to wait for each answer of the mail server; without it a hung server hangs the sender.
EMAIL_TIMEOUT = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "portal@smolyan.bg")
# How long the web server's access logs are kept; the privacy notice states it, so set it to
# match the log rotation of the deployment.
PORTAL_SERVER_LOG_DAYS = int(os.environ.get("DJANGO_SERVER_LOG_DAYS", "30"))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Portal", email) for email in env_list("DJANGO_ADMIN_EMAILS")]

# The same error is mailed to ADMINS at most once in this many seconds.
ERROR_MAIL_INTERVAL_SECONDS = 600

# JSON lines in production, readable lines with debug on (smolyan_portal/logs.py).
LOGGING = logs.logging_config(
    json_lines=env_bool("DJANGO_LOG_JSON", default=not DEBUG),
    level=os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
)
