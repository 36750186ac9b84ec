"""The admin's face of translation states: list columns and filters, the form's marks and
word diffs, "Mark as reviewed", and history entries that name fields as editors read them.
"""

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.text import get_text_list
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from publishing.compare import _field_label
from publishing.models import language_codes, language_name
from publishing.staleness import mark_reviewed
from publishing.translation_status import (
    MISSING,
    STALE,
    field_label,
    rows_of,
    stale_q,
    states_of,
    states_of_item,
)
from publishing.translations import missing_q, part_prefetches, parts


def lazy_str(function):
    return lazy(function, str)()


MARKS = {
    MISSING: ("✗", _("not translated")),
    STALE: ("⚠", _("out of date")),
    "current": ("✓", _("translated")),
}


def translation_counts(model):
    """Aggregates counting, per language, the items that lack it and those out of date in it."""
    found = {}
    for code in language_codes():
        found[f"{code}_{MISSING}"] = Count("pk", filter=missing_q(model, code))
        found[f"{code}_{STALE}"] = Count("pk", filter=stale_q(model, code))
    return found


def filter_parameter(code):
    """The list filter's parameter for a language: "english", "bulgarian"."""
    return get_language_info(code)["name"].lower()


def translation_filter(code):
    """A list filter by the state of one language's text: missing, out of date, up to date."""

    class TranslationFilter(admin.SimpleListFilter):
        title = lazy_str(lambda: gettext("%(language)s text") % {"language": language_name(code)})
        parameter_name = filter_parameter(code)

        def lookups(self, request, model_admin):
            return [
                (MISSING, _("Missing")),
                (STALE, _("Out of date")),
                ("complete", _("Complete")),
            ]

        def queryset(self, request, queryset):
            model = queryset.model
            if self.value() == MISSING:
                return queryset.filter(missing_q(model, code))
            if self.value() == STALE:
                return queryset.filter(stale_q(model, code))
            if self.value() == "complete":
                return queryset.exclude(missing_q(model, code)).exclude(stale_q(model, code))
            return queryset

    return TranslationFilter


def changed_field_labels(model, form, names):
    labels = []
    for name in names:
        if name == "edit_token":
            continue
        try:
            labels.append(_field_label(model, model._meta.get_field(name)))
        except Exception:  # noqa: BLE001 - a form field of no model field
            labels.append(str(form.fields[name].label or name))
    return labels


class TranslationAdminMixin:
    """For TranslatedVersionAdmin: the translation states of its items, wherever they show."""

    def get_list_filter(self, request):
        filters = [translation_filter(code) for code in language_codes()]
        return [*super().get_list_filter(request), *filters]

    def language_columns(self):
        columns = []
        for code in language_codes():

            def column(obj, code=code):
                return self.translation_mark(obj, code)

            column.short_description = code.upper()
            column.__name__ = f"translation_{code}"
            columns.append(column)
        return columns

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        # The states of the listed page, read at once: two or three queries, not one a row.
        rows = changelist.result_list.prefetch_related(*part_prefetches(self.model))
        changelist.result_list = rows
        self._list_states = states_of(list(rows))
        return changelist

    def translation_mark(self, obj, code):
        states = getattr(self, "_list_states", {}).get(obj.pk) or states_of_item(obj)
        state = states[code]
        symbol, words = MARKS[state.state]
        fields = ", ".join(text.label for text in state.texts)
        return format_html(
            '<span aria-hidden="true" title="{}">{}</span><span class="visually-hidden">{}</span>',
            fields,
            symbol,
            f"{words}: {fields}" if fields else words,
        )

    def construct_change_message(self, request, form, formsets, add=False):
        # Django stores its labels untranslated and gettext finds none for a language's
        # column ("title [en]"); these are the labels the editor read, with no edit token.
        message = super().construct_change_message(request, form, formsets, add)
        inline_labels = [
            changed_field_labels(type(obj), formset.forms[0], fields)
            for formset in formsets or []
            for obj, fields in formset.changed_objects
        ]
        kept = []
        for entry in message:
            changed = entry.get("changed")
            if changed is not None and "name" in changed:
                changed["fields"] = inline_labels.pop(0)
            elif changed is not None:
                changed["fields"] = changed_field_labels(self.model, form, form.changed_data)
                if not changed["fields"]:
                    continue
            kept.append(entry)
        return kept

    # The form.

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/translation/<str:language>/reviewed/",
                self.admin_site.admin_view(require_POST(self.review_view)),
                name="{}_{}_translation_reviewed".format(*info),
            ),
            *super().get_urls(),
        ]

    def translation_context(self, request, obj):
        """The states the change form shows above the fields, and the tab to open."""
        if obj is None or obj.pk is None:
            return {}
        states = states_of_item(obj)
        opts = self.model._meta
        for code, state in states.items():
            state.review_url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_translation_reviewed",
                args=[quote(obj.pk), code],
            )
        language = request.GET.get("language")
        return {
            "translation_states": [state for state in states.values() if state.texts],
            "translation_marks": _marks(obj, states),
            "open_language": language if language in states else "",
            "can_review": self.has_change_permission(request, obj),
        }

    def review_view(self, request, object_id, language):
        obj = self.get_object(request, unquote(object_id))
        if obj is None or language not in language_codes():
            raise Http404(gettext("No such item."))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        with reversion.create_revision():
            reviewed = mark_reviewed(obj, language)
            reversion.set_user(request.user)
            reversion.add_to_revision(obj)
            labels = _reviewed_labels(obj, reviewed)
            reversion.set_comment(
                gettext("Marked the %(language)s text as reviewed: %(fields)s.")
                % {
                    "language": language_name(language),
                    "fields": get_text_list(labels, gettext("and")) or "–",
                }
            )
        if reviewed:
            messages.success(
                request,
                gettext("The %(language)s text is marked as reviewed.")
                % {"language": language_name(language)},
            )
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(obj.pk)])
        return HttpResponseRedirect(f"{url}?{urlencode({'language': language})}")


def _marks(obj, states):
    """Which field of which row is missing or out of date in which language, for the tabs."""
    part_names = {model: name for name, model, _fk in parts(type(obj))}
    marks = []
    for code, state in states.items():
        for kind, texts in ((MISSING, state.missing), (STALE, state.stale)):
            for text in texts:
                own = text.row is obj
                marks.append(
                    {
                        "part": "" if own else part_names.get(type(text.row), ""),
                        "pk": text.row.pk,
                        "name": f"{text.field}_{code}",
                        "state": kind,
                        "label": str(MARKS[kind][1]),
                    }
                )
    return marks


def _reviewed_labels(item, records):
    rows = rows_of(item)
    return [
        field_label(rows[key], record.field, type(item))
        for record in records
        if (key := (record.content_type_id, record.object_id)) in rows
    ]
