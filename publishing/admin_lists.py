"""The admin's list pages: filters that offer only the values the rows have.

Django's filter by a field with choices lists every choice (about 250 for a country),
and its filter by a related item lists every such item. `FiltersInUseMixin` gives each
plain field name of `list_filter` the filter that lists only what some row uses.
"""

import copy

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path

from publishing.collation import sort_key


class ChoicesInUseFilter(admin.ChoicesFieldListFilter):
    """A filter by a field with choices, offering only the choices some row has, A to Z."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        in_use = set(
            model_admin.get_queryset(request)
            .order_by()
            .values_list(field_path, flat=True)
            .distinct()
        )
        # A copy, so that the model's own field keeps all its choices for the forms.
        field = copy.copy(field)
        # In alphabetical order of the labels in the admin's language, as a reader looks.
        field.choices = sorted(
            ((value, label) for value, label in field.flatchoices if value in in_use),
            key=lambda choice: sort_key(choice[1]),
        )
        super().__init__(field, request, params, model, model_admin, field_path)


class FiltersInUseMixin:
    def get_list_filter(self, request):
        return [self._filter_in_use(item) for item in super().get_list_filter(request)]

    def _filter_in_use(self, item):
        if not isinstance(item, str):
            return item  # A filter class or a (field, class) pair was chosen on purpose.
        field = get_fields_from_path(self.model, item)[-1]
        if field.is_relation:
            return (item, admin.RelatedOnlyFieldListFilter)
        if field.choices:
            return (item, ChoicesInUseFilter)
        return item
