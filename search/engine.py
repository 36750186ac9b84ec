"""Running a search: the words looked up, one page of items ranked and counted, "did you mean".

The ranking itself is in search.backends: one integer per entry, the same on SQLite and
PostgreSQL, so both databases put the same items first.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import query as query_module
from . import tracking
from .backends import Filters, Found, backend

FACET_HEADINGS = {"type": _("Type"), "project": _("Project"), "year": _("Year")}

__all__ = ["FACET_HEADINGS", "Filters", "Outcome", "run"]


@dataclass
class Outcome:
    query: object
    found: Found = field(default_factory=Found)
    suggestion: str = ""
    page: int = 1


def run(raw, filters, language, page=1, page_size=20, now=None):
    """Search for what was typed; three queries at most (four for a page past the end)."""
    query = query_module.parse(raw)
    outcome = Outcome(query=query)
    if query.problem:
        return outcome
    tracking.flush()  # what this transaction changed is found too
    database = backend()
    now = now or timezone.now()
    query_module.widen(query, database)

    def search(number):
        return database.search(
            query.groups,
            query.phrase_terms(),
            language,
            now,
            filters,
            offset=(number - 1) * page_size,
            limit=page_size,
        )

    outcome.page = max(page, 1)
    outcome.found = search(outcome.page)
    last = max((outcome.found.total + page_size - 1) // page_size, 1)
    if outcome.page > last:
        # A page past the end, from an old link: the last page instead.
        outcome.page = last
        outcome.found = search(last)
    if not outcome.found.total and not any(outcome.found.facets.values()):
        outcome.suggestion = _checked_suggestion(query, database, now)
    return outcome


def _checked_suggestion(query, database, now):
    """A "did you mean" that finds something public, or ""."""
    suggested = query_module.suggestion(query)
    if not suggested:
        return ""
    parsed = query_module.parse(suggested)
    if parsed.problem or not database.exists(parsed.groups, now):
        return ""
    return suggested
