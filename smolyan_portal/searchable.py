"""The portal's own pages in the search index, declared as the search app asks."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from search.registry import PageSource, register
from smolyan_portal.models import FEEDBACK_RETENTION_MONTHS, AccessibilityStatement


def _statement_context():
    return {
        "statement": AccessibilityStatement.current(),
        "feedback_retention_months": FEEDBACK_RETENTION_MONTHS,
        "contact_email": settings.PORTAL_CONTACT_EMAIL,
    }


def _statement_reviewed_on():
    statement = AccessibilityStatement.current()
    return statement.reviewed_on if statement else None


def _privacy_context():
    from smolyan_portal.views import privacy_context

    return {**privacy_context(), "contact_email": settings.PORTAL_CONTACT_EMAIL}


def register_pages():
    register(
        PageSource(
            name="smolyan_portal.accessibility",
            title=_("Accessibility statement"),
            url_name="accessibility",
            template="includes/accessibility_statement.html",
            # Each page its own label: the type facet lists one link per source, and two
            # links both called "Page" would look like the same filter twice.
            label=_("Accessibility statement"),
            context=_statement_context,
            watch=(AccessibilityStatement,),
            date=_statement_reviewed_on,
        )
    )
    register(
        PageSource(
            name="smolyan_portal.privacy",
            title=_("Privacy notice"),
            url_name="privacy",
            template="includes/privacy_notice.html",
            label=_("Privacy notice"),
            context=_privacy_context,
        )
    )
