"""Model fields shared by the content apps."""

import copy

from django.db.models.query_utils import DeferredAttribute
from django.utils.safestring import SafeString
from django_prose_editor.fields import ProseEditorField

from .sanitize import RICH_TEXT_EXTENSIONS, sanitize_html


class RichText(str):
    """Stored rich text: a template shows it cleaned, never as it was written.

    save() cleans what it stores, but a queryset update(), a fixture or a restored
    revision write rows without it. A template prints this value through __html__ (as
    `{{ article.body }}`, with no `|safe`), so what reaches a visitor is cleaned whatever
    wrote the row. Only pages that show the text pay for it, not every query that loads it.
    """

    __slots__ = ()

    def __html__(self):
        return SafeString(sanitize_html(self))


class RichTextField(ProseEditorField):
    """Rich text edited with the site's editor toolbar and cleaned by sanitize_html.

    modeltranslation copies the field for each language column, so every column is
    cleaned by the same pre_save() and read back as RichText.
    """

    def __init__(self, *args, **kwargs):
        # The toolbar and the allow-list are the site's, not each model's: one sanitiser
        # for forms, full_clean() and save() means they can never disagree.
        kwargs.pop("config", None)
        kwargs["extensions"] = copy.deepcopy(RICH_TEXT_EXTENSIONS)
        kwargs["sanitize"] = sanitize_html
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "publishing.fields.RichTextField", args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(**{"sanitize": sanitize_html, **kwargs})

    def from_db_value(self, value, expression, connection):
        return None if value is None else RichText(value)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if value is None:
            return None
        cleaned = RichText(sanitize_html(value))
        # The instance keeps what its row holds. Not through modeltranslation's attribute
        # on the untranslated name, though: writing there would copy a language's text,
        # or its fallback, into the active language's column.
        if isinstance(getattr(type(model_instance), self.attname, None), DeferredAttribute):
            setattr(model_instance, self.attname, cleaned)
        return cleaned
