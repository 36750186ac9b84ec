"""The admin's Translations page: every item with a missing or out-of-date language.

Composed here because it filters by project, which sits above most of the content it
lists; the states themselves are publishing's (publishing.translation_status).
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from events.models import Meeting
from news.models import Article
from partners.models import Partner
from projects.models import Project
from publishing.exchange import export_po, import_po
from publishing.models import FieldTranslation, language_codes, language_name
from publishing.translation_admin import translation_counts
from publishing.translation_status import MISSING, STALE, pending
from publishing.translations import item_models

# How each kind of item reaches the projects it belongs to.
PROJECT_LOOKUPS = {
    Article: "projects",
    Meeting: "project",
    Document: "project",
    Project: "pk",
    Partner: "projects",
}
STATES = {MISSING: _("Missing"), STALE: _("Out of date")}
PER_PAGE = 50


def admin_item_models():
    """The translated models whose items have a form of their own in the admin."""
    return sorted(
        (model for model in item_models() if admin.site.is_registered(model)),
        key=lambda model: str(model._meta.verbose_name_plural),
    )


def model_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


@admin.register(FieldTranslation)
class TranslationsAdmin(admin.ModelAdmin):
    """Not a list of rows of the table: the items its rows and the content say need work."""

    def visible_models(self, request):
        return [
            model
            for model in admin_item_models()
            if admin.site.get_model_admin(model).has_view_or_change_permission(request)
        ]

    def has_view_permission(self, request, obj=None):
        return (
            request.user.is_active and request.user.is_staff and bool(self.visible_models(request))
        )

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("", view(self.changelist_view), name="publishing_fieldtranslation_changelist"),
            path("import/", view(self.import_view), name="publishing_fieldtranslation_import"),
        ]

    def choices(self, request):
        return {
            "models": [
                (model_key(m), m._meta.verbose_name_plural) for m in self.visible_models(request)
            ],
            "projects": [(str(p.pk), str(p)) for p in Project.objects.order_by("title")],
            "languages": [(code, language_name(code)) for code in language_codes()],
            "states": list(STATES.items()),
        }

    def chosen(self, request, choices):
        chosen = {}
        for name, key in (
            ("model", "models"),
            ("project", "projects"),
            ("language", "languages"),
            ("state", "states"),
        ):
            value = request.GET.get(name, "")
            chosen[name] = (
                value if value in {str(choice) for choice, _label in choices[key]} else ""
            )
        return chosen

    def entries(self, request, chosen):
        models = self.visible_models(request)
        if chosen["model"]:
            models = [model for model in models if model_key(model) == chosen["model"]]
        querysets = []
        for model in models:
            queryset = admin.site.get_model_admin(model).get_queryset(request)
            if chosen["project"]:
                lookup = PROJECT_LOOKUPS.get(model)
                if lookup is None:
                    continue
                queryset = queryset.filter(**{lookup: chosen["project"]}).distinct()
            querysets.append(queryset)
        languages = [chosen["language"]] if chosen["language"] else language_codes()
        states = (chosen["state"],) if chosen["state"] else (MISSING, STALE)
        return pending(querysets, languages, states)

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            return (
                self.admin_site.login(request)
                if not request.user.is_active
                else HttpResponse(status=403)
            )
        choices = self.choices(request)
        chosen = self.chosen(request, choices)
        entries = self.entries(request, chosen)
        if request.GET.get("export") == "po":
            return self.export(chosen, entries)
        page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
        for entry in page:
            opts = entry.item._meta
            entry.url = (
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(entry.item.pk)]
                )
                + "?"
                + urlencode({"language": entry.state.language})
            )
            entry.model_name = opts.verbose_name
            entry.state_name = STATES[entry.state.state]
        query = {key: value for key, value in chosen.items() if value}
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translations"),
            "opts": self.model._meta,
            "page": page,
            "count": len(entries),
            "choices": choices,
            "chosen": chosen,
            "export_language": chosen["language"],
            "export_query": urlencode({**query, "export": "po"}),
            "import_url": reverse("admin:publishing_fieldtranslation_import"),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/publishing/translations.html", context)

    def export(self, chosen, entries):
        language = chosen["language"]
        if not language:
            return HttpResponse(gettext("Choose a language to export."), status=400)
        po = export_po(entries, language)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(str(po), content_type="text/x-gettext-translation; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="translations-{language}-{stamp}.po"'
        )
        return response

    def import_view(self, request):
        if not self.has_view_permission(request):
            return HttpResponse(status=403)
        report = None
        if request.method == "POST":
            upload = request.FILES.get("file")
            if upload is None:
                messages.error(request, gettext("Choose a PO file to import."))
            else:
                report = import_po(upload.read(), user=request.user, name=upload.name)
                self.report_to_messages(request, report)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import translations"),
            "opts": self.model._meta,
            "report": report,
            "list_url": reverse("admin:publishing_fieldtranslation_changelist"),
        }
        return TemplateResponse(request, "admin/publishing/translations_import.html", context)

    def report_to_messages(self, request, report):
        if report.refused:
            messages.error(request, gettext("The file was refused; nothing was changed."))
            return
        count = len(report.imported)
        messages.success(
            request,
            ngettext("%(count)d text was imported.", "%(count)d texts were imported.", count)
            % {"count": count},
        )
        if report.conflicts:
            messages.warning(
                request,
                ngettext(
                    "%(count)d text was left out: it changed after the export.",
                    "%(count)d texts were left out: they changed after the export.",
                    len(report.conflicts),
                )
                % {"count": len(report.conflicts)},
            )

    def attention_items(self, request):
        """How many items lack each language or have it out of date, for the admin index."""
        if not self.has_view_permission(request):
            return []
        counts = dict.fromkeys(((code, state) for code in language_codes() for state in STATES), 0)
        known = getattr(request, "translation_counts", {})
        for model in self.visible_models(request):
            # The content admins' own counts of the index, when they have run already.
            found = known.get(model) or admin.site.get_model_admin(model).get_queryset(
                request
            ).aggregate(**translation_counts(model))
            for code, state in counts:
                counts[code, state] += found[f"{code}_{state}"]
        url = reverse("admin:publishing_fieldtranslation_changelist")
        labels = {MISSING: _("Missing in %(language)s"), STALE: _("Out of date in %(language)s")}
        return [
            {
                "label": labels[state] % {"language": language_name(code)},
                "count": count,
                "url": f"{url}?{urlencode({'language': code, 'state': state})}",
            }
            for (code, state), count in counts.items()
            if count
        ]
