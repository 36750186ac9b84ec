"""Stored files follow their rows.

- A stored file whose row is deleted, or which a new upload replaces, is removed from
  storage (with its renditions) once the transaction commits, unless another row still
  names it (the admin's "save as new" copies share the file).
- A new image's renditions are made once the transaction commits, so the first visitor
  does not wait for them.
"""

import logging
from functools import partial

from django.apps import apps
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.db.models.signals import post_delete, post_init, post_save

from media.renditions import delete_renditions, picture_data

logger = logging.getLogger(__name__)

_STORED = "_stored_file_names"


def file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _name(value):
    if isinstance(value, FieldFile):
        return value.name or ""
    return value if isinstance(value, str) else None


def is_new_upload(file):
    """Whether a field's file is new content, not the stored file its row already names.

    A stored file was checked when it arrived: checking it again on every save of its row
    would read it back from storage (several requests on S3), and fail if it went missing.
    A file that belongs to no row yet is new.
    """
    instance, field = getattr(file, "instance", None), getattr(file, "field", None)
    if instance is None or field is None:
        return True
    return file.name != getattr(instance, _STORED, {}).get(field.attname)


def remember_stored_files(sender, instance, **kwargs):
    """The file names a row was loaded with, to know later which ones it let go."""
    names = {}
    for field in file_fields(sender):
        if field.attname in instance.__dict__:
            names[field.attname] = _name(instance.__dict__[field.attname])
    setattr(instance, _STORED, names)


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


def make_renditions(instance, field, name):
    try:
        picture_data(field.attr_class(instance, field, name))
    except Exception:
        logger.exception("Renditions of %s could not be made", name)


def follow_saved_files(sender, instance, created, raw, update_fields=None, **kwargs):
    if raw:
        return
    stored = getattr(instance, _STORED, {})
    for field in file_fields(sender):
        if update_fields is not None and field.attname not in update_fields:
            continue
        new = getattr(instance, field.attname).name or ""
        old = None if created else stored.get(field.attname)
        if old and old != new:
            transaction.on_commit(partial(remove_if_unused, sender, field, old))
        if new and new != old and isinstance(field, models.ImageField):
            transaction.on_commit(partial(make_renditions, instance, field, new))
        stored[field.attname] = new
    setattr(instance, _STORED, stored)


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
            post_init.connect(remember_stored_files, sender=model, dispatch_uid=f"files-{uid}")
            post_save.connect(follow_saved_files, sender=model, dispatch_uid=f"files-{uid}")
            post_delete.connect(remove_deleted_files, sender=model, dispatch_uid=f"files-{uid}")
