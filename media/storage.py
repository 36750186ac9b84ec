"""Media on S3-compatible object storage (django-storages), switched on by DJANGO_S3_BUCKET."""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name, safe_join

from media.serving import INLINE_TYPES, cache_control, is_private, media_type

# Long enough to follow the download view's redirect; too short to pass the link around.
PRIVATE_URL_SECONDS = 300


class MediaS3Storage(S3Storage):
    """Objects get their type from their generated name, never from the uploader's browser.

    A browser's claimed type is not trusted (a PDF sent as text/html would be served as
    a page from the bucket's host); documents are downloads; renditions are cached for a
    year, like the application serves them itself.

    Private files (settings.MEDIA_PRIVATE_PREFIXES: documents) are stored "private" when
    objects carry ACLs, and their URLs are always signed for a few minutes, from the bucket
    itself: a CDN in front of it would keep a copy for anyone.
    """

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        content_type = media_type(name)
        params["ContentType"] = content_type
        params.setdefault("CacheControl", cache_control(name))
        if content_type not in INLINE_TYPES:
            params.setdefault("ContentDisposition", "attachment")
        if self.default_acl and is_private(name):
            params["ACL"] = "private"
        return params

    def url(self, name, parameters=None, expire=None, http_method=None):
        if not is_private(name):
            return super().url(name, parameters, expire, http_method)
        params = {
            **(parameters or {}),
            "Bucket": self.bucket_name,
            "Key": safe_join(self.location, clean_name(name)),
        }
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=expire or PRIVATE_URL_SECONDS,
            HttpMethod=http_method,
        )
