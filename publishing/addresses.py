"""Addresses of pages, each worked out once per language.

reverse() matches the route's pattern against its arguments anew at every call, about
28 µs; a list of 30 documents names 90 addresses (each document, its project and its
meeting). The routes do not change while the site runs, so an address is remembered under
everything reverse() reads: the route's name and arguments, the language (the prefix and
the translated route), the script prefix and the URLconf.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Enough for the addresses of every page a busy site shows, in both languages.
REMEMBERED = 4096


def urlconf_in_use():
    """The URLconf that resolve() and reverse() read for this request: part of the key of
    what is remembered of the routes."""
    return get_urlconf() or settings.ROOT_URLCONF


def address(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs), remembered."""
    return _reversed(
        viewname, tuple(kwargs.items()), get_language(), get_script_prefix(), urlconf_in_use()
    )


@functools.lru_cache(maxsize=REMEMBERED)
def _reversed(viewname, kwargs, language, script_prefix, urlconf):
    return reverse(viewname, urlconf=urlconf, kwargs=dict(kwargs))
