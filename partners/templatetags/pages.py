"""Template helpers of the public pages: language marking of fallback text, date ranges."""

from django import template
from django.conf import settings
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


def shows_fallback(obj, field):
    """Whether the field shows the default language's text because its own is missing."""
    language = get_language()
    if obj is None or language == settings.LANGUAGE_CODE:
        return False
    if getattr(obj, f"{field}_{language}", None):
        return False
    return bool(getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", None))


@register.simple_tag
def lang_attr(obj, field="title"):
    """` lang="bg"` on an element whose text fell back to Bulgarian; nothing otherwise."""
    if shows_fallback(obj, field):
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.inclusion_tag("includes/date_range.html")
def date_range(start, end=None):
    """One date, or a first and a last day, each in a <time> element."""
    return {
        "start": start,
        "start_text": date_format(start) if start else "",
        "end": end if end and end != start else None,
        "end_text": date_format(end) if end and end != start else "",
    }
