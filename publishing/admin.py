"""What the admin of every content model shares.

Language tabs (modeltranslation), revisions (django-reversion), a refusal to overwrite
changes made since a form was opened, links to the public page in each language, the
publish and unpublish actions, and the filters that the admin index's "needs attention"
links use.
"""

import base64
import hashlib

from csp.constants import NONCE
from csp.decorators import csp_update
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import flatten_fieldsets
from django.db import models
from django.db.models import Count, Q
from django.forms.models import BaseInlineFormSet
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.translation import gettext, gettext_noop, ngettext
from django.utils.translation import gettext_lazy as _
from js_asset import Media
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from publishing.admin_lists import FiltersInUseMixin
from publishing.compare import CompareVersionsMixin
from publishing.models import Status
from publishing.translation_admin import TranslationAdminMixin, translation_counts

# django-reversion ships no Bulgarian catalogue. Its strings are listed here so that
# makemessages puts them in ours, which Django consults before the package's own.
REVERSION_MESSAGES = (
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Initial version."),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Could not load %(object_repr)s version - not found"),
    gettext_noop(
        "Choose a date from the list below to revert to a previous version of this object."
    ),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("There are no deleted objects to recover."),
)


# The CSP source of an empty inline <style>: the change form's placeholder for the editor's
# base styles (templates/admin/change_form.html). Nothing with content can match it.
EMPTY_STYLE_HASH = "'sha256-{}'".format(base64.b64encode(hashlib.sha256(b"").digest()).decode())


