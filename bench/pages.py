"""Cost of the public pages: time, SQL queries and HTML size, with little and much content.

Builds a throwaway SQLite database with the demo content, renders every page type in both
languages, then adds 30 of everything and renders them again. Prints the median time per
page, its queries and bytes, and the ratio of the large to the small case (queries should
not grow; time should grow far less than the content). Run:
`.venv/bin/python bench/pages.py` (or `make bench`).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# BENCH_WORK: a folder whose database an earlier run built (bench/instructions.py).
WORK = os.environ.get("BENCH_WORK") or tempfile.mkdtemp(prefix="bench-pages-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smolyan_portal.settings")
os.environ["DJANGO_SECRET_KEY"] = "bench-only-not-secret-" + "x" * 30
os.environ["DJANGO_DEBUG"] = "false"
os.environ["DJANGO_SECURE"] = "false"
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/bench.sqlite3"
os.environ["DJANGO_MEDIA_ROOT"] = f"{WORK}/media"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

ROUNDS = 15


def pages():
    from documents.models import Document
    from events.models import Meeting
    from news.models import Article
    from partners.models import Partner
    from projects.models import Project

    urls = {}
    for code in ("bg", "en"):
        with translation.override(code):
            from django.urls import reverse

            urls[code] = {
                "home": reverse("home"),
                "news list": reverse("news:article-list"),
                "article": Article.objects.published().earliest("published_at").get_absolute_url(),
                "meetings list": reverse("events:meeting-list"),
                "meeting": Meeting.objects.published().earliest("start_date").get_absolute_url(),
                "partners list": reverse("partners:partner-list"),
                "partner": Partner.objects.get(slug_bg="smolyan").get_absolute_url(),
                "projects list": reverse("projects:project-list"),
                "project": Project.objects.published().order_by("pk")[0].get_absolute_url(),
                "documents": reverse("documents:document-list"),
                "search": reverse("search") + "?q=Smolyan",
                "news feed": reverse("news:feed-atom"),
                "meeting .ics": reverse(
                    "events:meeting-calendar",
                    args=[Meeting.objects.published().earliest("start_date").slug],
                ),
                "all meetings .ics": reverse("events:calendar"),
                "sitemap": reverse("sitemap"),
            }
    del Document
    return urls


def measure(client, url):
    client.get(url)  # warm the template loader and caches
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries), len(response.content)


def add_content(count):
    """Thirty more of everything the lists show, published, linked like the demo."""
    import datetime

    from django.utils import timezone

    from events.models import Meeting, Session
    from news.models import Article
    from partners.models import Partner
    from projects.models import Participation, Project
    from publishing.models import Status

    published = {"status": Status.PUBLISHED, "published_at": timezone.now()}
    project = Project.objects.published().order_by("pk")[0]
    meeting = Meeting.objects.published().earliest("start_date")
    for n in range(count):
        partner = Partner.objects.create(
            name_bg=f"Община {n}",
            name_en=f"Municipality {n}",
            kind="city",
            country="BG",
            latitude=42 + n / 100,
            longitude=24 + n / 100,
            **published,
        )
        Participation.objects.create(project=project, partner=partner, role="partner")
        meeting.participants.add(partner)
        article = Article.objects.create(
            title_bg=f"Новина {n}",
            title_en=f"News item {n}",
            summary_bg="Резюме.",
            summary_en="Summary.",
            meeting=meeting,
            **published,
        )
        article.projects.add(project)
        article.partners.add(partner)
        other = Meeting.objects.create(
            title_bg=f"Среща {n}",
            title_en=f"Meeting {n}",
            summary_bg="Резюме.",
            summary_en="Summary.",
            project=project,
            host=partner,
            start_date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
            end_date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
            **published,
        )
        Session.objects.create(
            meeting=meeting,
            order=100 + n,
            date=meeting.start_date,
            title_bg=f"Сесия {n}",
            title_en=f"Session {n}",
        )
        del other


def run(label, client, urls):
    results = {}
    for code, named in urls.items():
        for name, url in named.items():
            results[(code, name)] = measure(client, url)
    return results


def main():
    call_command("migrate", verbosity=0)
    # As in production: hashed, compressed static files from the manifest.
    call_command("collectstatic", interactive=False, verbosity=0)
    with translation.override("bg"):
        call_command("load_demo", stdout=open(os.devnull, "w"))
    client = Client()
    urls = pages()
    small = run("demo", client, urls)
    add_content(30)
    large = run("+30", client, urls)

    print(f"Pages on SQLite, median of {ROUNDS} requests (DEBUG={settings.DEBUG})")
    header = (
        f"{'page':<22}{'ms':>7}{'ms +30':>9}{'ratio':>7}"
        f"{'queries':>9}{'+30':>5}{'KB':>7}{'KB +30':>8}"
    )
    print(header)
    print("-" * len(header))
    ratios = []
    for key in small:
        code, name = key
        (t1, q1, b1), (t2, q2, b2) = small[key], large[key]
        ratios.append(t2 / t1)
        print(
            f"{code + ' ' + name:<22}{t1 * 1000:>7.1f}{t2 * 1000:>9.1f}{t2 / t1:>7.2f}"
            f"{q1:>9}{q2:>5}{b1 / 1024:>7.1f}{b2 / 1024:>8.1f}"
        )
    print("-" * len(header))
    print(f"median time ratio (+30 items / demo): {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
