"""Screenshots of every page type, 390 and 1366 px wide, in Bulgarian and English.

Builds a throwaway SQLite database with the demo content, serves it with gunicorn on a
free port (debug off, as in production), photographs each public page type and three
admin pages with Chromium through Playwright, then stops the server and removes the
database. The pictures go to docs/screenshots/ as small palette PNGs: a page is cut
after a few screens, since what matters is how it starts. Run:
`.venv/bin/python scripts/screenshots.py` (or `make screenshots`); needs /usr/bin/chromium.
"""

import contextlib
import io
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
WIDTHS = {390: 844, 1366: 768}  # width: height of the window
SCREENS = {390: 3, 1366: 2}  # how many window heights of a page are kept
ADMIN_SCREENS = 6  # the meeting form's programme table stands below its long texts
COLOURS = 128
ADMIN_USER = "screenshots"


def environment(work):
    env = {key: value for key, value in os.environ.items() if not key.startswith("REDIS")}
    env.update(
        DJANGO_SETTINGS_MODULE="smolyan_portal.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_DEBUG="false",
        DJANGO_SECURE="false",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{work}/screenshots.sqlite3",
        DJANGO_MEDIA_ROOT=str(work / "media"),
        DJANGO_SUPERUSER_USERNAME=ADMIN_USER,
        DJANGO_SUPERUSER_EMAIL="screenshots@example.org",
        DJANGO_SUPERUSER_PASSWORD=secrets.token_urlsafe(20),
    )
    return env


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def server(env, port, log):
    """gunicorn serving the throwaway database, stopped however the block ends."""
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "smolyan_portal.wsgi", "--workers", "2"]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/livez", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    log.flush()
                    raise RuntimeError(
                        f"the server did not start:\n{Path(log.name).read_text()[-2000:]}"
                    ) from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def page_paths(env):
    """{(language, page type): path}, read from the demo database with Django's URLs."""
    os.environ.update(env)
    import django

    django.setup()
    from django.urls import reverse
    from django.utils import translation

    from documents.models import Document
    from events.models import Meeting
    from knowledge.models import Solution, Topic
    from news.models import Article
    from partners.models import Partner
    from projects.models import Project

    del Document
    paths = {}
    for language in ("bg", "en"):
        with translation.override(language):
            named = {
                "home": reverse("home"),
                "news": reverse("news:article-list"),
                "article": Article.objects.published().first().get_absolute_url(),
                "meetings": reverse("events:meeting-list"),
                "meeting": Meeting.objects.published().first().get_absolute_url(),
                "partners": reverse("partners:partner-list"),
                "partner": Partner.objects.get(slug_bg="smolyan").get_absolute_url(),
                "projects": reverse("projects:project-list"),
                "project": Project.objects.get(slug_bg="cityxchange").get_absolute_url(),
                "documents": reverse("documents:document-list"),
                "solutions": reverse("knowledge:solution-list"),
                "solution": Solution.objects.published().first().get_absolute_url(),
                "solutions-by-city": reverse("knowledge:solution-matrix"),
                "topic": Topic.objects.get(slug_en="buildings").get_absolute_url(),
                "search": reverse("search") + ("?q=Смолян" if language == "bg" else "?q=Smolyan"),
                "accessibility": reverse("accessibility"),
                "privacy": reverse("privacy"),
                "not-found": f"/{language}/404/",
            }
        paths.update({(language, name): path for name, path in named.items()})
    meeting = Meeting.objects.published().first()
    admin = {
        "admin-index": "/admin/",
        "admin-meeting": reverse("admin:events_meeting_change", args=[meeting.pk]),
        "admin-partners": reverse("admin:partners_partner_changelist"),
    }
    return paths, admin


def save(png, path, width, screens=None):
    """The top screens of a page as a palette PNG: a fraction of the size, the same look."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        height = min(image.height, WIDTHS[width] * (screens or SCREENS[width]))
        cropped = image.convert("RGB").crop((0, 0, image.width, height))
        small = cropped.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=0)
        small.save(path, optimize=True)


# Pictures below the first screen load lazily, once scrolled to: a full-page shot would
# show the space kept for them, empty. Load them all and wait for them. (A function, not a
# string to wait on: the page's CSP forbids the eval that a string would need.)
LOAD_PICTURES = """async () => {
  const pictures = Array.from(document.images);
  for (const img of pictures) img.loading = "eager";
  await Promise.all(pictures.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener("load", done);
    img.addEventListener("error", done);
  })));
  await Promise.all(pictures.map((img) => img.decode().catch(() => null)));
}"""


def shoot(page, path):
    """The whole page at path, its lazy pictures loaded, as PNG bytes."""
    page.goto(path, wait_until="networkidle")
    page.evaluate(LOAD_PICTURES)
    return page.screenshot(full_page=True)


def photograph(base, paths, admin, password):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for width, height in WIDTHS.items():
            for (language, name), path in paths.items():
                context = browser.new_context(
                    base_url=base,
                    viewport={"width": width, "height": height},
                    locale="bg-BG" if language == "bg" else "en-GB",
                    timezone_id="Europe/Sofia",
                )
                page = context.new_page()
                save(shoot(page, path), OUT / f"{language}-{width}-{name}.png", width)
                context.close()
        for language in ("bg", "en"):
            context = browser.new_context(
                base_url=base,
                viewport={"width": 1366, "height": 768},
                locale="bg-BG" if language == "bg" else "en-GB",
                timezone_id="Europe/Sofia",
            )
            page = context.new_page()
            page.goto("/admin/login/")
            page.fill("#id_username", ADMIN_USER)
            page.fill("#id_password", password)
            page.click("[type=submit]")
            page.wait_for_url("**/admin/")
            for name, path in admin.items():
                save(shoot(page, path), OUT / f"{language}-1366-{name}.png", 1366, ADMIN_SCREENS)
            context.close()
        browser.close()


def main():
    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    try:
        env = environment(work)
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        manage(env, "load_demo")
        manage(env, "createsuperuser", "--noinput")
        paths, admin = page_paths(env)
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("*.png"):
            old.unlink()
        with open(work / "server.log", "w") as log, server(env, free_port(), log) as base:
            photograph(base, paths, admin, env["DJANGO_SUPERUSER_PASSWORD"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    files = sorted(OUT.glob("*.png"))
    total = sum(path.stat().st_size for path in files)
    print(f"{len(files)} screenshots in {OUT.relative_to(ROOT)}, {total / 1024 / 1024:.1f} MB")


if __name__ == "__main__":
    main()
