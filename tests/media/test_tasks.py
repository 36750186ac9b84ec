"""Renditions are made by the background worker; until then pages show the cleaned original."""

import io
import re

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.template import Context, Template
from django.test import Client
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from PIL import Image

from media.renditions import RENDITION_SET, rendition_folder
from media.tasks import make_renditions
from news.models import Article
from tests.admin_support import admin_url, form_data
from tests.factories import make_article, make_image_file, make_user

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued(settings):
    """Tasks kept in the database until a worker runs them, as in production."""
    settings.TASKS = DATABASE_TASKS


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def renditions_in_storage(image):
    try:
        return sorted(default_storage.listdir(rendition_folder(image.name))[1])
    except FileNotFoundError:
        return []


def article_page(article):
    with translation.override("en"):
        return Client().get(article.get_absolute_url()).text


@pytest.mark.django_db(transaction=True)
def test_pages_show_the_original_until_the_worker_has_made_the_renditions(queued, settings):
    settings.PAGE_CACHE_SECONDS = 600
    article = make_article(
        title_en="Partners meet",
        cover_image=make_image_file("cover.jpg", size=(1600, 1200), image_format="JPEG"),
        cover_image_decorative=True,
    )
    image = article.cover_image
    assert renditions_in_storage(image) == []
    assert DBTaskResult.objects.filter(task_path="media.tasks.make_renditions").count() == 1
    html = article_page(article)
    # The cleaned original at its stored size, no WebP set yet.
    assert f'<img src="/media/{image.name}" alt="" width="1600" height="1200"' in html
    assert "image/webp" not in html

    run_worker()

    assert renditions_in_storage(image) == [
        "1200w-q80.webp",
        "1200w-q82.jpg",
        "1600w-q80.webp",
        "480w-q80.webp",
        "800w-q80.webp",
    ]
    article.refresh_from_db()
    assert article.cover_image_renditions == RENDITION_SET
    # The page cache starts afresh: the next visitor gets the renditions.
    html = article_page(article)
    assert re.search(r'<source type="image/webp" srcset="/media/cache/[^"]+ 480w, ', html)
    assert 'width="1200" height="900"' in html


@pytest.mark.django_db(transaction=True)
def test_a_task_for_an_image_replaced_meanwhile_does_nothing(queued):
    article = make_article(cover_image=make_image_file("a.png"), cover_image_decorative=True)
    old = article.cover_image.name
    article.cover_image = make_image_file("b.png")
    article.save()
    assert make_renditions.call(Article._meta.label, article.pk, "cover_image", old) == 0
    assert renditions_in_storage(article.cover_image) == []
    article.refresh_from_db()
    assert article.cover_image_renditions == ""
    run_worker()
    article.refresh_from_db()
    assert article.cover_image_renditions == RENDITION_SET


@pytest.mark.django_db(transaction=True)
def test_a_save_from_a_form_loaded_before_the_worker_ran_keeps_the_renditions(queued):
    article = make_article(cover_image=make_image_file(), cover_image_decorative=True)
    loaded_earlier = Article.objects.get(pk=article.pk)
    run_worker()
    loaded_earlier.title_en = "Edited"
    loaded_earlier.save()
    article.refresh_from_db()
    assert article.cover_image_renditions == RENDITION_SET


def photo(width=4000, height=3000):
    """A 12-megapixel JPEG with detail in it, as a phone takes."""
    image = Image.effect_mandelbrot((width, height), (-2.0, -1.2, 1.0, 1.2), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return SimpleUploadedFile("phone.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.django_db
def test_the_admin_save_of_a_12_megapixel_photo_makes_no_rendition(queued, client):
    article = make_article(title_en="Partners meet")
    client.force_login(make_user(superuser=True))
    change = admin_url(article, "change")
    data = form_data(client.get(change)) | {
        "cover_image": photo(),
        "cover_image_alt_bg": "Снимка",
        "cover_image_alt_en": "A photo",
    }
    response = client.post(change, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.cover_image_width, article.cover_image_height) == (4000, 3000)
    assert renditions_in_storage(article.cover_image) == []
    assert DBTaskResult.objects.filter(task_path="media.tasks.make_renditions").count() == 1


class WatchedStorage(FileSystemStorage):
    """The file system, noting every call that would reach a remote bucket."""

    calls = []

    def exists(self, name):
        self.calls.append(("exists", name))
        return super().exists(name)

    def open(self, name, mode="rb"):
        self.calls.append(("open", name))
        return super().open(name, mode)

    def size(self, name):
        self.calls.append(("size", name))
        return super().size(name)

    def listdir(self, path):
        self.calls.append(("listdir", path))
        return super().listdir(path)


@pytest.mark.django_db
def test_a_picture_is_shown_from_the_row_alone(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.WatchedStorage"}}
    make_article(cover_image=make_image_file(size=(900, 600)), cover_image_decorative=True)
    article = Article.objects.get()
    WatchedStorage.calls.clear()
    html = Template("{% load images %}{% picture image %}").render(
        Context({"image": article.cover_image})
    )
    assert " 480w, " in html and " 900w" in html
    assert WatchedStorage.calls == []
