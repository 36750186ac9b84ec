import reversion
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from publishing.admin import TranslatedVersionAdmin
from smolyan_portal.models import AccessibilityStatement, Feedback

reversion.register(AccessibilityStatement)


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(TranslatedVersionAdmin):
    """The one statement: no second can be added, none deleted, a reminder when a review is due."""

    list_display = ["__str__", "conformance_status", "prepared_on", "reviewed_on", "review_due"]
    fieldsets = [
        (None, {"fields": ["conformance_status", "non_accessible_content"]}),
        (
            _("Preparation"),
            {"fields": ["preparation_method", "preparation_details", "prepared_on", "reviewed_on"]},
        ),
        (
            _("Feedback and enforcement"),
            {"fields": ["feedback_email", "feedback_phone", "enforcement_procedure"]},
        ),
    ]

    def attention_items(self, request):
        statement = AccessibilityStatement.current()
        if statement is None or not statement.is_review_due():
            return []
        url = reverse("admin:smolyan_portal_accessibilitystatement_change", args=[statement.pk])
        return [{"label": _("Review due"), "count": 1, "url": url}]

    @admin.display(description=_("review due"), boolean=True)
    def review_due(self, obj):
        return obj.is_review_due()

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not AccessibilityStatement.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        self.remind_of_review(request, AccessibilityStatement.current())
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            self.remind_of_review(request, self.get_object(request, object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    def remind_of_review(self, request, statement):
        if statement is not None and statement.is_review_due():
            messages.warning(
                request,
                gettext(
                    "A year has passed since the accessibility statement was last reviewed "
                    "(%(date)s). Check it against the site, update what has changed and set "
                    "the date of last review."
                )
                % {"date": date_format(statement.reviewed_on)},
            )


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Visitors' messages, read-only; editors mark them handled once answered or fixed."""

    list_display = ["created_at", "short_message", "page_url", "email", "language", "handled"]
    list_filter = ["handled", "language", "created_at"]
    search_fields = ["message", "name", "email", "page_url"]
    date_hierarchy = "created_at"
    actions = ["mark_handled", "mark_unhandled"]
    fields = ["message", "page_url", "name", "email", "language", "created_at", "handled_at"]
    readonly_fields = fields

    @admin.display(description=_("message"))
    def short_message(self, obj):
        text = " ".join(obj.message.split())
        return text if len(text) <= 80 else text[:79] + "…"

    def has_add_permission(self, request):
        return False

    def attention_items(self, request):
        """Messages nobody has handled yet, for the admin index's "needs attention" box."""
        count = Feedback.objects.unhandled().count()
        if not count:
            return []
        url = reverse("admin:smolyan_portal_feedback_changelist") + "?handled__exact=0"
        return [{"label": _("Not handled"), "count": count, "url": url}]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Nothing here is editable: the actions on the list mark messages handled.
        extra_context = {**(extra_context or {}), "show_save": False}
        extra_context.update(show_save_and_continue=False, show_save_and_add_another=False)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Mark the selected messages as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = queryset.filter(handled=False).update(handled=True, handled_at=timezone.now())
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked as handled.",
                "%(count)d messages marked as handled.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Mark the selected messages as not handled"), permissions=["change"]
    )
    def mark_unhandled(self, request, queryset):
        count = queryset.filter(handled=True).update(handled=False, handled_at=None)
        self.message_user(
            request,
            ngettext(
                "%(count)d message marked as not handled.",
                "%(count)d messages marked as not handled.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


# The Translations page registers itself with the admin.
from smolyan_portal import translations_admin  # noqa: E402, F401
