"""Renditions of uploaded images: WebP in a few widths and a fallback, made with Pillow.

Why Pillow and not sorl-thumbnail, which made them before: the site needs one fixed set of
widths per image, made once from one decoding, kept in a folder of its own and found by
name alone. sorl's public API (`get_thumbnail`) makes one size per call, decodes the
source each time and records every rendition in its key-value table (a database query the
first time each is shown); getting the rest out of it took its private methods, which an
upgrade could change without a word. The few lines below, on the Pillow that already
cleans every upload, do exactly this and are tested as the site's own.

Every rendition of an image lives in one folder named after the image
(`cache/images/article/2025/06/<uuid>/`), so they are found, regenerated and removed
together. A file's name says its width and quality (`800w-q80.webp`): changing either
makes new names, so a rendition can be cached for a year. Files go through the image's
own storage (Django's storage API), on disk or on S3 alike.

Renditions are made by a background task (media/tasks.py), never while a visitor or an
editor waits. The row records the set it has in the image's `renditions_field`
(RENDITION_SET), so a page knows from the row alone, with no storage or cache look-up,
whether to show them or, until they exist, the cleaned original at its stored size.

An animated GIF's renditions show its first frame.
"""

import hashlib
import io
import os
import posixpath

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from PIL import Image

RENDITION_PREFIX = "cache/"
# Widths of the WebP renditions in srcset: a phone, a tablet or half a laptop screen, a
# laptop, a large screen. An image is never enlarged; a narrower one gets its own width.
RENDITION_WIDTHS = (480, 800, 1200, 1600)
WEBP_QUALITY = 80
# The <img> fallback for browsers without WebP, in the original's format.
FALLBACK_WIDTH = 1200
FALLBACK_QUALITY = 82
FORMATS_BY_EXTENSION = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
NAME_PATTERN = "{width}w-q{quality}.{extension}"
# The set of renditions made today, recorded on each row once they exist: a change of the
# widths, qualities or names is a new set, and pages show originals until it is made.
RENDITION_SET = hashlib.md5(
    repr((RENDITION_WIDTHS, WEBP_QUALITY, FALLBACK_WIDTH, FALLBACK_QUALITY, NAME_PATTERN)).encode(),
    usedforsecurity=False,
).hexdigest()[:8]


def rendition_folder(name):
    """The folder that holds the renditions of the stored image `name`."""
    return f"{RENDITION_PREFIX}{posixpath.splitext(name)[0]}/"


def target_widths(width):
    """The widths of the WebP renditions of an image `width` pixels wide."""
    return sorted({min(target, width) for target in RENDITION_WIDTHS})


def fallback_size(width, height):
    fallback_width = min(width, FALLBACK_WIDTH)
    return fallback_width, max(1, round(height * fallback_width / width))


def stored_dimensions(image):
    """Width and height of a stored image, from the row when it keeps them."""
    field, instance = image.field, image.instance
    width = getattr(instance, field.width_field, None) if field.width_field else None
    height = getattr(instance, field.height_field, None) if field.height_field else None
    if width and height:
        return width, height
    try:
        return image.width, image.height
    except (OSError, ValueError, TypeError):
        return None


def fallback_format(name):
    extension = posixpath.splitext(name)[1].lower().lstrip(".")
    return FORMATS_BY_EXTENSION.get(extension, "JPEG")


def in_mode_for(image, image_format):
    """`image` in the colours `image_format` can hold: its transparency kept where it can be."""
    if image.has_transparency_data and image_format != "JPEG":
        return image if image.mode == "RGBA" else image.convert("RGBA")
    if image.has_transparency_data:
        # JPEG has no transparency: what was see-through shows white, as on the page.
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba)
        return flat
    return image if image.mode == "RGB" else image.convert("RGB")


def encode(image, size, image_format, quality, icc_profile=None):
    """`image` (in the mode in_mode_for gave) scaled to `size`, written in `image_format`."""
    # Shrinking in two steps when the factor is large costs far less and looks the same.
    scaled = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    options = {"quality": quality}
    if image_format == "JPEG":
        options.update(optimize=True, progressive=True)
    elif image_format in ("PNG", "GIF"):
        options = {"optimize": True}
    if icc_profile and image_format != "GIF":
        options["icc_profile"] = icc_profile
    output = io.BytesIO()
    scaled.save(output, format=image_format, **options)
    return output.getvalue()


