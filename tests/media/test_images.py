"""Image uploads: what is refused and accepted, how stored files are cleaned, renditions."""

import io
import re
import struct
import sys
import zlib

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation
from PIL import Image

from media.renditions import RENDITION_WIDTHS, rendition_folder
from news.models import ArticleImage
from tests.factories import make_article, make_image_file

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112
RED, BLUE = (220, 20, 20), (20, 20, 220)


class GalleryImageForm(forms.ModelForm):
    class Meta:
        model = ArticleImage
        fields = ["image", "image_alt_bg", "image_alt_en", "image_decorative"]


def submit(upload, language, **data):
    with translation.override(language):
        form = GalleryImageForm(
            data={"image_alt_bg": "Снимка", "image_alt_en": "Photo", **data},
            files={"image": upload},
            instance=ArticleImage(article=make_article()),
        )
        valid = form.is_valid()
        return form, valid, [str(message) for message in form.errors.get("image", [])]


def image_bytes(image_format, size=(64, 48), mode="RGB", **save):
    buffer = io.BytesIO()
    Image.new(mode, size, (20, 90, 140) if mode == "RGB" else 1).save(
        buffer, format=image_format, **save
    )
    return buffer.getvalue()


def png_declaring(width, height):
    """A PNG of width × height black pixels: 50 megapixels compress to a few kilobytes."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def phone_photo():
    """A JPEG as a phone writes it: held sideways (orientation 6), with GPS position."""
    image = Image.new("RGB", (60, 40), BLUE)
    image.paste(RED, (0, 0, 30, 40))  # left half red: after turning upright, the top half
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (41.0, 34.0, 30.0), 3: "E", 4: (24.0, 41.0, 10.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=95, comment=b"taken at home")
    return buffer.getvalue()


REFUSED = {
    "svg-with-script": (
        "drawing.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "image/svg+xml",
        (
            "Файлът не е изображение, което може да бъде прочетено",
            "The file is not an image that can be read. Upload a JPEG, PNG, WebP or GIF image.",
        ),
    ),
    "html-dressed-as-jpeg": (
        "photo.jpg",
        b"<html><body><script>alert(1)</script></body></html>",
        "image/jpeg",
        (
            "Файлът не е изображение, което може да бъде прочетено",
            "The file is not an image that can be read.",
        ),
    ),
    "bmp": (
        "scan.bmp",
        image_bytes("BMP"),
        "image/bmp",
        ("този файл е BMP", "Upload a JPEG, PNG, WebP or GIF image; this file is BMP."),
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
@pytest.mark.parametrize("language", ["bg", "en"])
def test_uploads_that_are_not_allowed_images_are_refused_in_the_editors_language(case, language):
    name, content, content_type, (bulgarian, english) = REFUSED[case]
    form, valid, errors = submit(SimpleUploadedFile(name, content, content_type), language)
    assert not valid
    assert any((bulgarian if language == "bg" else english) in error for error in errors), errors
    assert ArticleImage.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("bg", "Изображението е 10000 × 5000 пиксела; най-голямото допустимо е 40 мегапиксела."),
        ("en", "The image is 10000 × 5000 pixels; the largest accepted is 40 megapixels."),
    ],
)
def test_a_50_megapixel_png_bomb_is_refused_before_it_is_decoded(language, expected):
    content = png_declaring(10_000, 5_000)
    assert len(content) < 100_000  # a few kilobytes that would decode to 50 MB
    form, valid, errors = submit(SimpleUploadedFile("bomb.png", content, "image/png"), language)
    assert not valid
    assert errors == [expected]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("bg", "Изображението е 12,0\xa0МБ; най-големият допустим размер е 10,0\xa0МБ."),
        ("en", "The image is 12.0\xa0MB; the largest accepted is 10.0\xa0MB."),
    ],
)
def test_an_image_over_10_mb_is_refused(language, expected):
    padding = b"\x00" * (12 * 1024 * 1024 - len(image_bytes("PNG")))
    content = image_bytes("PNG") + padding  # a valid PNG, with 12 MB of trailing bytes
    form, valid, errors = submit(SimpleUploadedFile("big.png", content, "image/png"), language)
    assert not valid
    assert errors == [expected]


@pytest.mark.parametrize(
    ("image_format", "name", "extension", "options"),
    [
        ("JPEG", "photo.jpeg", "jpg", {}),
        ("PNG", "chart.png", "png", {}),
        ("WEBP", "banner.webp", "webp", {}),
        ("GIF", "icon.gif", "gif", {}),
        (
            "MPO",
            "phone.jpg",
            "jpg",
            {"save_all": True, "append_images": [Image.new("RGB", (8, 8))]},
        ),
    ],
)
def test_allowed_images_are_accepted_and_stored_under_a_generated_name(
    image_format, name, extension, options
):
    content = image_bytes(image_format, size=(64, 48), **options)
    form, valid, errors = submit(SimpleUploadedFile(name, content), "bg")
    assert valid, errors
    item = form.save()
    assert re.fullmatch(
        rf"images/articleimage/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}\.{extension}", item.image.name
    )
    assert (item.image_width, item.image_height) == (64, 48)
    with default_storage.open(item.image.name) as stored, Image.open(stored) as image:
        assert image.format == ("JPEG" if image_format == "MPO" else image_format)


def test_a_plain_save_turns_a_phone_photo_upright_and_strips_gps_and_comments():
    article = make_article()
    item = ArticleImage(article=article, image_alt_bg="Снимка", image_alt_en="Photo")
    item.image = ContentFile(phone_photo(), name="IMG_0001.jpg")
    item.save()

    item.refresh_from_db()
    assert (item.image_width, item.image_height) == (40, 60)
    with default_storage.open(item.image.name) as stored:
        raw = stored.read()
    assert b"taken at home" not in raw
    assert b"PhoneMaker" not in raw
    image = Image.open(io.BytesIO(raw))
    assert image.size == (40, 60)
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info and "comment" not in image.info
    top, bottom = image.convert("RGB").getpixel((20, 10)), image.convert("RGB").getpixel((20, 50))
    assert top[0] > 150 > top[2], top  # red on top: turned the right way, not upside down
    assert bottom[2] > 150 > bottom[0], bottom


def test_saving_through_the_field_file_cleans_the_image_too():
    item = ArticleImage(article=make_article(), image_alt_bg="Снимка", image_alt_en="Photo")
    item.image.save("IMG_0002.jpg", ContentFile(phone_photo()))
    with default_storage.open(item.image.name) as stored, Image.open(stored) as image:
        assert image.size == (40, 60)
        assert dict(image.getexif()) == {}


def test_a_png_keeps_its_transparency_and_loses_its_text_chunks():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "GPS 41.57 24.68")
    content = image_bytes("PNG", mode="RGBA", pnginfo=info)
    item = make_article(
        cover_image=SimpleUploadedFile("logo.png", content), cover_image_decorative=True
    )
    with default_storage.open(item.cover_image.name) as stored:
        raw = stored.read()
    assert b"GPS 41.57" not in raw
    assert Image.open(io.BytesIO(raw)).mode == "RGBA"


@pytest.mark.parametrize("language", ["bg", "en"])
def test_alt_text_is_asked_for_in_each_language_unless_the_image_is_decorative(language):
    with translation.override(language):
        form, valid, _errors = submit(make_image_file(), language, image_alt_en="")
        assert not valid
        message = form.errors["image_alt_en"][0]
        if language == "bg":
            assert message.startswith("Опишете изображението на ")
        else:
            assert message.startswith("Describe the image in English")
    form, valid, errors = submit(
        make_image_file(), language, image_alt_bg="", image_alt_en="", image_decorative="on"
    )
    assert valid, form.errors


def render(template, **context):
    return Template("{% load images %}" + template).render(Context(context))


def test_the_picture_tag_offers_webp_renditions_with_sizes_and_an_original_format_fallback():
    article = make_article(
        cover_image=make_image_file("wide.jpg", size=(2000, 1000), image_format="JPEG"),
        cover_image_alt_bg="Площад",
        cover_image_alt_en="Square",
    )
    html = render(
        '{% picture article.cover_image alt="Square" sizes="(min-width: 40rem) 50vw, 100vw" %}',
        article=article,
    )
    source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', html)
    assert source, html
    assert source.group(2) == "(min-width: 40rem) 50vw, 100vw"
    candidates = [part.strip().rsplit(" ", 1) for part in source.group(1).split(",")]
    assert [width for _url, width in candidates] == [f"{w}w" for w in RENDITION_WIDTHS]
    folder = rendition_folder(article.cover_image.name)
    for url, width in candidates:
        assert url.startswith(f"/media/{folder}") and url.endswith(".webp")
        with (
            default_storage.open(url.removeprefix("/media/")) as stored,
            Image.open(stored) as image,
        ):
            assert image.format == "WEBP"
            assert image.width == int(width[:-1])
    img = re.search(r"<img [^>]+>", html).group(0)
    assert 'alt="Square"' in img and 'width="1200"' in img and 'height="600"' in img
    assert 'loading="lazy"' in img
    fallback = re.search(r'src="([^"]+)"', img).group(1)
    assert fallback.endswith(".jpg") and fallback.startswith(f"/media/{folder}")
    assert html.startswith("<picture>") and html.endswith("</picture>")


def test_a_small_image_is_never_enlarged_and_an_eager_one_is_not_lazy():
    article = make_article(
        cover_image=make_image_file(size=(300, 200)), cover_image_decorative=True
    )
    html = render('{% picture image alt="" loading="eager" %}', image=article.cover_image)
    assert re.search(r'srcset="/media/cache/[^" ]+\.webp 300w" sizes="100vw"', html), html
    assert 'width="300" height="200"' in html
    assert "loading=" not in html
    assert 'alt=""' in html


def test_the_picture_tag_renders_nothing_without_an_image_of_known_size():
    article = make_article(cover_image=make_image_file(), cover_image_decorative=True)
    default_storage.delete(article.cover_image.name)
    article.cover_image_width = article.cover_image_height = None
    assert render("{% picture image %}", image=article.cover_image) == ""
    assert render("{% picture image %}", image=None) == ""


def test_a_page_with_a_cover_image_serves_the_renditions(client):
    article = make_article(
        cover_image=make_image_file("cover.jpg", size=(1000, 500), image_format="JPEG"),
        cover_image_alt_bg="Корица",
        cover_image_alt_en="Cover",
    )
    for language in ("bg", "en"):
        with translation.override(language):
            url = article.get_absolute_url()
        html = client.get(url).content.decode()
        assert '<source type="image/webp" srcset="/media/cache/' in html
        assert " 480w, " in html and " 1000w" in html


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_regenerate_renditions_makes_them_again_fills_sizes_and_shows_progress(monkeypatch):
    article = make_article(
        cover_image=make_image_file("cover.jpg", size=(900, 600), image_format="JPEG"),
        cover_image_decorative=True,
    )
    type(article).objects.filter(pk=article.pk).update(
        cover_image_width=None, cover_image_height=None
    )
    folder = rendition_folder(article.cover_image.name)
    terminal, out = FakeTerminal(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", terminal)
    call_command("regenerate_renditions", stdout=out)
    _dirs, files = default_storage.listdir(folder)
    # 480, 800 and 900 wide in WebP, and the 900-wide JPEG fallback.
    assert sorted(name.rsplit(".", 1)[1] for name in files) == ["jpg", "webp", "webp", "webp"]
    assert (
        "1/1" in terminal.getvalue() and "[##############################]" in terminal.getvalue()
    )
    assert "1 images, 4 renditions made, 0 missing from storage." in out.getvalue()
    article.refresh_from_db()
    assert (article.cover_image_width, article.cover_image_height) == (900, 600)
