"""Cost of an uploaded photo: cleaning a 12-megapixel JPEG, making its renditions, and the
admin save of an article with it (which leaves the renditions to the background worker).

Prints the time and peak memory (Python allocations and Pillow's pixel buffers both count:
the process's peak resident size is shown too) and how many bytes the renditions take
against the original. Run: `DJANGO_DEBUG=false .venv/bin/python bench/images.py`.
"""

import io
import os
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smolyan_portal.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-" + "x" * 30)
MEDIA = tempfile.mkdtemp(prefix="bench-media-")
os.environ["DJANGO_MEDIA_ROOT"] = MEDIA
os.environ["DATABASE_URL"] = f"sqlite:///{MEDIA}/bench.sqlite3"
os.environ["DJANGO_CACHE_DIR"] = f"{MEDIA}/cache"
os.environ.setdefault("DJANGO_SECURE", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.db.models.fields.files import ImageFieldFile  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from media.images import clean_image  # noqa: E402
from media.renditions import build_renditions, fallback_size, rendition_folder  # noqa: E402
from news.models import ArticleImage  # noqa: E402


def photo(width=4000, height=3000):
    """A 12-MP JPEG with detail, a sideways EXIF orientation and a GPS position."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 37):
        draw.line([(step, 0), (width - step, height)], fill=(step % 255, 90, 200 - step % 200))
    image = image.filter(ImageFilter.GaussianBlur(1))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (41.0, 34.0, 30.0), 3: "E", 4: (24.0, 41.0, 10.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def measure(label, function):
    tracemalloc.start()
    started = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<34} {elapsed * 1000:8.0f} ms   peak Python memory {peak / 2**20:6.1f} MB")
    return result


def main():
    original = photo()
    print(f"original: 4000 × 3000 JPEG, {len(original) / 2**20:.2f} MB")
    cleaned, image_format = measure(
        "clean (upright, no metadata)", lambda: clean_image(ContentFile(original, name="photo.jpg"))
    )
    name = default_storage.save("images/bench/photo.jpg", ContentFile(cleaned))
    field = ArticleImage._meta.get_field("image")
    image = ImageFieldFile(ArticleImage(), field, name)
    with Image.open(io.BytesIO(cleaned)) as upright:
        width, height = upright.size
    measure("renditions (4 WebP + fallback)", lambda: build_renditions(image, width, height))
    folder = rendition_folder(name)
    _dirs, files = default_storage.listdir(folder)
    sizes = {file: default_storage.size(folder + file) for file in files}
    webp = sum(size for file, size in sizes.items() if file.endswith(".webp"))
    print(f"cleaned original: {len(cleaned) / 2**20:.2f} MB ({image_format}, {width} × {height})")
    print(f"{len(files)} renditions; fallback {fallback_size(width, height)[0]} px wide")
    for file, size in sorted(sizes.items(), key=lambda item: item[1]):
        print(f"  {file[-12:]:>12} {size / 1024:8.1f} KB")
    print(f"WebP renditions / original: {webp / len(cleaned):.3f}")
    print(f"all renditions / original:  {sum(sizes.values()) / len(cleaned):.3f}")
    admin_save(original)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the process: {peak_rss:.0f} MB")


def admin_save(original):
    """The editor's wait: the admin form of an article saved with a new 12-MP cover photo."""
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from news.models import Article
    from tests.admin_support import admin_url, form_data
    from tests.factories import make_article, make_user

    # The form is read back from the rendered admin page; static files from their sources.
    setup_test_environment()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("migrate", verbosity=0)
    article = make_article(title_en="Partners meet")
    client = Client()
    client.force_login(make_user(superuser=True))
    change = admin_url(article, "change")
    times = []
    for _ in range(3):
        # A fresh form each time: the admin refuses a save from a form older than the row.
        data = form_data(client.get(change)) | {
            "cover_image": SimpleUploadedFile("phone.jpg", original, "image/jpeg"),
            "cover_image_alt_bg": "Снимка",
            "cover_image_alt_en": "A photo",
        }
        started, cpu = time.perf_counter(), time.process_time()
        response = client.post(change, data)
        times.append((time.perf_counter() - started, time.process_time() - cpu))
        assert response.status_code == 302, response.status_code
    wall, cpu = min(times)
    print(f"{'admin save with the photo':<34} {wall * 1000:8.0f} ms   ({cpu * 1000:.0f} ms of CPU)")
    article.refresh_from_db()
    print(f"renditions queued, not made: {not article.cover_image_renditions}")
    del Article


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(MEDIA, ignore_errors=True)