def rendition_specs(name, width, height):
    """(stored name, width, format, quality) of each rendition, the fallback last."""
    folder = rendition_folder(name)
    specs = [(target, "WEBP", WEBP_QUALITY) for target in target_widths(width)]
    specs.append((fallback_size(width, height)[0], fallback_format(name), FALLBACK_QUALITY))
    return [
        (
            folder + NAME_PATTERN.format(width=w, quality=q, extension=EXTENSIONS[image_format]),
            w,
            image_format,
            q,
        )
        for w, image_format, q in specs
    ]


def build_renditions(image, width, height):
    """Make the renditions an image lacks; returns how many were made.

    The stored image is read and decoded once, whatever number of renditions is missing.
    """
    storage = image.storage
    missing = [
        spec for spec in rendition_specs(image.name, width, height) if not storage.exists(spec[0])
    ]
    if not missing:
        return 0
    with storage.open(image.name, "rb") as stored, Image.open(stored) as source:
        widest = max(target for _name, target, _format, _quality in missing)
        # A JPEG is decoded at the smallest scale (1/2, 1/4, 1/8) that still covers
        # the widest rendition: a fraction of the time and memory of a phone's photo.
        source.draft(source.mode, (widest, max(1, round(height * widest / width))))
        source.load()
        icc_profile = source.info.get("icc_profile")
        # Converted once for the WebP renditions, once more for a JPEG fallback.
        converted = {}
        for name, target, image_format, quality in missing:
            flat = image_format == "JPEG"
            if flat not in converted:
                converted[flat] = in_mode_for(source, image_format)
            size = (target, max(1, round(height * target / width)))
            data = encode(converted[flat], size, image_format, quality, icc_profile)
            # Another worker may have made it meanwhile: its file has the same content.
            if not storage.exists(name):
                storage.save(name, ContentFile(data))
    return len(missing)


def picture_data(image):
    """srcset, src, width and height of a stored image for its <picture>; None if none.

    From the row alone: the renditions once the row records them, else the cleaned
    original at its stored size.
    """
    if not image:
        return None
    dimensions = stored_dimensions(image)
    if not dimensions:
        return None
    width, height = dimensions
    renditions_field = getattr(image.field, "renditions_field", None)
    made = getattr(image.instance, renditions_field, "") if renditions_field else ""
    if made != RENDITION_SET:
        return {"srcset": "", "src": image.url, "width": width, "height": height}
    storage = image.storage
    *webp, fallback = rendition_specs(image.name, width, height)
    fallback_width, fallback_height = fallback_size(width, height)
    return {
        "srcset": ", ".join(f"{storage.url(name)} {target}w" for name, target, *_rest in webp),
        "src": storage.url(fallback[0]),
        "width": fallback_width,
        "height": fallback_height,
    }


def delete_renditions(name, storage):
    """Remove every rendition of the stored image `name`."""
    folder = rendition_folder(name)
    try:
        _directories, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return 0
    for file_name in files:
        storage.delete(folder + file_name)
    if isinstance(storage, FileSystemStorage):
        try:
            os.rmdir(storage.path(folder))
        except OSError:
            pass
    return len(files)


def record_renditions(row, field):
    """Note on the row that its image has today's renditions, unless it has another image now.

    Saved with update_fields, so the page cache starts afresh and pages show them.
    """
    name = getattr(row, field.attname).name
    with transaction.atomic():
        current = (
            type(row)
            ._base_manager.select_for_update()
            .filter(pk=row.pk, **{field.attname: name})
            .exists()
        )
        if current:
            setattr(row, field.renditions_field, RENDITION_SET)
            row.save(update_fields=[field.renditions_field])
    return current


def make_renditions_of(row, field):
    """Make the missing renditions of a row's image and record them; how many were made."""
    image = getattr(row, field.attname)
    dimensions = stored_dimensions(image)
    if not image or not dimensions or not image.storage.exists(image.name):
        return 0
    made = build_renditions(image, *dimensions)
    if field.renditions_field:
        record_renditions(row, field)
    return made


def regenerate_renditions(row, field):
    """Remove and make again the renditions of one row's image; returns their count."""
    image = getattr(row, field.attname)
    delete_renditions(image.name, image.storage)
    return make_renditions_of(row, field)
