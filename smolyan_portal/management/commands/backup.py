"""manage.py backup: one archive of the database, the media files and a manifest."""

import datetime
import errno
import tempfile
import time
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from smolyan_portal.backup import BackupError, archive, database

# Room left over on the disk beyond the archive's own size.
SPARE_BYTES = 16 * 1024 * 1024


def megabytes(count):
    return f"{count / 1e6:,.1f} MB"


def describe_os_error(error):
    """What went wrong with a file, in words an operator acts on."""
    where = f" ({error.filename})" if error.filename else ""
    if error.errno in {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}:
        return f"the disk is full or the file too large{where}: {error.strerror}"
    if error.errno in {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR}:
        return f"the folder cannot be written{where}: {error.strerror}"
    return f"{error.strerror or error}{where}"


class Command(BaseCommand):
    help = (
        "Write one archive (a tar named by the UTC time) of the database, the media files and "
        "a manifest: code version, migrations, rows per model, media checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Folder of the archives (default: backups/ beside manage.py).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            help="After a successful backup, delete all but the N newest archives of the folder.",
        )

    def handle(self, *args, output=None, keep=None, **options):
        if keep is not None and keep < 1:
            raise CommandError("--keep must be 1 or more.")
        folder = Path(output) if output else Path(settings.BASE_DIR) / "backups"
        started = time.monotonic()
        try:
            path, manifest, vanished = self._back_up(folder)
            pruned = archive.prune(folder, keep) if keep else []
        except BackupError as error:
            raise CommandError(f"Backup failed: {error}") from error
        except OSError as error:
            raise CommandError(f"Backup failed: {describe_os_error(error)}.") from error
        except DatabaseError as error:
            raise CommandError(f"Backup failed: the database answered: {error}".strip()) from error
        self._report(path, manifest, vanished, time.monotonic() - started)
        for old in pruned:
            self.stdout.write(f"Deleted older archive {old.name} (--keep {keep}).")

    def _back_up(self, folder):
        folder.mkdir(parents=True, exist_ok=True)
        engine = database.engine()
        member = archive.DATABASE_MEMBERS[engine]
        with tempfile.TemporaryDirectory(prefix=".backup-", dir=folder) as work:
            copy = Path(work) / PurePosixPath(member).name
            info, rows, migrations = database.dump(copy)
            # Media are listed after the database copy: every file a copied row names is there.
            media_root = archive.local_media_root()
            files = archive.media_files(media_root)
            media_bytes = sum(path.stat().st_size for _name, path in files)
            needed, free = (
                copy.stat().st_size + media_bytes + SPARE_BYTES,
                archive.free_bytes(folder),
            )
            if free < needed:
                raise BackupError(
                    f"not enough space in {folder}: the archive needs about {megabytes(needed)}, "
                    f"and {megabytes(free)} are free."
                )
            path = archive.new_archive_path(folder)
            writer = archive.ArchiveWriter(path)
            try:
                info.update(file=member, bytes=copy.stat().st_size)
                info["sha256"] = writer.add_file(
                    member, copy, archive.Progress("Database", info["bytes"])
                )
                checksums, vanished = self._add_media(writer, files, media_bytes)
                manifest = {
                    "format": archive.FORMAT,
                    "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
                    "code": archive.code_version(),
                    "database": info,
                    "migrations": migrations,
                    "rows": rows,
                    "media": {
                        "storage": "local" if media_root is not None else "object storage",
                        "count": len(checksums),
                        "bytes": media_bytes,
                        "files": checksums,
                    },
                }
                writer.add_json(archive.MANIFEST, manifest)
                writer.commit()
            except BaseException:
                writer.discard()
                raise
        return path, manifest, vanished

    def _add_media(self, writer, files, total_bytes):
        progress = archive.Progress("Media", total_bytes)
        checksums, vanished = {}, []
        try:
            for name, path in files:
                try:
                    checksums[name] = writer.add_file(archive.MEDIA_PREFIX + name, path, progress)
                except FileNotFoundError:
                    # Deleted since it was listed (the clean-up of a removed item).
                    vanished.append(name)
        finally:
            progress.finish()
        return checksums, vanished

    def _report(self, path, manifest, vanished, seconds):
        data = manifest["database"]
        engine = (
            f"PostgreSQL {data['server_version']} ({data['tool']})"
            if data["engine"] == "postgresql"
            else f"SQLite {data['sqlite_version']}"
        )
        rows = manifest["rows"]
        media = manifest["media"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {path} ({megabytes(path.stat().st_size)}) in {seconds:.1f} s."
            )
        )
        self.stdout.write(
            f"  database: {engine}, {sum(rows.values()):,} rows in {len(rows)} models, "
            f"{sum(len(names) for names in manifest['migrations'].values())} migrations applied"
        )
        if media["storage"] == "local":
            self.stdout.write(f"  media: {media['count']} files, {megabytes(media['bytes'])}")
        else:
            self.stdout.write(
                "  media: in object storage, not in the archive; keep versioning on in the "
                "bucket (docs/deploy.md)"
            )
        self.stdout.write(f"  code: {archive.describe_code(manifest['code'])}")
        for name in vanished:
            self.stderr.write(f"Deleted while the backup ran, not in the archive: {name}")
