"""The admin's language: Bulgarian or English, never a language it has not asked for."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


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