class PublicationFilter(admin.SimpleListFilter):
    """Draft, scheduled or on the site: the publishing state as editors think of it."""

    title = _("status")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draft")),
            ("scheduled", _("Scheduled")),
            ("live", _("On the site")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "draft":
            return queryset.drafts()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "live":
            return queryset.published()
        return queryset


def year_filter(field_name, title):
    """A list filter by the year of a date field, listing only the years in use."""

    class YearFilter(admin.SimpleListFilter):
        parameter_name = "year"

        def lookups(self, request, model_admin):
            dates = model_admin.get_queryset(request).dates(field_name, "year", order="DESC")
            return [(str(day.year), str(day.year)) for day in dates]

        def queryset(self, request, queryset):
            value = self.value()
            if value and value.isdigit():
                return queryset.filter(**{f"{field_name}__year": int(value)})
            return queryset

    YearFilter.title = title
    return YearFilter


def edit_token(row):
    """The version of a row an editor has in front of them: its last-changed time."""
    return row.updated_at.isoformat() if row is not None and row.updated_at else ""


def stale_message(row, changed_at):
    """Who changed the row last, and when, in words for the editor."""
    version = Version.objects.get_for_object(row).select_related("revision__user").first()
    user = version.revision.user if version else None
    name = (user.get_full_name() or user.get_username()) if user else gettext("another editor")
    return gettext(
        "%(user)s saved this item at %(time)s, after you opened it. Your changes have not "
        "been saved, so that theirs are not lost: open the item again to see them, then "
        "make your changes once more."
    ) % {"user": name, "time": date_format(timezone.localtime(changed_at), "DATETIME_FORMAT")}


class EditTokenForm(forms.ModelForm):
    """Refuses to save when the item changed in the database after the form was opened."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    # Set by the admin: the row whose `updated_at` stands for this form's item.
    edit_source = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk is not None:
            self.fields["edit_token"].initial = edit_token(self._source())

    @cached_property
    def changed_data(self):
        # The token always differs from its empty initial value; it is no change of the item.
        return [name for name in super().changed_data if name != "edit_token"]

    def _source(self):
        return self.edit_source(self.instance) if self.edit_source else self.instance

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None or self.instance._state.adding:
            return cleaned_data
        source = self._source()
        if source is None:
            return cleaned_data
        # The admin validates and saves in one transaction: the row lock holds a second
        # save of the item here until the first is committed, which makes it stale.
        current = (
            type(source)
            ._base_manager.select_for_update()
            .filter(pk=source.pk)
            .values_list("updated_at", flat=True)
            .first()
        )
        if current is not None and cleaned_data.get("edit_token") != current.isoformat():
            self.add_error(None, forms.ValidationError(stale_message(source, current), "stale"))
        return cleaned_data


class ConstraintMessageFormSet(BaseInlineFormSet):
    """Duplicates within one submission are reported with the model constraint's words.

    Django's own message names the raw field ("duplicate data for order").
    """

    def get_unique_error_message(self, unique_check):
        for constraint in self.model._meta.constraints:
            if set(getattr(constraint, "fields", ())) == set(unique_check):
                return constraint.get_violation_error_message()
        return super().get_unique_error_message(unique_check)


class TranslatedVersionAdmin(
    FiltersInUseMixin,
    TranslationAdminMixin,
    CompareVersionsMixin,
    VersionAdmin,
    TabbedTranslationAdmin,
):
    """Language tabs and revisions, with the stale-save check and per-language links.

    VersionAdmin comes first: its templates (history, recover) and its revision around
    every add/change view wrap the translation admin's forms.
    """

    form = EditTokenForm
    view_on_site = False

    class Media:
        css = {
            "all": [
                "admin-extra/editor.css",
                "admin-extra/compare.css",
                "admin-extra/translations.css",
            ]
        }
        js = ["admin-extra/translations.js"]

    # Editors paste "smolyan.bg"; https is what such an address means today.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    history_latest_first = True
    # For a model edited as part of another, the foreign key whose row guards edits.
    edit_parent = None

    def edit_source(self, obj):
        return getattr(obj, self.edit_parent) if self.edit_parent else obj

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.edit_source = staticmethod(self.edit_source)
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        if fieldsets and "edit_token" not in flatten_fieldsets(fieldsets):
            options = fieldsets[0][1]
            options["fields"] = [*options["fields"], "edit_token"]
        return fieldsets

    def get_list_display(self, request):
        return [*super().get_list_display(request), *self.language_columns(), "site_links"]

    def public_links(self, obj):
        """(language code, language name, URL) of the item's public page in each language."""
        if obj is None or obj.pk is None or not hasattr(obj, "get_absolute_url"):
            return []
        links = []
        for code, name in settings.LANGUAGES:
            slug_column = f"slug_{code}"
            if hasattr(obj, slug_column) and not getattr(obj, slug_column):
                continue  # No address in this language yet.
            with translation.override(code):
                links.append((code, name, obj.get_absolute_url()))
        return links

    @admin.display(description=_("On the site"))
    def site_links(self, obj):
        return format_html_join(
            " ",
            '<a href="{}" hreflang="{}" title="{}">{}</a>',
            ((url, code, name, code.upper()) for code, name, url in self.public_links(obj)),
        )

    # The editor's <script type="importmap"> is inline; the nonce lets it run under
    # script-src 'self' without opening the admin to any other inline script.
    @method_decorator(csp_update({"script-src": [NONCE], "style-src": [EMPTY_STYLE_HASH]}))
    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        nonce = getattr(request, "csp_nonce", "")
        if "media" in context:
            context["media"] = Media.from_media(context["media"], nonce=nonce)
        context["public_links"] = self.public_links(obj)
        context.update(self.translation_context(request, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)


class PublishableAdmin(TranslatedVersionAdmin):
    """The admin of a model with the publishing fields: state filters and actions."""

    actions = ["publish", "unpublish"]

    def get_list_filter(self, request):
        return [PublicationFilter, *super().get_list_filter(request)]

    def has_publish_permission(self, request, obj=None):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj):
            readonly += [name for name in ("status", "published_at") if name not in readonly]
        return readonly

    def attention_counts(self, request):
        """How many items are drafts, scheduled, lack a language or have it out of date.

        One query; the counts per language are kept on the request for the Translations row.
        """
        now = timezone.now()
        counts = self.get_queryset(request).aggregate(
            drafts=Count("pk", filter=Q(status=Status.DRAFT)),
            scheduled=Count("pk", filter=Q(status=Status.PUBLISHED, published_at__gt=now)),
            **translation_counts(self.model),
        )
        counts["without_english"] = counts["en_missing"]
        counts["stale_english"] = counts["en_stale"]
        if not hasattr(request, "translation_counts"):
            request.translation_counts = {}
        request.translation_counts[self.model] = counts
        return counts

    def _set_status(self, request, queryset, status, message):
        # Counted before any change: under a status filter, the queryset asked again after
        # the changes would no longer hold the items just changed.
        selected = list(queryset)
        changed = 0
        for obj in selected:
            if obj.status == status:
                continue
            obj.status = status
            # A publication time left empty becomes now (Publishable.save).
            obj.save(update_fields=["status", "published_at", "updated_at"])
            self.log_change(request, obj, message)
            changed += 1
        return changed, len(selected) - changed

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish(self, request, queryset):
        changed, unchanged = self._set_status(
            request, queryset, Status.PUBLISHED, gettext("Published.")
        )
        self._report(
            request,
            ngettext("%(count)d item was published.", "%(count)d items were published.", changed),
            changed,
            ngettext(
                "%(count)d was published already.", "%(count)d were published already.", unchanged
            ),
            unchanged,
        )

    @admin.action(description=_("Unpublish the selected items"), permissions=["publish"])
    def unpublish(self, request, queryset):
        changed, unchanged = self._set_status(
            request, queryset, Status.DRAFT, gettext("Unpublished.")
        )
        self._report(
            request,
            ngettext(
                "%(count)d item was unpublished and is now a draft.",
                "%(count)d items were unpublished and are now drafts.",
                changed,
            ),
            changed,
            ngettext("%(count)d was a draft already.", "%(count)d were drafts already.", unchanged),
            unchanged,
        )

    def _report(self, request, changed_text, changed, unchanged_text, unchanged):
        text = changed_text % {"count": changed}
        if unchanged:
            text = f"{text} {unchanged_text % {'count': unchanged}}"
        self.message_user(request, text, messages.SUCCESS if changed else messages.WARNING)
