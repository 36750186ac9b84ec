"""Take a translated PO file back in: refused whole when wrong, conflicts left out."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from publishing.exchange import import_po


class Command(BaseCommand):
    help = "Import a PO file exported by export_translations (or the Translations page)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, file, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        report = import_po(path.read_bytes(), name=path.name)
        for line in report.problems:
            self.stderr.write(line)
        if report.refused:
            raise CommandError("The file was refused; nothing was changed.")
        for line in report.conflicts:
            self.stdout.write(f"Conflict: {line}")
        self.stdout.write(
            f"{len(report.imported)} imported, {len(report.reviewed)} reviewed, "
            f"{len(report.conflicts)} conflicts, {report.skipped} not translated."
        )
