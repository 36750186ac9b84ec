"""The one definition of "translated", for every model registered with modeltranslation.

An item is translated into a language when every visible translated field that has text
in some language has text in that language too, its own and its parts' (a meeting's
sessions and site visits, an article's gallery captions). A model names its parts by
their related names in `translation_parts`. The admin's columns and counts, the Translations
page, hreflang links, the sitemap, the feeds and the public notices all ask this module;
`missing_q` is the same rule as a query, and tests hold the two to agreement.
"""

from functools import cache

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from modeltranslation.translator import NotRegistered, translator


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


@cache
def text_fields(model):
    """The names of the model's translated fields that readers see (slugs are addresses)."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    return tuple(
        name
        for name in sorted(options.all_fields, key=_declaration_order(model))
        if not isinstance(model._meta.get_field(name), models.SlugField)
    )


def _declaration_order(model):
    names = [field.name for field in model._meta.get_fields()]
    return lambda name: names.index(name) if name in names else len(names)


@cache
def parts(model):
    """(related name, part model, the part's foreign key to the item) for each declared part."""
    found = []
    for name in getattr(model, "translation_parts", ()):
        relation = model._meta.get_field(name)
        found.append((name, relation.related_model, relation.field.name))
    return tuple(found)


@cache
def parent_of(model):
    """(item model, foreign key name) when `model` is a part of another model's items."""
    for item_model in translator.get_registered_models(abstract=False):
        for _name, part_model, fk_name in parts(item_model):
            if part_model is model:
                return item_model, fk_name
    return None


def has_text(value):
    return bool(value and str(value).strip())


def column(field, code):
    return f"{field}_{code}"


def missing_own_fields(obj, language):
    """The object's own fields without text in `language` while another language has some."""
    others = [code for code in language_codes() if code != language]
    return [
        field
        for field in text_fields(type(obj))
        if not has_text(getattr(obj, column(field, language), None))
        and any(has_text(getattr(obj, column(field, code), None)) for code in others)
    ]


def missing_fields(obj, language):
    """[(row, field)] of the item and its parts that lack text in `language`."""
    found = [(obj, field) for field in missing_own_fields(obj, language)]
    for name, _model, _fk in parts(type(obj)):
        for part in getattr(obj, name).all():
            found += [(part, field) for field in missing_own_fields(part, language)]
    return found


def is_translated(obj, language):
    """Whether the item has its own text in `language` wherever another language has text."""
    return not missing_fields(obj, language)


def translated_languages(obj):
    """The item's languages, default first; the default alone when none is complete."""
    languages = [code for code in language_codes() if is_translated(obj, code)]
    return languages or [settings.LANGUAGE_CODE]


def _empty_q(name):
    return Q(**{name: ""}) | Q(**{f"{name}__isnull": True})


def _own_missing_q(model, language):
    condition = Q(pk__in=[])
    for field in text_fields(model):
        elsewhere = Q(pk__in=[])
        for code in language_codes():
            if code != language:
                elsewhere |= ~_empty_q(column(field, code))
        condition |= _empty_q(column(field, language)) & elsewhere
    return condition


def missing_q(model, language):
    """The rows of `model` that are not translated into `language`, as a query."""
    condition = _own_missing_q(model, language)
    for _name, part_model, fk_name in parts(model):
        condition |= Exists(
            part_model._base_manager.filter(
                _own_missing_q(part_model, language), **{fk_name: OuterRef("pk")}
            )
        )
    return condition


def translated_q(model, language):
    """The rows of `model` that `translated_languages` lists `language` for, as a query."""
    condition = ~missing_q(model, language)
    if language == settings.LANGUAGE_CODE:
        incomplete = Q()
        for code in language_codes():
            incomplete &= missing_q(model, code)
        condition |= incomplete
    return condition


def part_prefetches(model):
    """The related names to prefetch before asking about many items at once."""
    return [name for name, _model, _fk in parts(model)]


def item_models():
    """The translated models whose items stand on their own (not parts of another's)."""
    return [
        model
        for model in translator.get_registered_models(abstract=False)
        if parent_of(model) is None
    ]
