"""Make the WebP renditions of every stored image again (after a change of widths or quality)."""

import sys
import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models

from media.renditions import regenerate_renditions


def image_fields():
    """(model, field) for every image field of every installed model."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ImageField):
                yield model, field


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
    help = "Remove and make again the renditions of every stored image; fill in missing sizes."

    def add_arguments(self, parser):
        parser.add_argument(
            "--model",
            action="append",
            default=[],
            help="Only this model, as app_label.ModelName (may be repeated).",
        )

    def handle(self, *args, model, **options):
        wanted = {label.lower() for label in model}
        work = []
        for model_class, field in image_fields():
            if wanted and model_class._meta.label_lower not in wanted:
                continue
            rows = model_class._base_manager.exclude(**{field.attname: ""}).exclude(
                **{f"{field.attname}__isnull": True}
            )
            work.extend((row, field) for row in rows.iterator())
        bar = ProgressBar(len(work), sys.stderr)
        made, missing = 0, []
        for row, field in work:
            image = getattr(row, field.attname)
            bar.advance(image.name)
            if not image.storage.exists(image.name):
                missing.append(f"{row._meta.label} {row.pk}: {image.name}")
                continue
            self._fill_dimensions(row, field, image)
            made += regenerate_renditions(row, field)
        bar.finish()
        for line in missing:
            self.stderr.write(f"Missing from storage: {line}")
        self.stdout.write(
            f"{len(work)} images, {made} renditions made, {len(missing)} missing from storage."
        )

    def _fill_dimensions(self, row, field, image):
        """Rows saved before sizes were stored get them now, so pages need not open files."""
        names = [name for name in (field.width_field, field.height_field) if name]
        if not names or all(getattr(row, name) for name in names):
            return
        width, height = image.width, image.height
        values = {field.width_field: width, field.height_field: height}
        values = {name: value for name, value in values.items() if name}
        type(row)._base_manager.filter(pk=row.pk).update(**values)
        for name, value in values.items():
            setattr(row, name, value)
