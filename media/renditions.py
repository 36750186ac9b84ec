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

An animated GIF's renditions show its first frame.
"""

import hashlib
import io
import logging
import os
import posixpath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from PIL import Image

logger = logging.getLogger(__name__)

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
# Part of the cache key of a picture: changing the widths, qualities or names makes new entries.
_VERSION = hashlib.md5(
    repr((RENDITION_WIDTHS, WEBP_QUALITY, FALLBACK_WIDTH, FALLBACK_QUALITY, NAME_PATTERN)).encode(),
    usedforsecurity=False,
).hexdigest()[:8]
PICTURE_CACHE_SECONDS = 30 * 24 * 3600


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


def build_renditions(image, width, height):
    """Make the renditions an image lacks; what the picture tag needs to show it.

    The stored image is read and decoded once, whatever number of renditions is missing.
    """
    storage, folder = image.storage, rendition_folder(image.name)
    widths = target_widths(width)
    fallback_width, fallback_height = fallback_size(width, height)
    specs = [(target, "WEBP", WEBP_QUALITY) for target in widths]
    specs.append((fallback_width, fallback_format(image.name), FALLBACK_QUALITY))
    names = [
        folder + NAME_PATTERN.format(width=w, quality=q, extension=EXTENSIONS[image_format])
        for w, image_format, q in specs
    ]
    missing = [index for index, name in enumerate(names) if not storage.exists(name)]
    if missing:
        with storage.open(image.name, "rb") as stored, Image.open(stored) as source:
            widest = max(specs[index][0] for index in missing)
            # A JPEG is decoded at the smallest scale (1/2, 1/4, 1/8) that still covers
            # the widest rendition: a fraction of the time and memory of a phone's photo.
            source.draft(source.mode, (widest, max(1, round(height * widest / width))))
            source.load()
            icc_profile = source.info.get("icc_profile")
            # Converted once for the WebP renditions, once more for a JPEG fallback.
            converted = {}
            for index in missing:
                target, image_format, quality = specs[index]
                flat = image_format == "JPEG"
                if flat not in converted:
                    converted[flat] = in_mode_for(source, image_format)
                size = (target, max(1, round(height * target / width)))
                data = encode(converted[flat], size, image_format, quality, icc_profile)
                # Another process may have made it meanwhile; the name saved is the one shown.
                names[index] = storage.save(names[index], ContentFile(data))
    *webp, fallback = (storage.url(name) for name in names)
    return {
        "srcset": ", ".join(f"{url} {target}w" for url, target in zip(webp, widths, strict=True)),
        "src": fallback,
        "width": fallback_width,
        "height": fallback_height,
    }


def _cache_key(name):
    digest = hashlib.md5(name.encode(), usedforsecurity=False).hexdigest()
    return f"picture:{_VERSION}:{digest}"


def picture_data(image):
    """srcset, fallback src, width and height of a stored image; None if it is missing.

    Kept in the cache under one key per image, so a page of cards costs one cache read
    per picture and no storage access once the renditions exist.
    """
    if not image:
        return None
    key = _cache_key(image.name)
    data = cache.get(key)
    if data is not None:
        return data
    dimensions = stored_dimensions(image)
    if not dimensions or not image.storage.exists(image.name):
        return None
    try:
        data = build_renditions(image, *dimensions)
    except Exception:
        # A picture that cannot be resized is still shown, as it was uploaded.
        logger.exception("Renditions of %s could not be made", image.name)
        width, height = dimensions
        return {"srcset": "", "src": image.url, "width": width, "height": height}
    cache.set(key, data, PICTURE_CACHE_SECONDS)
    return data


def delete_renditions(name, storage):
    """Remove every rendition of the stored image `name`, and the picture cached for it."""
    folder = rendition_folder(name)
    cache.delete(_cache_key(name))
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


def regenerate_renditions(image):
    """Remove and make again the renditions of one stored image; returns their count."""
    delete_renditions(image.name, image.storage)
    data = picture_data(image)
    if not data or not data["srcset"]:
        return 0
    return len(target_widths(stored_dimensions(image)[0])) + 1
