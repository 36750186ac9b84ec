"""manage.py backup and restore: the round trip gives back every row and file, and failures
stop with a clear message instead of a half-written archive.

The round trip restores through `manage.py restore` in a process of its own, into a new
database (a new PostgreSQL database, or a new SQLite file) and an empty media folder, as
an operator would on a fresh server.
"""

import hashlib
import io
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg2
import pytest
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from news.models import Article
from smolyan_portal.backup import archive, database
from tests.factories import make_article

BASE_DIR = Path(__file__).resolve().parent.parent
ON_POSTGRESQL = connection.vendor == "postgresql"
needs_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL, reason="pg_dump is used on PostgreSQL only (CI runs both databases)"
)
pytestmark = pytest.mark.django_db(transaction=True)


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def back_up(folder, **options):
    output = io.StringIO()
    call_command("backup", output=str(folder), stdout=output, stderr=io.StringIO(), **options)
    return output.getvalue()


def only_archive(folder):
    (found,) = archive.archives_in(folder)
    return found


def manifest_of(path):
    with tarfile.open(path) as tar:
        return json.load(tar.extractfile(archive.MANIFEST))


def media_checksums(root):
    return {
        name: hashlib.sha256(path.read_bytes()).hexdigest()
        for name, path in archive.media_files(Path(root))
    }


def rows_by_table(cursor, tables):
    """Every row of every table, in an order that does not depend on the database's."""
    rows = {}
    for table in tables:
        cursor.execute(f'SELECT * FROM "{table}"')
        rows[table] = sorted(
            (tuple(json_as_data(value) for value in row) for row in cursor.fetchall()), key=repr
        )
    return rows


def json_as_data(value):
    """A JSON column's value as data: Django's connection reads it as text, psycopg2 parsed."""
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.dumps(json.loads(value), sort_keys=True, ensure_ascii=False)
        except ValueError:
            return value
    return value


def subprocess_environment(**changes):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "DJANGO_MEDIA_ROOT"}
    }
    environment.update(changes)
    return environment


def manage(*arguments, preexec_fn=None, **environment):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=subprocess_environment(**environment),
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=preexec_fn,
    )


class EmptyDatabase:
    """A new, empty database beside the test database, and a way to read it."""

    def __init__(self, tmp_path):
        self.settings = connection.settings_dict
        if ON_POSTGRESQL:
            self.name = f"{self.settings['NAME']}_restored"
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')
            port = self.settings.get("PORT") or 5432
            user, host = self.settings["USER"], self.settings["HOST"]
            self.url = f"postgres://{user}@{host}:{port}/{self.name}"
        else:
            self.path = tmp_path / "restored.sqlite3"
            self.url = f"sqlite:///{self.path}"

    def _admin(self, *statements):
        server = psycopg2.connect(
            dbname="postgres",
            host=self.settings["HOST"],
            port=self.settings.get("PORT") or 5432,
            user=self.settings["USER"],
            password=self.settings.get("PASSWORD") or None,
        )
        server.autocommit = True
        with server.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        server.close()

    def connect(self):
        if ON_POSTGRESQL:
            return psycopg2.connect(
                dbname=self.name,
                host=self.settings["HOST"],
                port=self.settings.get("PORT") or 5432,
                user=self.settings["USER"],
                password=self.settings.get("PASSWORD") or None,
            )
        # Read with the converters Django registered, as the test database is read.
        return sqlite3.connect(self.path, detect_types=sqlite3.PARSE_DECLTYPES)

    def drop(self):
        if ON_POSTGRESQL:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def empty_database(tmp_path):
    target = EmptyDatabase(tmp_path)
    yield target
    target.drop()


