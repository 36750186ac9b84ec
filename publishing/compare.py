"""What changed between two saved versions of an item, field by field."""

import datetime
import difflib
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from reversion.models import Version

# Bookkeeping that changes with every save and tells an editor nothing.
SKIPPED = {"created_at", "updated_at"}
_WORDS = re.compile(r"\w+|\s+|[^\w\s]")


def _language_suffix(field_name):
    for code, name in settings.LANGUAGES:
        if field_name.endswith(f"_{code}"):
            return name
    return None


def _field_label(model, field):
    language = _language_suffix(field.name)
    base_name = field.name.rsplit("_", 1)[0]
    if language is not None and hasattr(model, base_name):
        # modeltranslation names its columns "title [en]"; the editor reads "Title (English)".
        label = str(model._meta.get_field(base_name).verbose_name)
        return f"{label[:1].upper()}{label[1:]} ({language})"
    label = str(field.verbose_name)
    return f"{label[:1].upper()}{label[1:]}"


def _as_text(field, value):
    """The value as an editor reads it: names for links, choices' labels, text of HTML."""
    if value is None or value == "":
        return ""
    if isinstance(field, models.ManyToManyField):
        names = field.related_model._base_manager.filter(pk__in=value or [])
        return ", ".join(sorted(str(obj) for obj in names))
    if isinstance(field, models.ForeignKey):
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "✓" if value else "✗"
    if isinstance(field, models.FileField):
        return str(value)
    if isinstance(field, (models.DateField, models.TimeField)):
        # Versions store these as text, in whatever offset the save used.
        value = field.to_python(value)
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return date_format(value)
        return time_format(value)
    text = str(value)
    if "<" in text:
        # Rich text: compare what readers see, paragraph by paragraph.
        text = re.sub(r"</(p|h[1-6]|li|blockquote|tr)>", "\n", text)
        text = strip_tags(text).strip()
    return text


def word_diff(old, new):
    """HTML of `new` against `old`: removed words in <del>, added ones in <ins>."""
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            parts.append(f"<del>{escape(''.join(old_words[i1:i2]))}</del>")
        if tag in ("replace", "insert"):
            parts.append(f"<ins>{escape(''.join(new_words[j1:j2]))}</ins>")
        if tag == "equal":
            parts.append(escape("".join(old_words[i1:i2])))
    return mark_safe("".join(parts).replace("\n", "<br>"))


def compare_versions(model, older, newer):
    """Rows of (label, old text, new text, diff HTML) for the fields that differ."""
    old_values, new_values = older.field_dict, newer.field_dict
    rows = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False) or field.auto_created or field.primary_key:
            continue
        if field.name in SKIPPED or not getattr(field, "editable", True):
            continue
        # modeltranslation keeps the untranslated column in step with the default language.
        if _language_suffix(field.name) is None and hasattr(model, f"{field.name}_bg"):
            continue
        key = field.attname if isinstance(field, models.ForeignKey) else field.name
        old = _as_text(field, old_values.get(key))
        new = _as_text(field, new_values.get(key))
        if old != new:
            rows.append(
                {
                    "label": _field_label(model, field),
                    "old": old,
                    "new": new,
                    "diff": word_diff(old, new),
                }
            )
    return rows


class CompareVersionsMixin:
    """An admin's history page with a comparison of any two saved versions."""

    object_history_template = "admin/publishing/object_history.html"

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        # reversion's list of versions, with each version's id for the compare form.
        opts = self.model._meta
        versions = (
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision", "revision__user")
            .order_by(*(self.get_version_ordering(request) or ()))
        )
        action_list = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.pk),
                ),
            }
            for version in versions
        ]
        return super().history_view(
            request, object_id, {"action_list": action_list, **(extra_context or {})}
        )

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No such item."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        history_url = reverse(
            f"admin:{self.model._meta.app_label}_{self.model._meta.model_name}_history",
            args=[quote(obj.pk)],
        )
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            chosen = [int(request.GET["from"]), int(request.GET["to"])]
        except (KeyError, ValueError):
            messages.warning(request, _("Choose two versions to compare."))
            return HttpResponseRedirect(history_url)
        found = {version.pk: version for version in versions.filter(pk__in=chosen)}
        if len(found) != len(set(chosen)):
            raise Http404(_("No such version of this item."))
        older, newer = sorted(
            (found[pk] for pk in chosen), key=lambda v: (v.revision.date_created, v.pk)
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Changes to %(name)s") % {"name": obj},
            "subtitle": None,
            "opts": self.model._meta,
            "object": obj,
            "older": older,
            "newer": newer,
            "rows": compare_versions(self.model, older, newer) if older != newer else [],
            "history_url": history_url,
        }
        return TemplateResponse(request, "admin/publishing/compare.html", context)
