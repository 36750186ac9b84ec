"""Uploaded media served by the application itself, when they are not on object storage.

A one-machine deployment then needs no other web server. Only files inside MEDIA_ROOT
are served, under the type their name says, never sniffed; renditions are cached for a
year (their names change whenever their image does), other files for a day.

Files under MEDIA_PRIVATE_PREFIXES (documents) are never served at their media address:
they belong to items that may be drafts, and only their own view (media/downloads.py)
knows whether the visitor may have them.
"""

import posixpath
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

from media.renditions import RENDITION_PREFIX

# The types uploads may have (see media/images.py and documents/validators.py); any
# other file is sent as an opaque download.
MEDIA_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
# What a browser may show in the page or in its own viewer; everything else is a download.
INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"}
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"
ORIGINAL_CACHE_CONTROL = "public, max-age=86400"
PRIVATE_CACHE_CONTROL = "private, no-store"


def media_type(name):
    """The Content-Type of a stored file, from its (generated) name."""
    extension = posixpath.splitext(name)[1].lower().lstrip(".")
    return MEDIA_TYPES.get(extension, "application/octet-stream")


def is_private(name):
    """Whether the stored file `name` is handed out only by a view that checks who asks."""
    return name.startswith(tuple(settings.MEDIA_PRIVATE_PREFIXES))


def cache_control(name):
    if is_private(name):
        return PRIVATE_CACHE_CONTROL
    if name.startswith(RENDITION_PREFIX):
        return RENDITION_CACHE_CONTROL
    return ORIGINAL_CACHE_CONTROL


def _local_file(path):
    """The file under MEDIA_ROOT that `path` names, or Http404."""
    if not isinstance(default_storage, FileSystemStorage):
        # Media on object storage have URLs there; the application does not serve them.
        raise Http404
    # Hidden names (and "..") are never media; a NUL byte is never a file name.
    if "\x00" in path or "\\" in path or any(part.startswith(".") for part in path.split("/")):
        raise Http404
    root = Path(default_storage.location).resolve()
    try:
        candidate = (root / path).resolve(strict=True)
    except (OSError, ValueError):
        raise Http404 from None
    # resolve() follows links: a path or a link leading out of the media folder is refused,
    # and so is one that leads into a private folder, however it is spelled.
    if not candidate.is_relative_to(root) or not candidate.is_file():
        raise Http404
    if is_private(candidate.relative_to(root).as_posix()):
        raise Http404
    return candidate


@require_safe
def serve_media(request, path):
    """One uploaded file, with nosniff and caching headers; 404 for anything else."""
    file_path = _local_file(path)
    stat = file_path.stat()
    headers = {"Cache-Control": cache_control(path), "X-Content-Type-Options": "nosniff"}
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        response = HttpResponseNotModified()
    else:
        content_type = media_type(path)
        response = FileResponse(
            file_path.open("rb"),
            content_type=content_type,
            as_attachment=content_type not in INLINE_TYPES,
            filename=file_path.name,
        )
    response["Last-Modified"] = http_date(stat.st_mtime)
    for header, value in headers.items():
        response[header] = value
    return response