def test_the_round_trip_gives_back_every_row_and_media_file(tmp_path, settings, empty_database):
    load_demo()
    report = back_up(tmp_path / "backups")
    path = only_archive(tmp_path / "backups")
    assert f"Backup written: {path}" in report

    # The manifest describes what was backed up.
    manifest = manifest_of(path)
    original_media = media_checksums(settings.MEDIA_ROOT)
    assert len(original_media) > 10
    assert manifest["media"]["files"] == original_media
    assert manifest["media"]["count"] == len(original_media)
    assert manifest["rows"]["news.article"] == Article.objects.count() > 0
    assert manifest["rows"] == database.current_state()[0]
    applied = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    assert manifest["migrations"] == {app: sorted(names) for app, names in applied.items()}
    assert manifest["code"]["version"]

    restored_media = tmp_path / "restored-media"
    result = manage(
        "restore", str(path), DATABASE_URL=empty_database.url, DJANGO_MEDIA_ROOT=str(restored_media)
    )
    print(result.stdout, result.stderr)
    assert result.returncode == 0, result.stderr
    assert "news.article" in result.stdout
    assert "media checksums" in result.stdout
    assert "DIFFERS" not in result.stdout
    assert f"{len(original_media)} media files" in result.stdout
    assert "match the archive" in result.stdout
    if "rebuild_search_index" in get_commands():
        assert "nothing to rebuild" not in result.stdout
    else:
        assert "No rebuild_search_index in this code: nothing to rebuild." in result.stdout

    # Every row and every file is found again, byte for byte.
    assert media_checksums(restored_media) == original_media
    tables = sorted(
        set(database.model_tables().values()) & set(connection.introspection.table_names())
    )
    with connection.cursor() as cursor:
        original_rows = rows_by_table(cursor, tables)
    restored = empty_database.connect()
    try:
        restored_rows = rows_by_table(restored.cursor(), tables)
    finally:
        restored.close()
    # The search index is made again after a restore: the same entries, under new ids.
    assert content_rows(restored_rows) == content_rows(original_rows)
    assert sum(len(rows) for rows in restored_rows.values()) == sum(manifest["rows"].values())


def content_rows(rows_of_tables):
    """The rows, those of the search index without their ids, which a rebuild makes anew."""
    return {
        table: sorted(row[1:] for row in rows) if table.startswith("search_") else rows
        for table, rows in rows_of_tables.items()
    }


def put_media_file(settings, name="images/photo.jpg", content=b"a picture"):
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def test_a_restore_refuses_a_database_that_holds_data(tmp_path, settings):
    make_article()
    put_media_file(settings)
    back_up(tmp_path / "backups")
    path = only_archive(tmp_path / "backups")
    articles = Article.objects.count()

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), stdout=io.StringIO())

    message = str(refused.value)
    assert "the database holds data" in message
    assert f"the media folder {settings.MEDIA_ROOT} holds" in message
    assert "--force" in message
    assert Article.objects.count() == articles


def test_force_replaces_what_is_there_with_the_archive(tmp_path, settings):
    make_article()
    put_media_file(settings)
    back_up(tmp_path / "backups")
    path = only_archive(tmp_path / "backups")
    media_before = media_checksums(settings.MEDIA_ROOT)
    gone = Article.objects.get()
    Article.objects.filter(pk=gone.pk).delete()
    (Path(settings.MEDIA_ROOT) / "stray.txt").write_text("not in the archive")

    output = io.StringIO()
    call_command("restore", str(path), force=True, stdout=output)

    assert Article.objects.filter(pk=gone.pk).exists()
    assert media_checksums(settings.MEDIA_ROOT) == media_before
    assert "--force: replacing what is there" in output.getvalue()
    assert "match the archive" in output.getvalue()


def rewrite_manifest(path, change):
    """A copy of the archive at `path` whose manifest `change` has altered."""
    copy = path.with_name("altered-" + path.name)
    with tarfile.open(path) as source, tarfile.open(copy, "w") as target:
        for member in source:
            if member.name == archive.MANIFEST:
                manifest = json.load(source.extractfile(member))
                change(manifest)
                payload = json.dumps(manifest).encode()
                member.size = len(payload)
                target.addfile(member, io.BytesIO(payload))
            else:
                target.addfile(member, source.extractfile(member))
    return copy


