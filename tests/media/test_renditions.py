"""The renditions of an image: which files, in which colours, made once, on any storage."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from PIL import Image, ImageCms

from media.renditions import (
    build_renditions,
    delete_renditions,
    picture_data,
    regenerate_renditions,
    rendition_folder,
)
from news.models import ArticleImage
from tests.factories import make_article, make_image_file

pytestmark = pytest.mark.django_db


def upload(image, name, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return SimpleUploadedFile(name, buffer.getvalue())


def renditions_of(image_file):
    """The renditions of a stored image, made by the task queued when it was saved."""
    folder = rendition_folder(image_file.name)
    _dirs, files = image_file.storage.listdir(folder)
    opened = {}
    for name in files:
        with image_file.storage.open(folder + name) as stored, Image.open(stored) as image:
            image.load()
            opened[name] = image
    return opened


def test_each_width_and_the_fallback_are_named_by_width_and_quality():
    article = make_article(
        cover_image=make_image_file("wide.jpg", size=(1000, 400), image_format="JPEG"),
        cover_image_decorative=True,
    )
    files = renditions_of(article.cover_image)
    assert sorted(files) == ["1000w-q80.webp", "1000w-q82.jpg", "480w-q80.webp", "800w-q80.webp"]
    assert {name: image.size for name, image in files.items()} == {
        "480w-q80.webp": (480, 192),
        "800w-q80.webp": (800, 320),
        "1000w-q80.webp": (1000, 400),
        "1000w-q82.jpg": (1000, 400),
    }
    assert files["1000w-q82.jpg"].format == "JPEG"


def test_transparency_is_kept_where_the_format_holds_it():
    logo = Image.new("RGBA", (600, 300), (0, 0, 0, 0))
    logo.paste((200, 30, 30, 255), (0, 0, 300, 300))
    item = ArticleImage.objects.create(
        article=make_article(), image=upload(logo, "logo.png", "PNG"), image_decorative=True
    )
    files = renditions_of(item.image)
    webp, fallback = files["480w-q80.webp"], files["600w-q82.png"]
    assert webp.mode == "RGBA" and webp.getpixel((470, 10))[3] == 0
    assert fallback.mode == "RGBA" and fallback.getpixel((590, 10))[3] == 0
    assert fallback.getpixel((10, 10)) == (200, 30, 30, 255)


def test_a_photo_keeps_its_colour_profile_and_cmyk_becomes_rgb():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    photo = Image.new("CMYK", (900, 600), (0, 200, 200, 0))
    article = make_article(
        cover_image=upload(photo, "print.jpg", "JPEG", icc_profile=profile),
        cover_image_decorative=True,
    )
    for image in renditions_of(article.cover_image).values():
        assert image.mode == "RGB"
        assert image.info.get("icc_profile") == profile


class CountingStorage(FileSystemStorage):
    """The file system, noting which files are opened and saved."""

    opened, saved = [], []

    def open(self, name, mode="rb"):
        self.opened.append(name)
        return super().open(name, mode)

    def save(self, name, content, max_length=None):
        self.saved.append(name)
        return super().save(name, content, max_length=max_length)


def test_only_missing_renditions_are_made_and_the_source_is_read_once(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.CountingStorage"},
    }
    article = make_article(
        cover_image=make_image_file("a.jpg", size=(900, 600), image_format="JPEG"),
        cover_image_decorative=True,
    )
    image = article.cover_image
    folder = rendition_folder(image.name)
    assert build_renditions(image, 900, 600) == 0
    default_storage.delete(folder + "480w-q80.webp")
    default_storage.delete(folder + "900w-q82.jpg")
    CountingStorage.opened.clear()
    CountingStorage.saved.clear()
    assert build_renditions(image, 900, 600) == 2
    assert CountingStorage.opened == [image.name]
    assert sorted(CountingStorage.saved) == [folder + "480w-q80.webp", folder + "900w-q82.jpg"]
    article.refresh_from_db()
    assert picture_data(article.cover_image)["src"] == f"/media/{folder}900w-q82.jpg"
    CountingStorage.opened.clear()
    CountingStorage.saved.clear()
    assert build_renditions(image, 900, 600) == 0
    assert CountingStorage.opened == CountingStorage.saved == []


def test_renditions_go_through_the_storage_api(settings):
    """Object storage is used only through Django's storage API: an in-memory one shows it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.InMemoryStorage",
            "OPTIONS": {"base_url": "https://media.example.org/"},
        },
    }
    article = make_article(
        cover_image=make_image_file("a.jpg", size=(1300, 650), image_format="JPEG"),
        cover_image_decorative=True,
    )
    article.refresh_from_db()
    data = picture_data(article.cover_image)
    folder = rendition_folder(article.cover_image.name)
    assert data["srcset"].startswith(f"https://media.example.org/{folder}480w-q80.webp 480w, ")
    assert data["src"] == f"https://media.example.org/{folder}1200w-q82.jpg"
    assert len(renditions_of(article.cover_image)) == 5
    assert delete_renditions(article.cover_image.name, default_storage) == 5
    assert default_storage.listdir(folder) == ([], [])


@pytest.mark.django_db(transaction=True)
def test_the_table_of_the_former_thumbnail_library_is_dropped():
    call_command("migrate", "media", "zero", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE thumbnail_kvstore (key varchar(200) PRIMARY KEY, value text)")
    call_command("migrate", "media", verbosity=0)
    assert "thumbnail_kvstore" not in connection.introspection.table_names()


def test_regenerating_replaces_renditions_of_an_earlier_naming():
    article = make_article(
        cover_image=make_image_file(size=(500, 400)), cover_image_decorative=True
    )
    folder = rendition_folder(article.cover_image.name)
    default_storage.save(folder + "3f2a9c1b0d8e7f6a5b4c3d2e1f0a9b8c.webp", ContentFile(b"old"))
    assert regenerate_renditions(article, article._meta.get_field("cover_image")) == 3
    assert sorted(default_storage.listdir(folder)[1]) == [
        "480w-q80.webp",
        "500w-q80.webp",
        "500w-q82.png",
    ]
