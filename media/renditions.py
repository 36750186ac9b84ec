"""Renditions of uploaded images: WebP in a few widths, made with sorl-thumbnail.

Every rendition of an image lives in one folder named after the image
(`cache/images/article/2025/06/<uuid>/<key>.webp`), so they are found, regenerated and
removed together, by name alone.
"""

import hashlib
import logging
import os
import posixpath

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from sorl.thumbnail import default
from sorl.thumbnail.base import EXTENSIONS, ThumbnailBackend
from sorl.thumbnail.conf import defaults as default_settings
from sorl.thumbnail.conf import settings as sorl_settings
from sorl.thumbnail.helpers import serialize, tokey
from sorl.thumbnail.images import ImageFile

logger = logging.getLogger(__name__)

# Widths of the WebP renditions in srcset: a phone, a tablet or half a laptop screen, a
# laptop, a large screen. An image is never enlarged; a narrower one gets its own width.
RENDITION_WIDTHS = (480, 800, 1200, 1600)
WEBP_QUALITY = 80
# The <img> fallback for browsers without WebP, in the original's format.
FALLBACK_WIDTH = 1200
FALLBACK_QUALITY = 82
FORMATS_BY_EXTENSION = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}
# Part of the cache key of a picture: changing the widths or qualities makes new entries.
_VERSION = hashlib.md5(
    repr((RENDITION_WIDTHS, WEBP_QUALITY, FALLBACK_WIDTH, FALLBACK_QUALITY)).encode(),
    usedforsecurity=False,
).hexdigest()[:8]
PICTURE_CACHE_SECONDS = 30 * 24 * 3600


class RenditionBackend(ThumbnailBackend):
    """sorl's engine and naming, each image's renditions in a folder of its own.

    sorl's key-value store is left out: it is a database table (so SQL queries on the
    first page that shows an image), and the whole picture is cached here instead. Several
    renditions are made from one decoding of the image, not one decoding each.
    """

    def _get_thumbnail_filename(self, source, geometry_string, options):
        key = tokey(source.key, geometry_string, serialize(options))
        return f"{rendition_folder(source.name)}{key}.{EXTENSIONS[options['format']]}"

    def _full_options(self, options):
        options = dict(options)
        for key, value in self.default_options.items():
            options.setdefault(key, value)
        for key, attr in self.extra_options:
            value = getattr(sorl_settings, attr)
            if value != getattr(default_settings, attr):
                options.setdefault(key, value)
        return options

    def renditions(self, file_, specs):
        """One sorl ImageFile per (geometry, options) in `specs`, made if missing."""
        source = ImageFile(file_)
        wanted = []
        for geometry, options in specs:
            options = self._full_options(options)
            name = self._get_thumbnail_filename(source, geometry, options)
            wanted.append((geometry, options, ImageFile(name, default.storage)))
        missing = [item for item in wanted if not item[2].exists()]
        if missing:
            source_image = default.engine.prepare(default.engine.get_image(source), {})
            try:
                for geometry, options, thumbnail in missing:
                    options["image_info"] = default.engine.get_image_info(source_image)
                    self._create_thumbnail(source_image, geometry, options, thumbnail)
            finally:
                default.engine.cleanup(source_image)
        return [thumbnail for _geometry, _options, thumbnail in wanted]

    def get_thumbnail(self, file_, geometry_string, **options):
        return self.renditions(file_, [(geometry_string, options)])[0]


def rendition_folder(name):
    """The folder that holds the renditions of the stored image `name`."""
    return f"{sorl_settings.THUMBNAIL_PREFIX}{posixpath.splitext(name)[0]}/"


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


def _fallback_format(name):
    extension = posixpath.splitext(name)[1].lower().lstrip(".")
    return FORMATS_BY_EXTENSION.get(extension, "JPEG")


def build_renditions(image, width, height):
    """Make (or find) the renditions of an image; what the picture tag needs to show it."""
    widths = target_widths(width)
    fallback_width, fallback_height = fallback_size(width, height)
    specs = [(str(target), {"format": "WEBP", "quality": WEBP_QUALITY}) for target in widths]
    specs.append(
        (
            str(fallback_width),
            {"format": _fallback_format(image.name), "quality": FALLBACK_QUALITY},
        )
    )
    *webp, fallback = default.backend.renditions(image, specs)
    return {
        "srcset": ", ".join(
            f"{file.url} {target}w" for file, target in zip(webp, widths, strict=True)
        ),
        "src": fallback.url,
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
    """Remove every rendition of the stored image `name`, and what sorl remembers of them."""
    folder = rendition_folder(name)
    cache.delete(_cache_key(name))
    try:
        _directories, files = default.storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return 0
    for file_name in files:
        default.storage.delete(folder + file_name)
    if isinstance(default.storage, FileSystemStorage):
        try:
            os.rmdir(default.storage.path(folder))
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
