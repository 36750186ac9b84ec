"""Uploaded images: what is accepted, and how it is cleaned before it is stored."""

import io
import posixpath
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# Pillow format name -> file extension we store it under.
ALLOWED_IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def image_upload_to(instance, filename):
    """A generated name: the uploader's file name says nothing about the stored file."""
    extension = posixpath.splitext(filename)[1].lower().lstrip(".") or "img"
    folder = instance._meta.model_name
    return f"images/{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def _open_verified(file):
    """Open an uploaded file as an image, or raise ValidationError in words."""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the largest accepted is %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
        )
    file.seek(0)
    try:
        with Image.open(file) as probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in ALLOWED_IMAGE_FORMATS:
                raise ValidationError(
                    _("Upload a JPEG, PNG, WebP or GIF image; this file is %(format)s."),
                    code="image_format",
                    params={"format": image_format or _("not an image")},
                )
            # Checked before any pixel is decoded, so a decompression bomb costs nothing.
            if width * height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    _(
                        "The image is %(width)s × %(height)s pixels; the largest accepted "
                        "is 40 megapixels."
                    ),
                    code="image_too_many_pixels",
                    params={"width": width, "height": height},
                )
            probe.verify()
        file.seek(0)
        image = Image.open(file)
        image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("The file is not an image that can be read. Upload a JPEG, PNG, WebP or GIF image."),
            code="image_invalid",
        ) from None
    finally:
        file.seek(0)
    return image


def validate_image_file(file):
    """Field validator: an allowed format, verifiable pixels, within the size limits."""
    if not file or getattr(file, "_committed", False):
        # A stored file was checked when it was uploaded; re-saving a form must not reopen it.
        return
    _open_verified(file).close()


def clean_image(file):
    """The image re-encoded upright and without metadata (EXIF, GPS, comments)."""
    image = _open_verified(file)
    image_format = image.format
    save_options = {}
    if image_format == "GIF" and getattr(image, "is_animated", False):
        # Animated GIFs carry no EXIF; re-saving every frame drops comments and extensions.
        save_options = {"save_all": True, "loop": image.info.get("loop", 0)}
        cleaned = image
    else:
        cleaned = ImageOps.exif_transpose(image)
        if image_format == "JPEG" and cleaned.mode not in ("RGB", "L", "CMYK"):
            cleaned = cleaned.convert("RGB")
        if image_format == "JPEG":
            save_options = {"quality": 90, "optimize": True}
        elif image_format == "WEBP":
            save_options = {"quality": 90}
        elif image_format == "PNG":
            save_options = {"optimize": True}
    output = io.BytesIO()
    # No exif= and no pnginfo=: nothing of the original metadata is written back.
    cleaned.save(output, format=image_format, **save_options)
    image.close()
    return output.getvalue(), image_format


class ImageFieldsMixin:
    """Cleans newly assigned images on every save path, and asks for alt text.

    `image_fields` names the image fields to clean; `image_alt_fields` maps an image
    field to its translated alt-text field and the field that marks it decorative.
    """

    image_fields = ()
    image_alt_fields = {}

    def clean(self):
        super().clean()
        errors = {}
        for image_field, (alt_field, decorative_field) in self.image_alt_fields.items():
            if not getattr(self, image_field):
                continue
            if decorative_field and getattr(self, decorative_field):
                continue
            for code, name in settings.LANGUAGES:
                column = f"{alt_field}_{code}"
                if not (getattr(self, column, "") or "").strip():
                    errors[column] = ValidationError(
                        _(
                            "Describe the image in %(language)s, or mark it as decorative "
                            "if it adds nothing to the text."
                        ),
                        code="alt_required",
                        params={"language": name},
                    )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        for name in self.image_fields:
            field_file = getattr(self, name)
            if field_file and not field_file._committed:
                content, image_format = clean_image(field_file.file)
                stem = posixpath.splitext(posixpath.basename(field_file.name))[0]
                extension = ALLOWED_IMAGE_FORMATS[image_format]
                field_file.save(f"{stem}.{extension}", ContentFile(content), save=False)
        super().save(*args, **kwargs)
