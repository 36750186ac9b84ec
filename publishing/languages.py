"""Which language an item's text is really in, and its address in each language."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language

from publishing.translations import translated_languages


def language_urls(obj, languages=None):
    """The object's address in each language it is translated into (publishing.translations).

    Pass `languages` when they are known already, as a page that has the item's states does.
    """
    if languages is None:
        languages = translated_languages(obj)
    urls = {}
    for code in languages:
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
