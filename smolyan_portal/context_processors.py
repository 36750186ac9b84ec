"""Context shared by every page."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from media.licences import content_licence

MAIN_NAVIGATION = [
    ("news:article-list", _("News")),
    ("events:meeting-list", _("Meetings")),
    ("partners:partner-list", _("Partners")),
    ("projects:project-list", _("Projects")),
    ("knowledge:solution-list", _("Solutions")),
    ("documents:document-list", _("Documents")),
    ("search", _("Search")),
]


@functools.lru_cache(maxsize=64)
def _navigation_urls(language, script_prefix, urlconf):
    """The main navigation's addresses: the same on every page of a language."""
    return [reverse(url_name) for url_name, _label in MAIN_NAVIGATION]


def portal(request):
    path = request.path
    urls = _navigation_urls(get_language(), get_script_prefix(), get_urlconf())
    navigation = [
        {"url": url, "label": label, "current": path.startswith(url)}
        for url, (_url_name, label) in zip(urls, MAIN_NAVIGATION, strict=True)
    ]
    return {
        "main_navigation": navigation,
        "contact_email": settings.PORTAL_CONTACT_EMAIL,
        "content_licence": content_licence(),
        "site_emblem": settings.PORTAL_EMBLEM,
    }
