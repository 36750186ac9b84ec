"""Images in the admin as pictures: beside each image field, and first in the lists.

A model admin that uses `ImagePreviewAdminMixin` shows, beside the file input of every
image field, the picture now stored; its list begins with a small picture of the item's
first image field. The pictures are the smallest WebP rendition the pages use anyway.
"""

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from media.renditions import picture_data

FORM_WIDTH = 120
LIST_WIDTH = 64


def thumbnail(image, width):
    """An <img> of the stored image `width` pixels wide, or "" when there is none."""
    data = picture_data(image) if image else None
    if not data:
        return ""
    # The first WebP rendition is the narrowest; the fallback when none could be made.
    src = data["srcset"].split(" ", 1)[0] if data["srcset"] else data["src"]
    height = max(1, round(width * data["height"] / data["width"]))
    # The file name and the alt text fields beside it say what it is; it adds no words.
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" class="admin-thumbnail" loading="lazy">',
        src,
        width,
        height,
    )


class ImagePreviewInput(AdminFileWidget):
    """The admin's file input of an image, with the stored picture above it."""

    template_name = "media/widgets/image_preview_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        is_stored = self.is_initial(value) and getattr(value, "name", "")
        context["widget"]["thumbnail"] = thumbnail(value, FORM_WIDTH) if is_stored else ""
        return context


class ImagePreviewAdminMixin:
    """Pictures beside the image fields of the form and, for a model admin, in its list."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.ImageField):
            kwargs["widget"] = ImagePreviewInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def _list_image_field(self):
        return next(
            (
                field.name
                for field in self.model._meta.fields
                if isinstance(field, models.ImageField)
            ),
            None,
        )

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if self._list_image_field() and "list_thumbnail" not in columns:
            columns.insert(0, "list_thumbnail")
        return columns

    def get_list_display_links(self, request, list_display):
        if not self.list_display_links and list_display[0] == "list_thumbnail":
            # The title stays the link to the item, as in every other list.
            return list_display[1:2]
        return super().get_list_display_links(request, list_display)

    @admin.display(description=_("picture"))
    def list_thumbnail(self, obj):
        name = self._list_image_field()
        return thumbnail(getattr(obj, name), LIST_WIDTH) if name else ""
