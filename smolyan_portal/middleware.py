"""Middleware of the site as a whole."""

from urllib.parse import unquote_to_bytes

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from api.errors import bad_parameter_response, is_api_request
from smolyan_portal import health, views
from smolyan_portal.text import CONTROL_CHARACTERS


def with_page_headers(view):
    """The view, its answers given X-Frame-Options and the CSP like every page.

    For middleware that answers before the two middleware further down that add them.
    """
    return XFrameOptionsMiddleware(CSPMiddleware(view))


class HealthCheckMiddleware:
    """Answer the probes before any middleware that checks the Host header.

    A load balancer or orchestrator probes a container by its IP address, which
    is not among ALLOWED_HOSTS; the probes must answer whatever Host is sent. It stands
    after SecurityMiddleware (whose HTTPS redirect exempts the probes), so its answers get
    the same headers as any page.
    """

    routes = {"/livez": health.livez, "/healthz": health.healthz}

    def __init__(self, get_response):
        self.get_response = get_response
        self.probes = {path: with_page_headers(view) for path, view in self.routes.items()}

    def __call__(self, request):
        probe = self.probes.get(request.path_info.rstrip("/") or "/")
        if probe is not None:
            return probe(request)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """The headers Django does not set: Permissions-Policy, and HSTS on every answer.

    Django sends HSTS only on requests it knows came by HTTPS. Behind a TLS-terminating
    proxy that does not say so (no X-Forwarded-Proto), it never would; browsers ignore
    the header on plain HTTP, so sending it on every answer is safe.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED
        )
        self.hsts = None
        if settings.SECURE_HSTS_SECONDS:
            self.hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
            if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
                self.hsts += "; includeSubDomains"
            if settings.SECURE_HSTS_PRELOAD:
                self.hsts += "; preload"

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if self.hsts:
            response.headers.setdefault("Strict-Transport-Security", self.hsts)
        return response


class ForwardedForMiddleware:
    """Take the visitor's address from X-Forwarded-For behind our own reverse proxies.

    With DJANGO_PROXY_HOPS proxies in front of the app, REMOTE_ADDR is the nearest
    proxy's; the login lockout and the feedback limit would then treat every visitor as
    one. Only the entries our proxies appended are trusted: the one `hops` from the right.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.hops = settings.PROXY_HOPS

    def __call__(self, request):
        if self.hops:
            chain = [
                part.strip()
                for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
                if part.strip()
            ]
            if len(chain) >= self.hops:
                request.META["REMOTE_ADDR"] = chain[-self.hops]
        return self.get_response(request)


def unreadable_parameter(raw):
    """The name of the first parameter of a raw query string that is not UTF-8 text a
    person could type (shown with its bad characters replaced), or None when all are."""
    for pair in raw.split(b"&"):
        parts = [unquote_to_bytes(part.replace(b"+", b" ")) for part in pair.split(b"=", 1)]
        for part in parts:
            try:
                text = part.decode("utf-8")
            except UnicodeDecodeError:
                text = None
            if text is None or CONTROL_CHARACTERS.search(text):
                name = parts[0].decode("utf-8", errors="replace")
                return CONTROL_CHARACTERS.sub("\ufffd", name)
    return None


def readable_query(raw):
    """Whether every name and value of a raw query string is UTF-8 text a person could type."""
    return unreadable_parameter(raw) is None


class QueryStringCheckMiddleware:
    """Answer 400, in the visitor's language, to a query string no person types.

    Django decodes broken UTF-8 into replacement characters and passes control characters
    on, so a NUL byte could reach a database query (PostgreSQL refuses it with an error).
    Checking here, once for every page and the admin, leaves no view to forget it; a NUL or
    a lone surrogate is never part of a real search or link, so refusing it loses nothing.
    Goes after LocaleMiddleware, which picks the language of the 400 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.refuse = with_page_headers(lambda request: views.bad_request(request, None))

    def __call__(self, request):
        bad = unreadable_parameter(get_bytes_from_wsgi(request.META, "QUERY_STRING", ""))
        if bad is None:
            return self.get_response(request)
        if is_api_request(request):
            # Programs get JSON that names the parameter, as for any other bad value.
            return bad_parameter_response(
                bad, _("The value is not text: control characters or broken UTF-8.")
            )
        return self.refuse(request)


def _accepted_codes(header):
    """The primary language subtags of an Accept-Language header, e.g. {"de", "fr"}."""
    codes = set()
    for part in header.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag and tag != "*":
            codes.add(tag.split("-")[0])
    return codes


class AdminLanguageMiddleware:
    """Serve the admin in English when the browser asks for neither Bulgarian nor English.

    LocaleMiddleware falls back to LANGUAGE_CODE (Bulgarian) for, say, a German browser;
    that is right for the public site of a Bulgarian town, but staff from partner cities
    read the admin better in English. Goes after LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.site_codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        if request.path_info.startswith(reverse("admin:index")) and self._asks_for_neither(request):
            translation.activate("en")
            request.LANGUAGE_CODE = "en"
        return self.get_response(request)

    def _asks_for_neither(self, request):
        if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in self.site_codes:
            return False
        accepted = _accepted_codes(request.headers.get("Accept-Language", ""))
        return not (accepted & self.site_codes)
