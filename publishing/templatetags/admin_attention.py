"""The admin index's "needs attention" summary."""

from django import template
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from publishing.admin import PublishableAdmin

register = template.Library()

# (count key, filter query string, label) for each kind of item that needs a look.
ATTENTION_KINDS = [
    ("drafts", "publication=draft", _("Drafts")),
    ("scheduled", "publication=scheduled", _("Scheduled")),
    ("without_english", "english=missing", _("Without English")),
    ("stale_english", "english=stale", _("English out of date")),
]


@register.simple_tag(takes_context=True)
def attention_rows(context):
    """Per content model the user may see: counts and changelist links, non-zero only."""
    request = context["request"]
    rows = []
    registered = [
        (model, admin.site.get_model_admin(model))
        for model in apps.get_models()
        if admin.site.is_registered(model)
    ]
    # The content's own counts first: the admins that sum them up (translations) reuse them.
    registered.sort(key=lambda pair: not isinstance(pair[1], PublishableAdmin))
    for model, model_admin in registered:
        if not model_admin.has_view_or_change_permission(request):
            continue
        opts = model._meta
        if isinstance(model_admin, PublishableAdmin):
            counts = model_admin.attention_counts(request)
            changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            items = [
                {"label": label, "count": counts[key], "url": f"{changelist}?{query}"}
                for key, query, label in ATTENTION_KINDS
                if counts[key]
            ]
        elif hasattr(model_admin, "attention_items"):
            # Other admins say themselves what needs a look (e.g. unanswered feedback).
            items = model_admin.attention_items(request)
        else:
            continue
        if items:
            rows.append({"name": opts.verbose_name_plural, "items": items})
    rows.sort(key=lambda row: str(row["name"]))
    return rows
