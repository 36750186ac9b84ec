"""Uploaded media: served by the application with DEBUG off, or from object storage."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template import Context, Template
from django.utils.http import http_date

from media.renditions import rendition_folder
from media.storage import MediaS3Storage
from news.models import ArticleImage
from tests.factories import make_article, make_document, make_image_file
from tests.object_storage import OfflineBucket, s3_storage

pytestmark = pytest.mark.django_db
REPOSITORY = Path(__file__).resolve().parents[2]


def stored(name, content=b"x"):
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_debug_is_off_in_the_suite():
    assert settings.DEBUG is False


def test_an_uploaded_image_is_served_with_nosniff_and_a_days_caching(client):
    article = make_article(
        cover_image=make_image_file("a.jpg", image_format="JPEG"), cover_image_decorative=True
    )
    response = client.get(article.cover_image.url)
    assert article.cover_image.url.startswith("/media/images/article/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert "Set-Cookie" not in response


def test_renditions_are_cached_for_a_year(client):
    article = make_article(
        cover_image=make_image_file(size=(900, 300)), cover_image_decorative=True
    )
    html = Template("{% load images %}{% picture image %}").render(
        Context({"image": article.cover_image})
    )
    url = html.split('srcset="', 1)[1].split(" ", 1)[0]
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_unchanged_file_is_answered_with_304(client):
    path = stored("images/x/a.png", b"\x89PNG")
    response = client.get(
        "/media/images/x/a.png", HTTP_IF_MODIFIED_SINCE=http_date(path.stat().st_mtime)
    )
    assert response.status_code == 304


def test_a_stored_office_file_is_a_download_and_unknown_types_are_opaque(client):
    stored("files/2025/01/abc.docx", b"PK")
    stored("files/2025/01/abc.html", b"<script>alert(1)</script>")
    docx = client.get("/media/files/2025/01/abc.docx")
    assert docx["Content-Disposition"].startswith("attachment")
    html = client.get("/media/files/2025/01/abc.html")
    assert html["Content-Type"] == "application/octet-stream"
    assert html["Content-Disposition"].startswith("attachment")
    assert html["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/media/../smolyan_portal/settings.py",
        "/media/%2e%2e/smolyan_portal/settings.py",
        "/media/images/%2e%2e/%2e%2e/manage.py",
        "/media/..%2fmanage.py",
        "/media/.secret",
        "/media/images/missing.jpg",
        "/media/images/",
        "/media/images",
        "/media/%00.png",
    ],
)
def test_nothing_outside_the_media_folder_or_missing_is_served(client, path):
    stored(".secret")
    stored("images/present.jpg")
    assert client.get(path).status_code == 404


def test_a_link_out_of_the_media_folder_is_not_followed(client, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("private")
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    os.symlink(outside, media / "link.jpg")
    assert client.get("/media/link.jpg").status_code == 404


def test_only_reading_is_allowed(client):
    stored("images/a.png")
    assert client.post("/media/images/a.png").status_code == 405


def test_with_object_storage_media_urls_point_there_and_the_app_serves_none(client, settings):
    stored("images/a.png")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "media.storage.MediaS3Storage",
            "OPTIONS": {
                "bucket_name": "smolyan-media",
                "endpoint_url": "https://s3.example.org",
                "access_key": "test",
                "secret_key": "test",
                "region_name": "eu-central-1",
                "querystring_auth": False,
            },
        },
    }
    assert (
        default_storage.url("images/a.png") == "https://s3.example.org/smolyan-media/images/a.png"
    )
    assert client.get("/media/images/a.png").status_code == 404


def test_objects_get_their_type_from_their_name_not_from_the_browser():
    storage = MediaS3Storage(bucket_name="b", access_key="k", secret_key="s")
    assert storage.get_object_parameters("documents/2025/01/a.pdf")["ContentType"] == (
        "application/pdf"
    )
    docx = storage.get_object_parameters("documents/2025/01/a.docx")
    assert docx["ContentDisposition"] == "attachment"
    image = storage.get_object_parameters("images/article/2025/01/a.png")
    assert image == {"ContentType": "image/png", "CacheControl": "public, max-age=86400"}
    rendition = storage.get_object_parameters("cache/images/a/1/k.webp")
    assert rendition["CacheControl"] == "public, max-age=31536000, immutable"


def test_an_upload_is_stored_under_the_type_of_its_name_whatever_the_browser_said():
    storage = s3_storage()
    bucket = OfflineBucket(storage)
    upload = ContentFile(b"\x89PNG", name="a.png")
    upload.content_type = "text/html"
    assert storage.save("images/article/2025/01/a.png", upload) == "images/article/2025/01/a.png"
    headers = bucket.puts()["images/article/2025/01/a.png"]
    assert headers["content-type"] == "image/png"
    assert headers["cache-control"] == "public, max-age=86400"


def settings_in_subprocess(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="smolyan_portal.settings", DJANGO_SECRET_KEY="x" * 50, **env
    )
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.STORAGES['default']['BACKEND'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_bucket_variable_switches_media_to_object_storage():
    assert settings_in_subprocess().endswith("FileSystemStorage")
    assert (
        settings_in_subprocess(
            DJANGO_S3_BUCKET="smolyan-media", DJANGO_S3_ENDPOINT_URL="https://s3.example.org"
        )
        == "media.storage.MediaS3Storage"
    )


def test_a_deleted_image_takes_its_file_and_renditions_along(django_capture_on_commit_callbacks):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        item = ArticleImage.objects.create(
            article=article,
            image=make_image_file(size=(1000, 800)),
            image_alt_bg="а",
            image_alt_en="a",
        )
    name, folder = item.image.name, rendition_folder(item.image.name)
    assert len(default_storage.listdir(folder)[1]) == 4  # made once the upload committed
    with django_capture_on_commit_callbacks(execute=True):
        item.delete()
    assert not default_storage.exists(name)
    assert not default_storage.exists(folder)


def test_a_replaced_image_takes_its_old_file_and_renditions_along(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(
            cover_image=make_image_file(size=(600, 400)), cover_image_decorative=True
        )
    article = type(article).objects.get(pk=article.pk)
    old, old_folder = article.cover_image.name, rendition_folder(article.cover_image.name)
    assert default_storage.exists(old_folder)
    article.cover_image = make_image_file("new.png", size=(500, 300))
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    assert not default_storage.exists(old)
    assert not default_storage.exists(old_folder)
    assert default_storage.exists(article.cover_image.name)
    assert (article.cover_image_width, article.cover_image_height) == (500, 300)


def test_the_file_a_save_replaces_is_the_one_the_row_holds(django_capture_on_commit_callbacks):
    article = make_article(cover_image=make_image_file("a.png"), cover_image_decorative=True)
    loaded_early = type(article).objects.get(pk=article.pk)
    article.cover_image = make_image_file("b.png")
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    between = article.cover_image.name
    # An instance loaded before that save replaces what the row holds now, not what it saw.
    loaded_early.cover_image = make_image_file("c.png")
    with django_capture_on_commit_callbacks(execute=True):
        loaded_early.save()
    assert not default_storage.exists(between)
    assert default_storage.exists(loaded_early.cover_image.name)


def test_a_document_file_is_removed_with_its_row_but_a_failed_transaction_keeps_it():
    document = make_document()
    name = document.file.name
    document.delete()  # never committed in this test: the file must stay
    assert default_storage.exists(name)
