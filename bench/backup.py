"""Time of a backup and restore round trip, with the demo content and with many articles.

Each step is the real command in a process of its own, as an operator runs it: migrate and
load the demo into a new database, `manage.py backup`, then `manage.py restore` into
another new database and media folder. Then the same with --bulk N articles added (in both
languages, each linked to a project and two partners; `load_demo --bulk` is used when the
code has it). Prints each command's time and the restore's comparison with the manifest.
Run: `.venv/bin/python bench/backup.py [--bulk 10000] [--postgres postgres://postgres@127.0.0.1:5432]`
(SQLite unless --postgres names a server where it may create and drop databases).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

ADD_ARTICLES = """
import sys, django
django.setup()
from django.db import transaction
from django.utils import timezone
from news.models import Article
from partners.models import Partner
from projects.models import Project

count = int(sys.argv[1])
projects, partners = list(Project.objects.all()), list(Partner.objects.all())
n = len(partners)
now = timezone.now()
with transaction.atomic():
    articles = Article.objects.bulk_create(
        Article(
            title_bg=f"Новина от натоварването {n}", title_en=f"Bulk news item {n}",
            slug_bg=f"novina-{n}", slug_en=f"bulk-news-{n}",
            summary_bg=f"Резюме {n}.", summary_en=f"Summary {n}.",
            body_bg=f"<p>Текст на новина {n} за енергийните блокове.</p>",
            body_en=f"<p>Text of news item {n} about energy blocks.</p>",
            status="published", published_at=now,
        )
        for n in range(count)
    )
    Article.projects.through.objects.bulk_create(
        Article.projects.through(article_id=a.pk, project_id=projects[a.pk % len(projects)].pk)
        for a in articles
    )
    Article.partners.through.objects.bulk_create(
        Article.partners.through(article_id=a.pk, partner_id=partners[(a.pk + k) % n].pk)
        for a in articles
        for k in (0, 1)
    )
print(f"{count} articles added")
"""


class Site:
    """A database and a media folder, and manage.py run against them."""

    def __init__(self, work, name, postgres):
        self.media = work / f"{name}-media"
        self.postgres, self.name = postgres, f"bench_backup_{name}"
        if postgres:
            self.url = f"{postgres.rstrip('/')}/{self.name}"
            self._server("DROP DATABASE IF EXISTS", "CREATE DATABASE")
        else:
            self.url = f"sqlite:///{work / name}.sqlite3"

    def _server(self, *statements):
        import psycopg2

        server = psycopg2.connect(f"{self.postgres.rstrip('/')}/postgres")
        server.autocommit = True
        with server.cursor() as cursor:
            for statement in statements:
                cursor.execute(f'{statement} "{self.name}"')
        server.close()

    def run(self, *arguments, code=None):
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_REPLICA_URL", "REDIS_URL"}
        }
        environment.update(
            DATABASE_URL=self.url,
            DJANGO_MEDIA_ROOT=str(self.media),
            DJANGO_DEBUG="false",
            DJANGO_SECRET_KEY="bench-only-not-secret-" + "x" * 30,
            DJANGO_ALLOWED_HOSTS="localhost",
            DJANGO_SETTINGS_MODULE="smolyan_portal.settings",
        )
        command = (
            [sys.executable, "-c", code, *arguments]
            if code
            else [sys.executable, "manage.py", *arguments]
        )
        started = time.monotonic()
        result = subprocess.run(
            command, cwd=BASE_DIR, env=environment, capture_output=True, text=True
        )
        seconds = time.monotonic() - started
        if result.returncode != 0:
            sys.exit(f"{' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout, seconds

    def drop(self):
        if self.postgres:
            self._server("DROP DATABASE IF EXISTS")


def round_trip(work, label, postgres, bulk):
    source, target = (
        Site(work, f"{label}-source", postgres),
        Site(work, f"{label}-target", postgres),
    )
    try:
        source.run("migrate", "--noinput")
        source.run("load_demo")
        if bulk:
            help_text, _seconds = source.run("help", "load_demo")
            if "--bulk" in help_text:
                output, seconds = source.run("load_demo", "--bulk", str(bulk))
            else:
                output, seconds = source.run(str(bulk), code=ADD_ARTICLES)
            print(f"  bulk step: {output.strip().splitlines()[-1]} in {seconds:.1f} s")
        folder = work / f"{label}-backups"
        backup_output, backup_seconds = source.run("backup", "--output", str(folder))
        (archive,) = folder.glob("*.tar")
        restore_output, restore_seconds = target.run("restore", str(archive))
    finally:
        source.drop()
        target.drop()
    print(backup_output.rstrip())
    print(restore_output.rstrip())
    size = archive.stat().st_size / 1e6
    print(
        f"== {label}: backup {backup_seconds:.1f} s, restore {restore_seconds:.1f} s, "
        f"round trip {backup_seconds + restore_seconds:.1f} s (each with Python and Django "
        f"start-up), archive {size:.1f} MB\n"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bulk", type=int, default=10000, help="Articles added (0: none).")
    parser.add_argument("--postgres", help="A PostgreSQL server URL, without database name.")
    options = parser.parse_args()
    engine = "PostgreSQL" if options.postgres else "SQLite"
    work = Path(tempfile.mkdtemp(prefix="bench-backup-"))
    try:
        print(f"Backup and restore round trip on {engine}\n")
        round_trip(work, "demo", options.postgres, 0)
        if options.bulk:
            round_trip(work, f"bulk{options.bulk}", options.postgres, options.bulk)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
