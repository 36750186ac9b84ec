"""A private stored file handed to one reader, once its view has checked that they may have it.

On the file system the file is streamed, never sniffed, under a readable name. On S3 the
reader is sent to a link signed for a few minutes (media/storage.py), which asks S3 for
the same name, type and caching; the application does not carry the bytes.
"""

from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.http import content_disposition_header
from storages.backends.s3 import S3Storage

from media.serving import INLINE_TYPES, PRIVATE_CACHE_CONTROL, media_type

# Shared caches may keep a published file an hour, so unpublishing it takes effect within
# the hour; a draft's file is kept by nobody.
PUBLISHED_CACHE_CONTROL = "public, max-age=3600"


def download(file, *, filename, public):
    """The response that hands the stored `file` over as `filename`; 404 when it is missing.

    `public` says that anyone may have the file (its item is published), so caches may
    keep it.
    """
    content_type = media_type(file.name)
    as_attachment = content_type not in INLINE_TYPES
    cache_control = PUBLISHED_CACHE_CONTROL if public else PRIVATE_CACHE_CONTROL
    storage = file.storage
    if isinstance(storage, S3Storage):
        url = storage.url(
            file.name,
            parameters={
                "ResponseContentType": content_type,
                "ResponseContentDisposition": content_disposition_header(as_attachment, filename),
                "ResponseCacheControl": cache_control,
            },
        )
        response = HttpResponseRedirect(url)
        # The link expires within minutes: nobody may keep the redirect to it.
        response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        return response
    try:
        handle = storage.open(file.name, "rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=as_attachment, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = cache_control
    return response
