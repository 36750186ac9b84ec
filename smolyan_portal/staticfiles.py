"""Static files taken from installed front-end packages, file by file."""

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import matches_patterns
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage


class PackageFilesFinder(BaseFinder):
    """Finds the files named in settings.PACKAGE_STATIC_FILES, and no others.

    A package folder holds more than the pages use, and some of it (jQuery UI's theme
    CSS with URL-encoded quotes) breaks the hashing of collectstatic; so only the files
    we use are published, under the prefix given for their package.
    """

    def __init__(self, app_names=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storages = {}
        self.files = {}
        for prefix, (root, names) in settings.PACKAGE_STATIC_FILES.items():
            storage = FileSystemStorage(location=root)
            storage.prefix = prefix
            self.storages[prefix] = storage
            for name in names:
                self.files[f"{prefix}/{name}"] = (storage, name)

    def check(self, **kwargs):
        return [
            Error(f"{storage.path(name)} does not exist.", id="smolyan_portal.E001")
            for storage, name in self.files.values()
            if not storage.exists(name)
        ]

    def find(self, path, find_all=False, **kwargs):
        found = self.files.get(path)
        if found is None:
            # Django's own finders answer [] for "not here", whatever find_all says.
            return []
        storage, name = found
        match = storage.path(name)
        return [match] if find_all or kwargs.get("all") else match

    def list(self, ignore_patterns):
        for storage, name in self.files.values():
            if not matches_patterns(name, ignore_patterns or []):
                yield name, storage
