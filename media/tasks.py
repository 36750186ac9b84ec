"""Work on uploads that runs in the background worker (`manage.py db_worker`), not in a request."""

from django.apps import apps
from django_tasks import TaskResultStatus, task

from media.renditions import make_renditions_of


@task()
def make_renditions(model_label, pk, field_name, name):
    """Make and record the renditions of the image `name` of one row.

    Nothing is done when the row is gone or holds another image by now: a replaced image
    has a task of its own.
    """
    model = apps.get_model(model_label)
    field = model._meta.get_field(field_name)
    row = model._base_manager.filter(pk=pk, **{field.attname: name}).first()
    if row is None:
        return 0
    return make_renditions_of(row, field)


def enqueue_renditions(row, field):
    """Have the worker make the renditions of the image a row has just stored."""
    result = make_renditions.enqueue(
        row._meta.label, row.pk, field.name, getattr(row, field.attname).name
    )
    if result.status == TaskResultStatus.SUCCESSFUL:
        # A backend that ran it at once (the immediate one): the row in hand learns what
        # the stored row now records.
        recorded = (
            type(row)
            ._base_manager.filter(pk=row.pk)
            .values_list(field.renditions_field, flat=True)
            .first()
        )
        setattr(row, field.renditions_field, recorded or "")
