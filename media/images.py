"""Uploaded images: what is accepted, and how it is cleaned before it is stored."""

import io
import posixpath
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from media.cleanup import is_new_upload
from media.licences import ImageLicence

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# Pillow format name -> the format it is stored in. Phones write their JPEGs with an extra
# preview picture, which Pillow reads as MPO; the stored file is the plain JPEG.
ALLOWED_IMAGE_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "GIF"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def image_upload_to(instance, filename):
    """A generated name: the uploader's file name says nothing about the stored file."""
    extension = posixpath.splitext(filename)[1].lower().lstrip(".") or "img"
    folder = instance._meta.model_name
    return f"images/{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


def _invalid():
    return ValidationError(
        _("The file is not an image that can be read. Upload a JPEG, PNG, WebP or GIF image."),
        code="image_invalid",
    )


def _open_verified(file, *, full_decode=True):
    """Open an uploaded file as an image, or raise ValidationError in words.

    With `full_decode=False` a JPEG is decoded at an eighth of its size: every compressed
    block is still read, so a damaged file is caught, at a fraction of the time and memory.
    """
    size = getattr(file, "size", None)
    if size is None or size <= MAX_IMAGE_BYTES:
        # Pillow reads from its own copy, which it may close; the caller's file stays open.
        file.seek(0)
        data = file.read(MAX_IMAGE_BYTES + 1)
        file.seek(0)
        size = len(data)
    if size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is %(size)s; the largest accepted is %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_IMAGE_BYTES)},
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in ALLOWED_IMAGE_FORMATS:
                raise ValidationError(
                    _("Upload a JPEG, PNG, WebP or GIF image; this file is %(format)s."),
                    code="image_format",
                    params={"format": image_format},
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
        image = Image.open(io.BytesIO(data))
        if not full_decode and image.format in ("JPEG", "MPO"):
            image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
        image.load()
    except ValidationError:
        raise
    except Exception:
        # Pillow's own errors (UnidentifiedImageError, OSError, DecompressionBombError…) and
        # whatever a malformed file trips inside a decoder: it is still just a bad upload.
        raise _invalid() from None
    return image


def validate_image_file(file):
    """Field validator: an allowed format, verifiable pixels, within the size limits."""
    if not file or not is_new_upload(file):
        return
    _open_verified(file, full_decode=False).close()


def clean_image(file):
    """The image re-encoded upright and without metadata (EXIF, GPS, XMP, comments).

    Returns the bytes and the format they are in. The colour profile is kept: it is not
    personal, and without it a phone's wide-gamut photo looks washed out.
    """
    image = _open_verified(file)
    image_format = ALLOWED_IMAGE_FORMATS[image.format]
    icc_profile = image.info.get("icc_profile")
    if image_format == "GIF" and getattr(image, "is_animated", False):
        # Animated GIFs carry no EXIF; every frame is written again, without comments.
        cleaned = image
        options = {"save_all": True, "loop": image.info.get("loop", 0), "comment": b""}
    else:
        cleaned = ImageOps.exif_transpose(image)
        # The copy still holds the original's EXIF, XMP and comment in .info, and some
        # encoders write what they find there: start from nothing.
        cleaned.info = {}
        options = {}
        if image_format == "JPEG":
            if cleaned.mode not in ("RGB", "L", "CMYK"):
                cleaned = cleaned.convert("RGB")
            options = {"quality": 90, "optimize": True, "comment": b""}
        elif image_format == "WEBP":
            options = {"quality": 90}
        elif image_format == "GIF":
            options = {"comment": b""}
        if image_format in ("PNG", "GIF") and "transparency" in image.info:
            options["transparency"] = image.info["transparency"]
    if icc_profile and image_format != "GIF":
        options["icc_profile"] = icc_profile
    output = io.BytesIO()
    cleaned.save(output, format=image_format, **options)
    image.close()
    return output.getvalue(), image_format


class CleanedImageFieldFile(ImageFieldFile):
    """Whatever path stores a new image (form, create(), save(), file.save()) cleans it."""

    def save(self, name, content, save=True):
        data, image_format = clean_image(content)
        stem = posixpath.splitext(posixpath.basename(name or "image"))[0] or "image"
        name = f"{stem}.{EXTENSIONS[image_format]}"
        # Named, because Django reads the new width and height from this content.
        super().save(name, ContentFile(data, name=name), save=save)


class CleanedImageField(models.ImageField):
    """An image field whose files are stored upright and without metadata.

    `renditions_field` names the field that records which renditions the stored image has
    (media/renditions.py); until they are made, pages show the cleaned original.
    """

    attr_class = CleanedImageFieldFile

    def __init__(self, *args, renditions_field=None, **kwargs):
        self.renditions_field = renditions_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.renditions_field:
            kwargs["renditions_field"] = self.renditions_field
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        # Django's own words for an unreadable file do not say what would be accepted.
        messages = {"invalid_image": _invalid().message, **kwargs.pop("error_messages", {})}
        return super().formfield(error_messages=messages, **kwargs)


def renditions_made_field():
    """The field that names the set of renditions an image has; empty until they are made."""
    return models.CharField(
        _("renditions made"), max_length=16, blank=True, default="", editable=False
    )


class ImageFieldsMixin:
    """Asks for alt text for the images of a model.

    Every image field is one group of names: `<name>`, then `<name>_width` and
    `<name>_height` (filled in by Django), `<name>_renditions` (media/renditions.py),
    `<name>_alt` (translated), `<name>_decorative`, `<name>_credit` (translated) and
    `<name>_licence`. `alt_text_images` lists the image
    fields whose alt text is asked for.
    """

    alt_text_images = ()

    def clean(self):
        super().clean()
        errors = {}
        for name in self.alt_text_images:
            if not getattr(self, name) or getattr(self, f"{name}_decorative"):
                continue
            for code, language in settings.LANGUAGES:
                column = f"{name}_alt_{code}"
                if not (getattr(self, column, "") or "").strip():
                    errors[column] = ValidationError(
                        _(
                            "Describe the image in %(language)s, or mark it as decorative "
                            "if it adds nothing to the text."
                        ),
                        code="alt_required",
                        params={"language": language},
                    )
        if errors:
            raise ValidationError(errors)


def credit_field():
    """Who made the image, shown under it; translated by each model's translation.py."""
    return models.CharField(
        _("image credit"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who took or made the picture, e.g. Ivan Petrov or the Municipality of Smolyan."
        ),
    )


def licence_field():
    """The licence the image is shown under; empty for the site's own."""
    return models.CharField(
        _("image licence"),
        max_length=20,
        choices=ImageLicence,
        blank=True,
        default=ImageLicence.SITE,
        help_text=_("Leave the site's licence unless the image's author gave it under another."),
    )


class CoverImage(ImageFieldsMixin, models.Model):
    """The cover image of a page, its size and its alt text (translated by each model)."""

    alt_text_images = ("cover_image",)

    cover_image = CleanedImageField(
        _("cover image"),
        upload_to=image_upload_to,
        blank=True,
        validators=[validate_image_file],
        width_field="cover_image_width",
        height_field="cover_image_height",
        renditions_field="cover_image_renditions",
    )
    cover_image_width = models.PositiveIntegerField(_("width in pixels"), null=True, editable=False)
    cover_image_height = models.PositiveIntegerField(
        _("height in pixels"), null=True, editable=False
    )
    cover_image_renditions = renditions_made_field()
    cover_image_alt = models.CharField(_("cover image alt text"), max_length=250, blank=True)
    cover_image_decorative = models.BooleanField(
        _("cover image is decorative"),
        default=False,
        help_text=_(
            "Tick only when the image adds nothing to the text; it then needs no alt text."
        ),
    )
    cover_image_credit = credit_field()
    cover_image_licence = licence_field()

    class Meta:
        abstract = True


class Logo(models.Model):
    """A logo shown beside a name, so it needs no alt text of its own."""

    logo = CleanedImageField(
        _("logo"),
        upload_to=image_upload_to,
        blank=True,
        validators=[validate_image_file],
        width_field="logo_width",
        height_field="logo_height",
        renditions_field="logo_renditions",
        help_text=_("Shown beside the name, so it needs no alt text."),
    )
    logo_width = models.PositiveIntegerField(_("width in pixels"), null=True, editable=False)
    logo_height = models.PositiveIntegerField(_("height in pixels"), null=True, editable=False)
    logo_renditions = renditions_made_field()

    class Meta:
        abstract = True
