"""Stored files follow their rows.

- A stored file whose row is deleted, or which a new upload replaces, is removed from
  storage (with its renditions) once the transaction commits, unless another row still
  names it (the admin's "save as new" copies share the file).
- A new image's renditions are made by the background worker (media/tasks.py): the task
  is queued in the saving transaction, so it exists exactly when the image does, and
  neither the editor nor the first visitor waits for them. Which renditions an image has
  is recorded on its row; a save keeps what the row records for an unchanged image, and
  forgets it for a new one, whatever an instance loaded earlier remembers.

What a save replaces is read from the row just before it is written, as the slugs'
redirects are (publishing.models.TranslatedSlugMixin): the database, not what an instance
remembers from when it was loaded, says which file is let go.
"""

import logging
from functools import partial

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save

from media.renditions import delete_renditions

logger = logging.getLogger(__name__)

# The stored names a row had before the save in progress, handed from pre_save to post_save.
_BEFORE_SAVE = "_file_names_before_save"


def file_fields(model, update_fields=None):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
        and (update_fields is None or field.attname in update_fields)
    ]


def _renditions_fields(fields):
    return [field for field in fields if getattr(field, "renditions_field", None)]


def read_stored_files(sender, instance, raw, update_fields=None, **kwargs):
    """The file names the row holds before this save, read from the row itself.

    And what it records of their renditions: kept for an image the save does not change,
    forgotten for a new one.
    """
    fields = file_fields(sender, update_fields)
    attnames = [field.attname for field in fields]
    attnames += [field.renditions_field for field in _renditions_fields(fields)]
    before = None
    if not raw and attnames and instance.pk is not None:
        before = sender._base_manager.filter(pk=instance.pk).values(*attnames).first()
    before = before or {}
    instance.__dict__[_BEFORE_SAVE] = before
    if raw:
        return
    for field in _renditions_fields(fields):
        unchanged = getattr(instance, field.attname).name == before.get(field.attname)
        recorded = before.get(field.renditions_field, "") if unchanged else ""
        setattr(instance, field.renditions_field, recorded)


def is_new_upload(file):
    """Whether a field's file is new content, not the stored file its row already names.

    A stored file was checked when it arrived: checking it again on every save of its row
    would read it back from storage (several requests on S3), and fail if it went missing.
    The row, not what an instance remembers, says which file is stored; a file that
    belongs to no saved row yet is new.
    """
    instance, field = getattr(file, "instance", None), getattr(file, "field", None)
    if instance is None or field is None or instance.pk is None:
        return True
    stored = (
        type(instance)
        ._base_manager.filter(pk=instance.pk)
        .values_list(field.attname, flat=True)
        .first()
    )
    return file.name != stored


def remove_if_unused(model, field, name):
    """Remove a stored file and its renditions, unless a row still names it."""
    try:
        if model._base_manager.filter(**{field.attname: name}).exists():
            return
        field.storage.delete(name)
        if isinstance(field, models.ImageField):
            delete_renditions(name, field.storage)
    except Exception:
        # The row is gone already; a file left behind is not worth a failed request.
        logger.exception("Stored file %s could not be removed", name)


def follow_saved_files(sender, instance, raw, update_fields=None, **kwargs):
    before = instance.__dict__.pop(_BEFORE_SAVE, {})
    if raw:
        return
    for field in file_fields(sender, update_fields):
        new = getattr(instance, field.attname).name or ""
        old = before.get(field.attname)
        if old and old != new:
            transaction.on_commit(partial(remove_if_unused, sender, field, old))
        if new and new != old and getattr(field, "renditions_field", None):
            from media.tasks import enqueue_renditions

            enqueue_renditions(instance, field)


def remove_deleted_files(sender, instance, **kwargs):
    for field in file_fields(sender):
        name = getattr(instance, field.attname).name
        if name:
            transaction.on_commit(partial(remove_if_unused, sender, field, name))


def connect():
    """Connect the handlers to every installed model that stores files."""
    for model in apps.get_models():
        uid = f"{model._meta.label}"
        if file_fields(model):
            pre_save.connect(read_stored_files, sender=model, dispatch_uid=f"files-{uid}")
            post_save.connect(follow_saved_files, sender=model, dispatch_uid=f"files-{uid}")
            post_delete.connect(remove_deleted_files, sender=model, dispatch_uid=f"files-{uid}")
