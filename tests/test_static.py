"""Static files as production serves them: collected, hashed and compressed."""

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


@pytest.mark.django_db
def test_collectstatic_hashes_and_compresses_every_file_pages_use(collected, client):
    html = client.get("/en/").content.decode()
    stylesheet = next(
        line for line in html.splitlines() if 'rel="stylesheet"' in line and "site." in line
    )
    hashed = stylesheet.split('href="/static/')[1].split('"')[0]
    assert hashed != "css/site.css" and hashed.startswith("css/site.")
    for suffix in ("", ".gz", ".br"):
        assert (collected / f"{hashed}{suffix}").exists()
    # The package files the admin and the map load are there, hashed too.
    manifest = (collected / "staticfiles.json").read_text()
    assert "xstatic/jquery-ui/jquery-ui.min.js" in manifest
    assert "xstatic/leaflet/leaflet-src.esm.js" in manifest


def test_only_the_package_files_we_use_are_published():
    assert finders.find("xstatic/jquery-ui/jquery-ui.min.js")
    assert finders.find("xstatic/leaflet/images/marker-icon.png")
    # jQuery UI's theme CSS, which breaks the hashing of collectstatic, stays out.
    assert finders.find("xstatic/jquery-ui/jquery-ui.theme.css") is None
