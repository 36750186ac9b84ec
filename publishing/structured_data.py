"""Pieces of the head of a page: its canonical address and its JSON-LD.

Each app describes its own content with these (an article as a NewsArticle, a meeting as an
Event); the page's head shows what they return.
"""

import datetime
import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# The language tags of Open Graph name a country too.
OPEN_GRAPH_LOCALES = {"bg": "bg_BG", "en": "en_GB"}
# The JSON of a data block must not be able to close its <script> element or open a comment.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute_url(request, url):
    """An address on this site with the scheme and host the page was asked for."""
    if request is None:
        return url
    try:
        return request.build_absolute_uri(url)
    except DisallowedHost:
        return url


def canonical_path(request, page_number=None):
    """The page's own address, built from the route it resolved to, never from the raw path.

    Of the query only the number of the page of a list that is shown is kept, and only
    when nothing else is asked: a filtered list and a search point to the plain page.
    """
    if request is None or request.method not in ("GET", "HEAD"):
        return None
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    try:
        path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None
    if page_number and page_number > 1 and set(request.GET) <= {"page"}:
        path = f"{path}?{urlencode({'page': page_number})}"
    return path


def canonical_url(request, page_number=None):
    path = canonical_path(request, page_number)
    return absolute_url(request, path) if path else None


def iso_datetime(value):
    """A moment as ISO 8601 in the portal's time zone, with its offset."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def json_ld_script(data):
    """A <script type="application/ld+json"> data block that no text in `data` can break out of.

    Browsers neither run a data block nor apply the Content-Security-Policy's script-src
    to it, so it needs no nonce.
    """
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),
    )


def without_empty(data):
    """The dict without its empty values, so that no property is sent blank."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def site_publisher(request, logo=None):
    """The municipality that runs the portal, as the publisher of everything on it."""
    return without_empty(
        {
            "@type": "GovernmentOrganization",
            "name": _("Municipality of Smolyan"),
            "url": absolute_url(request, reverse("home")),
            "logo": logo,
            "email": settings.PORTAL_CONTACT_EMAIL,
        }
    )


def breadcrumb_list(request, trail):
    """BreadcrumbList of (name, url) pairs from the home page to the page itself."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute_url(request, url),
            }
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def open_graph_locale(language=None):
    language = language or get_language()
    return OPEN_GRAPH_LOCALES.get(language, language)
