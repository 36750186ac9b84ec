"""Rows of many-to-many links named as editors read them.

Django makes a model for each many-to-many field's table and names its rows
"Meeting_participants object (16)" and the model "meeting-partner relationship", in
English: the admin's delete confirmation lists them so. Here each such row reads as the
two items it links, and its model as the field's own (translated) name.
"""

from django.apps import apps
from django.utils.text import capfirst, format_lazy


def _describe(row):
    ends = [getattr(row, field.name) for field in row._meta.fields if field.is_relation]
    return " – ".join(str(end) for end in ends)


def name_link_rows():
    for model in apps.get_models():
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if not through._meta.auto_created:
                continue
            through.__str__ = _describe
            through._meta.verbose_name = format_lazy(
                "{} ({})", field.verbose_name, model._meta.verbose_name
            )
            through._meta.verbose_name_plural = format_lazy(
                "{} ({})", field.verbose_name, capfirst(model._meta.verbose_name_plural)
            )
