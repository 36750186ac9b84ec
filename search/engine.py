"""Running a search: match, rank, keep one result per item, count the facets.

Ranking is done here, in Python, from what both databases report alike, so the order is
the same on SQLite and PostgreSQL. Results are ordered by, in turn:

1. the quoted phrases occurring as typed (when the query has any);
2. how many of the words are in the title, then whether the title is nothing but them;
3. whether every word is in the title or the headings rather than the body;
4. being in the language of the page;
5. the date, recent first; then the order the items were made in.

An item found in both languages is shown once, in the page's language when that matched.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import query as query_module
from .backends import backend
from .registry import get

FACET_HEADINGS = {"type": _("Type"), "project": _("Project"), "year": _("Year")}


@dataclass
class Filters:
    type: str = ""
    project: int | None = None
    year: int | None = None

    def allows(self, hit, ignore=""):
        return (
            (ignore == "type" or not self.type or hit.source == self.type)
            and (ignore == "project" or self.project is None or self.project in project_ids(hit))
            and (ignore == "year" or self.year is None or _year(hit) == self.year)
        )


@dataclass
class Outcome:
    query: object
    hits: list = field(default_factory=list)  # ranked, one per item, filtered
    facets: dict = field(default_factory=dict)  # name -> {value: count}
    suggestion: str = ""


def project_ids(hit):
    return [int(value) for value in hit.projects.split()]


def _aware(moment):
    if isinstance(moment, str):
        moment = datetime.datetime.fromisoformat(moment)
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def _date(hit):
    value = hit.date
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return value or timezone.localdate(_aware(hit.published_at))


def _year(hit):
    return _date(hit).year if hit.date else None


def _title_sequences(hit):
    """The title's terms by position: (term, Latin term or None) for each word."""
    terms = hit.title_terms.split()
    if len(terms) % 2 == 0 and any(not term.isascii() for term in terms[: len(terms) // 2]):
        half = len(terms) // 2
        return list(zip(terms[:half], terms[half:], strict=True))
    return [(term, None) for term in terms]


def _rank(hit, query, language):
    title = _title_sequences(hit)
    in_title = {term for pair in title for term in pair if term}
    wanted = query.all_terms
    groups_in_title = sum(1 for word in query.words if word.terms & in_title)
    whole_title = bool(title) and all(main in wanted or latin in wanted for main, latin in title)
    key = int(hit.object_id) if hit.object_id.isdigit() else 0
    return (
        not hit.phrase,
        -groups_in_title,
        not whole_title,
        not hit.upper,
        hit.language != language,
        -_date(hit).toordinal(),
        hit.source,
        key,
    )


def _one_per_item(hits, query, language):
    best = {}
    for hit in hits:
        item = (hit.source, hit.object_id)
        rank = _rank(hit, query, language)
        if item not in best or rank < best[item][0]:
            best[item] = (rank, hit)
    return [hit for _rank_key, hit in sorted(best.values(), key=lambda pair: pair[0])]


def _count(hits, key):
    counts = {}
    for hit in hits:
        for value in key(hit):
            counts[value] = counts.get(value, 0) + 1
    return counts


def _facets(hits, filters):
    def by(name):
        return [hit for hit in hits if filters.allows(hit, ignore=name)]

    return {
        "type": _count(by("type"), lambda hit: [hit.source] if get(hit.source) else []),
        "project": _count(by("project"), project_ids),
        "year": _count(by("year"), lambda hit: [year] if (year := _year(hit)) else []),
    }


def run(raw, filters, language, now=None):
    """Search for what was typed: at most three queries, whatever is found."""
    query = query_module.parse(raw)
    outcome = Outcome(query=query)
    if query.problem:
        return outcome
    database = backend()
    now = now or timezone.now()
    query_module.widen(query, database)
    hits = _one_per_item(database.match(query.groups, query.phrase_terms(), now), query, language)
    outcome.facets = _facets(hits, filters)
    outcome.hits = [hit for hit in hits if filters.allows(hit)]
    if not hits:
        outcome.suggestion = _checked_suggestion(query, database, now)
    return outcome


def _checked_suggestion(query, database, now):
    """A "did you mean" that finds something public, or ""."""
    suggested = query_module.suggestion(query)
    if not suggested:
        return ""
    parsed = query_module.parse(suggested)
    if parsed.problem or not database.match(parsed.groups, [], now):
        return ""
    return suggested
