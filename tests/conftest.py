import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation


def pytest_configure(config):
    # Hashed static names need collectstatic; the suite serves the source files instead.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Renditions are made as the image is saved, as the worker would make them; the tests
    # of the worker itself (tests/media/test_tasks.py) queue them in the database.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's default language, whatever the one before it chose."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Uploaded files of a test go to a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _replica_reads(request, settings):
    """Public reads go to the replica only in tests that name it among their databases.

    Other tests run inside a transaction of the primary's connection, which the replica's
    own connection (a mirror of the same test database) cannot see into.
    """
    marker = request.node.get_closest_marker("django_db")
    databases = (marker.kwargs.get("databases") if marker else None) or ()
    if databases != "__all__" and "replica" not in databases:
        settings.READ_REPLICA_ALIAS = None


@pytest.fixture(autouse=True)
def _search_waiting():
    """Items noted for the search index in a test's rolled-back transaction are forgotten."""
    from search import tracking

    yield
    tracking.discard()


@pytest.fixture(autouse=True)
def _clear_cache():
    """The page cache and the pictures cached per image do not leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for a module's tests and rolled back after them.

    Every later test of the module sees it, so a module either uses it in all its tests
    or not at all. Its files are in the folder this returns: a test that opens them sets
    MEDIA_ROOT to it (each test has a media folder of its own otherwise).
    """
    from search import tracking

    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        with transaction.atomic():
            call_command("load_demo", stdout=io.StringIO())
            tracking.flush()  # indexed in the module's transaction, kept for its tests
            yield media
            transaction.set_rollback(True)


@pytest.fixture(params=["superuser", "editor"])
def staff_client(request, client):
    """A client signed in as a superuser, then as a member of the Editors group."""
    from tests.admin_support import make_editor
    from tests.factories import make_user

    user = make_user(superuser=True) if request.param == "superuser" else make_editor()
    client.force_login(user)
    return client
