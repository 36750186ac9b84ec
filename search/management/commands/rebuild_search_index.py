"""Fill the search index again from all published content, with a progress bar."""

import sys
import time

from django.core.management.base import BaseCommand
from django.utils import translation

from search import indexing


class ProgressBar:
    """A one-line bar on stderr, redrawn in place; silent when stderr is not a terminal."""

    def __init__(self, total, stream, width=30):
        self.total, self.stream, self.width = total, stream, width
        self.done = 0
        self.started = time.monotonic()
        self.enabled = hasattr(stream, "isatty") and stream.isatty()

    def advance(self, label=""):
        self.done += 1
        if not self.enabled:
            return
        filled = self.width * self.done // max(self.total, 1)
        elapsed = time.monotonic() - self.started
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} "
            f"{elapsed:5.1f}s {label[-40:]:<40}"
        )
        self.stream.flush()

    def finish(self):
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


class Command(BaseCommand):
    help = (
        "Empty the search index and index every published item and page again (the text "
        "of document files is read again only for files not read before)."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        # Outside a request no language is active; entries are made in each one explicitly.
        with translation.override(None):
            bar = ProgressBar(indexing.item_count(), sys.stderr)
            count = indexing.rebuild(progress=bar.advance)
            bar.finish()
        indexing.settle()
        self.stdout.write(
            f"Search index rebuilt: {count} items in {time.monotonic() - started:.1f}s."
        )
