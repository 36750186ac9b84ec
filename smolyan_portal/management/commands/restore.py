"""manage.py restore ARCHIVE: put a backup back and prove it against its manifest."""

import shutil
import tempfile
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from smolyan_portal import page_cache
from smolyan_portal.backup import BackupError, archive, database
from smolyan_portal.management.commands.backup import describe_os_error, megabytes

# Derived data that is made again from the restored content, when this code has it.
REBUILD_COMMANDS = ["rebuild_search_index"]


class Command(BaseCommand):
    help = (
        "Restore an archive of `manage.py backup` into an empty database and media folder, "
        "then compare rows, migrations and media checksums with its manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar written by manage.py backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace everything in a database and a media folder that are not empty.",
        )

    def handle(self, *args, archive=None, force=False, **options):
        started = time.monotonic()
        try:
            reader = _open(archive)
            try:
                self._restore(reader, force)
            finally:
                reader.close()
        except BackupError as error:
            raise CommandError(f"Restore refused or failed: {error}") from error
        except OSError as error:
            raise CommandError(f"Restore failed: {describe_os_error(error)}.") from error
        except DatabaseError as error:
            raise CommandError(f"Restore failed: the database answered: {error}".strip()) from error
        self.stdout.write(
            self.style.SUCCESS(f"Restore finished in {time.monotonic() - started:.1f} s.")
        )

    def _restore(self, reader, force):
        manifest = reader.manifest
        media = manifest["media"]
        code = archive.describe_code(manifest["code"])
        self.stdout.write(
            f"Archive {reader.path.name}: made {manifest['created_at']} by version {code}, "
            f"{manifest['database']['engine']} database, {media['count']} media files."
        )
        self._check_migrations(manifest)
        media_root = archive.local_media_root()
        if media["storage"] == "local" and media_root is None:
            raise BackupError(
                "the archive holds media files, but this site keeps media in object storage; "
                "restore on a site with DJANGO_S3_BUCKET unset, then copy the files to the bucket."
            )
        self._check_empty(media_root if media["storage"] == "local" else None, force)

        with tempfile.TemporaryDirectory(prefix="smolyan-restore-") as work:
            copy = reader.extract_database(work)
            database.restore(copy, manifest["database"])
        self.stdout.write(f"Database restored from {manifest['database']['file']}.")
        if media["storage"] == "local":
            if force:
                _empty_folder(media_root)
            media_root.mkdir(parents=True, exist_ok=True)
            progress = archive.Progress("Media", media["bytes"])
            reader.extract_media(media_root, progress)
            progress.finish()
            self.stdout.write(f"Media restored into {media_root}.")
        else:
            self.stdout.write("Media are in object storage: restore them from its versions.")

        self._compare(manifest, media_root)
        self._bring_up_to_date()

    def _check_migrations(self, manifest):
        """Refuse an archive from code that has migrations this code does not know."""
        loader = MigrationLoader(None, ignore_no_migrations=True)
        installed = {config.label for config in apps.get_app_configs()}
        unknown, foreign = [], set()
        for app_label, names in manifest["migrations"].items():
            if app_label not in installed:
                foreign.add(app_label)
                continue
            unknown += [
                f"{app_label}.{name}"
                for name in names
                if (app_label, name) not in loader.disk_migrations
            ]
        if unknown:
            code = archive.describe_code(manifest["code"])
            raise BackupError(
                f"the archive comes from newer code (version {code}): its database has "
                f"migrations this code lacks: {', '.join(sorted(unknown))}. Install that "
                "version of the portal (or a later one), then restore."
            )
        if foreign:
            # django_migrations keeps the rows of apps removed long ago (sorl-thumbnail).
            self.stdout.write(
                f"The archive has migrations of apps this code does not have: "
                f"{', '.join(sorted(foreign))}; their tables come back unused."
            )

    def _check_empty(self, media_root, force):
        tables, filled = database.contents()
        files = archive.media_files(media_root)
        problems = []
        if filled:
            problems.append(
                f"the database holds data ({len(tables)} tables, {len(filled)} with rows, "
                f"e.g. {', '.join(filled[:3])})"
            )
        if files:
            problems.append(f"the media folder {media_root} holds {len(files)} files")
        if not problems:
            return
        if not force:
            raise BackupError(
                f"{' and '.join(problems)}. A restore goes into an empty database (e.g. a new "
                "one made with createdb) and an empty media folder; add --force to replace "
                "what is there."
            )
        self.stdout.write(
            self.style.WARNING(f"--force: replacing what is there: {'; '.join(problems)}.")
        )

    def _compare(self, manifest, media_root):
        """Print the restored rows, migrations and files beside the manifest's; fail on any
        difference."""
        rows, migrations = database.current_state()
        expected_rows = manifest["rows"]
        differences = []
        self.stdout.write("Compared with the manifest:")
        self.stdout.write(f"  {'':<44} {'archive':>9} {'restored':>9}")
        for label in sorted(set(expected_rows) | set(rows)):
            expected, found = expected_rows.get(label), rows.get(label)
            self._line(label, expected, found, differences)
        expected_migrations = sum(len(names) for names in manifest["migrations"].values())
        found_migrations = sum(
            len(set(names) & set(migrations.get(app_label, [])))
            for app_label, names in manifest["migrations"].items()
        )
        self._line("migrations applied", expected_migrations, found_migrations, differences)
        media = manifest["media"]
        if media["storage"] == "local":
            present = matching = 0
            for name, checksum in media["files"].items():
                path = media_root.joinpath(*name.split("/"))
                if path.is_file():
                    present += 1
                    matching += archive.sha256_of(path) == checksum
            self._line("media files", media["count"], present, differences)
            self._line("media checksums", media["count"], matching, differences)
        if differences:
            raise BackupError(
                f"the restored data differ from the manifest: {', '.join(differences)}."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"All {sum(rows.values()):,} rows of {len(rows)} models, {expected_migrations} "
                f"migrations and {media['count']} media files "
                f"({megabytes(media['bytes'])}) match the archive."
            )
        )

    def _line(self, label, expected, found, differences):
        same = expected == found
        if not same:
            differences.append(label)
        shown = ["-" if value is None else f"{value:,}" for value in (expected, found)]
        self.stdout.write(
            f"  {label:<44} {shown[0]:>9} {shown[1]:>9}  {'ok' if same else 'DIFFERS'}"
        )

    def _bring_up_to_date(self):
        """Apply this code's newer migrations, then make the derived data again."""
        executor = MigrationExecutor(connections[database.ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            self.stdout.write(f"The archive predates {len(plan)} migrations of this code:")
            call_command("migrate", interactive=False, stdout=self.stdout, stderr=self.stderr)
        commands = get_commands()
        for name in REBUILD_COMMANDS:
            if name in commands:
                call_command(name, stdout=self.stdout, stderr=self.stderr)
            else:
                self.stdout.write(f"No {name} in this code: nothing to rebuild.")
        # Pages cached before the restore show content that may be gone.
        page_cache.content_changed()


def _open(path):
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    return archive.ArchiveReader(path)


def _empty_folder(root):
    """Delete what is in the media folder, refusing a folder that holds the code itself."""
    root, base = root.resolve(), Path(settings.BASE_DIR).resolve()
    if root == base or root in base.parents:
        raise BackupError(f"the media folder {root} contains the code; it will not be emptied.")
    if not root.is_dir():
        return
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
