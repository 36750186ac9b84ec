"""Template helpers of the public pages: language marking of fallback text, date ranges."""

import datetime

from django import template
from django.conf import settings
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import get_language

from publishing.languages import shows_fallback

register = template.Library()


@register.simple_tag
def lang_attr(obj, field="title"):
    """` lang="bg"` on an element whose text fell back to Bulgarian; nothing otherwise."""
    if shows_fallback(obj, field):
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.filter
def long_date(value):
    """A date as people write it: "6 юни 2023 г." in Bulgarian, "6 June 2023" in English."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = localtime(value).date()
    if get_language() == "bg":
        # Django's Bulgarian month names are capitalised; Bulgarian writes them in lower case.
        return f"{value.day} {date_format(value, 'F').lower()} {value.year} г."
    return date_format(value, "j F Y")


@register.inclusion_tag("includes/date_range.html")
def date_range(start, end=None):
    """One date, or a first and a last day, each in a <time> element."""
    return {
        "start": start,
        "start_text": long_date(start),
        "end": end if end and end != start else None,
        "end_text": long_date(end) if end and end != start else "",
    }
