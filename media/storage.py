"""Media on S3-compatible object storage (django-storages), switched on by DJANGO_S3_BUCKET."""

from storages.backends.s3 import S3Storage

from media.serving import INLINE_TYPES, cache_control, media_type


class MediaS3Storage(S3Storage):
    """Objects get their type from their generated name, never from the uploader's browser.

    A browser's claimed type is not trusted (a PDF sent as text/html would be served as
    a page from the bucket's host); documents are downloads; renditions are cached for a
    year, like the application serves them itself.
    """

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        content_type = media_type(name)
        params["ContentType"] = content_type
        params.setdefault("CacheControl", cache_control(name))
        if content_type not in INLINE_TYPES:
            params.setdefault("ContentDisposition", "attachment")
        return params
