"""Model fields shared by the content apps."""

import copy

from django_prose_editor.fields import ProseEditorField

from .sanitize import RICH_TEXT_EXTENSIONS, sanitize_html


class RichTextField(ProseEditorField):
    """Rich text edited with the site's editor toolbar and cleaned by sanitize_html."""

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
