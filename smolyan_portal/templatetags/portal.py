"""Template tags shared by every page."""

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import get_language, get_language_info

from publishing.lists import QueryLinks

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The page in each language it really exists in, for hreflang links and the switcher.

    A view that shows one object puts `language_urls` ({code: url}) in the context,
    listing only the languages the object is translated into; other pages exist in
    every language at the same translated path.
    """
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    language_urls = context.get("language_urls")
    alternates = []
    for code, _name in settings.LANGUAGES:
        if language_urls is not None:
            url = language_urls.get(code)
            if url is None:
                continue
        else:
            url = _same_page_in(request, code)
        info = get_language_info(code)
        alternates.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": url,
                "absolute_url": _absolute(request, url),
                "is_current": code == current,
            }
        )
    return alternates


def _same_page_in(request, code):
    """The current page's address in another language, rebuilt from its route.

    Never from the raw path: on a 404 for `//evil.example/bg/` that path reads as another
    host, and a backslash as a slash in browsers. An address that names no page of ours
    leads to the home page.
    """
    # The route the request was answered by, or for an error page the path resolved
    # again, in the page's own language, whose prefix the path carries.
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            match = None
    path = _route_in(match, code)
    query = request.GET.urlencode()
    return f"{path}?{query}" if query else path


def _route_in(match, code):
    with translation.override(code):
        if match is not None:
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                pass
        return reverse("home")


def _absolute(request, url):
    try:
        return request.build_absolute_uri(url)
    except DisallowedHost:
        # The 400 page for a request with a forged Host header.
        return url


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed (None removes one)."""
    return QueryLinks(context["request"].GET).with_changes(**changes)
