"""S3 storage in tests, without a network: botocore's before-send hook answers each request."""

from botocore.awsrequest import AWSResponse

from media.storage import MediaS3Storage

S3_OPTIONS = {
    "bucket_name": "smolyan-media",
    "endpoint_url": "https://s3.example.org",
    "access_key": "test",
    "secret_key": "test",
    "region_name": "eu-central-1",
    "querystring_auth": False,
    "file_overwrite": False,
}


class _Body:
    def __init__(self, data=b""):
        self.data = data

    def stream(self, **kwargs):
        yield self.data


class OfflineBucket:
    """Records what a storage sends to S3; no object exists, every write succeeds."""

    def __init__(self, storage):
        self.requests = []
        storage.connection.meta.client.meta.events.register("before-send.s3", self.answer)

    def answer(self, request, **kwargs):
        self.requests.append(request)
        status = 404 if request.method in ("HEAD", "GET") else 200
        return AWSResponse(request.url, status, {"ETag": '"0"'}, _Body())

    def puts(self):
        """{object key: its headers} of every upload."""
        return {
            request.url.split("/smolyan-media/", 1)[1]: {
                name.lower(): value.decode() if isinstance(value, bytes) else value
                for name, value in request.headers.items()
            }
            for request in self.requests
            if request.method == "PUT"
        }


def s3_storage(**options):
    return MediaS3Storage(**{**S3_OPTIONS, **options})
