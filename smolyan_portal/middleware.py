"""Middleware of the site as a whole."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from smolyan_portal import health


class HealthCheckMiddleware:
    """Answer the probes before any middleware that checks the Host header.

    A load balancer or orchestrator probes a container by its IP address, which
    is not among ALLOWED_HOSTS; the probes must answer whatever Host is sent.
    """

    routes = {"/livez": health.livez, "/healthz": health.healthz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = self.routes.get(request.path_info.rstrip("/") or "/")
        if view is not None:
            return view(request)
        return self.get_response(request)


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
