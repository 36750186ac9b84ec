"""Which language an item's text is really in, and its address in each language."""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import get_language


def has_translation(obj, language, field="title"):
    """Whether the object has its own text in the language, not a fallback."""
    return bool(getattr(obj, f"{field}_{language}", None))


def translated_filter(language, field="title"):
    """The rule of `has_translation` as a query: rows with their own text in the language."""
    if language == settings.LANGUAGE_CODE:
        return Q()
    column = f"{field}_{language}"
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


def language_urls(obj, field="title"):
    """The object's address in each language it is really translated into."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE or has_translation(obj, code, field):
            with translation.override(code):
                urls[code] = obj.get_absolute_url()
    return urls


def shows_fallback(obj, field):
    """Whether the field shows the default language's text because its own is missing."""
    language = get_language()
    if obj is None or language == settings.LANGUAGE_CODE:
        return False
    if getattr(obj, f"{field}_{language}", None):
        return False
    return bool(getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", None))


def fallback_lang(obj, field):
    """The language code to mark a field's text with when it fell back, else ""."""
    return settings.LANGUAGE_CODE if shows_fallback(obj, field) else ""
