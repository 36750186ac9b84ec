"""Write the missing and out-of-date texts of one language to a PO file for a translator."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from publishing.exchange import export_po
from publishing.models import language_codes
from publishing.translation_status import MISSING, STALE, pending
from publishing.translations import item_models


class Command(BaseCommand):
    help = "Export the missing and out-of-date texts of a language as a PO file."

    def add_arguments(self, parser):
        parser.add_argument("language", choices=language_codes())
        parser.add_argument("output", help="The PO file to write.")
        parser.add_argument(
            "--model", action="append", default=[], help="app_label.model_name; repeatable."
        )
        parser.add_argument("--state", choices=[MISSING, STALE])

    def handle(self, language, output, model, state, **options):
        models = item_models()
        if model:
            wanted = set(model)
            models = [m for m in models if f"{m._meta.app_label}.{m._meta.model_name}" in wanted]
            if len(models) != len(wanted):
                raise CommandError(f"Unknown model among {', '.join(sorted(wanted))}.")
        states = (state,) if state else (MISSING, STALE)
        # Labels and item names in the file read in the target language's interface words.
        with translation.override(language):
            entries = pending([m._default_manager.all() for m in models], [language], states)
            po = export_po(entries, language)
        po.save(output)
        self.stdout.write(f"{len(po)} texts of {len(entries)} items written to {output}.")