def test_a_restore_refuses_an_archive_from_newer_migrations(tmp_path, settings):
    back_up(tmp_path / "backups")
    newer = rewrite_manifest(
        only_archive(tmp_path / "backups"),
        lambda manifest: manifest["migrations"]["news"].append("9999_from_the_future"),
    )
    articles = Article.objects.count()

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(newer), force=True, stdout=io.StringIO())

    assert "newer code" in str(refused.value)
    assert "news.9999_from_the_future" in str(refused.value)
    assert Article.objects.count() == articles


def test_a_damaged_archive_is_refused(tmp_path):
    back_up(tmp_path / "backups")
    damaged = rewrite_manifest(
        only_archive(tmp_path / "backups"),
        lambda manifest: manifest["database"].update(sha256="0" * 64),
    )
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(damaged), force=True, stdout=io.StringIO())


def test_keep_leaves_the_newest_archives_and_nothing_else_is_touched(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("the operator's own file")
    for _ in range(3):
        back_up(folder)
    first, second, third = archive.archives_in(folder)

    report = back_up(folder, keep=2)

    remaining = archive.archives_in(folder)
    assert len(remaining) == 2
    assert remaining[0] == third
    assert f"Deleted older archive {first.name}" in report
    assert f"Deleted older archive {second.name}" in report
    assert (folder / "notes.txt").exists()


def test_a_folder_that_cannot_be_written_fails_with_a_clear_message(tmp_path):
    (tmp_path / "a-file").write_text("")
    result = manage(
        "backup",
        "--output",
        str(tmp_path / "a-file" / "backups"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
    )
    assert result.returncode == 1
    assert "Backup failed: the folder cannot be written" in result.stderr
    assert "Traceback" not in result.stderr


def limit_file_size():
    # A file may grow to 256 kB: past that every write fails as on a full disk.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))


def test_a_full_disk_fails_with_a_clear_message_and_leaves_no_partial_archive(tmp_path):
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "large.bin").write_bytes(os.urandom(1024 * 1024))
    folder = tmp_path / "backups"

    result = manage(
        "backup",
        "--output",
        str(folder),
        preexec_fn=limit_file_size,
        DATABASE_URL=f"sqlite:///{tmp_path / 'site.sqlite3'}",
        DJANGO_MEDIA_ROOT=str(media),
    )

    assert result.returncode == 1
    assert "Backup failed: the disk is full or the file too large" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


@needs_postgresql
def test_a_backup_without_pg_dump_fails_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    with pytest.raises(CommandError) as failed:
        back_up(tmp_path / "backups")
    assert "pg_dump was not found on PATH" in str(failed.value)
    assert "postgresql-client-" in str(failed.value)
    assert archive.archives_in(tmp_path / "backups") == []


@needs_postgresql
def test_a_pg_dump_older_than_the_server_is_refused(tmp_path, monkeypatch):
    tools = tmp_path / "old-tools"
    tools.mkdir()
    old = tools / "pg_dump"
    old.write_text('#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n')
    old.chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    with pytest.raises(CommandError) as failed:
        back_up(tmp_path / "backups")
    assert "pg_dump 9.6.24" in str(failed.value)
    assert "is older than the PostgreSQL server" in str(failed.value)
    assert archive.archives_in(tmp_path / "backups") == []


@pytest.mark.django_db(transaction=False)
def test_the_progress_bar_shows_bytes_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    progress = archive.Progress("Media", 3_000_000, stream=screen)
    progress.advance(1_500_000)
    progress.advance(1_500_000)
    progress.finish()
    assert "Media [###############..." in screen.getvalue()
    assert "3.0 of 3.0 MB" in screen.getvalue()
    assert archive.Progress("Media", 3_000_000, stream=io.StringIO()).enabled is False
