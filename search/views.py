"""The search page: results with snippets, facets as plain links, pages of twenty."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.views.generic import TemplateView

from projects.models import Project
from publishing.lists import QueryLinks, translated_options
from publishing.views import kept_once_asked_again

from . import engine, registry, snippets
from .models import IndexEntry
from .query import MAX_QUERY_LENGTH, MAX_WORDS

PAGE_SIZE = 20
# Far past any real last page, yet an offset every database takes.
MAX_PAGE = 100_000


@dataclass
class Result:
    """One result as the page shows it."""

    title: str
    url: str
    type_label: str
    date: object
    projects: list
    snippet: str
    language: str
    snippet_language: str


def _filters(params):
    """The facet filters of the address; a value that makes no sense is left out."""
    filters, unknown = engine.Filters(), False
    kind = params.get("type")
    if kind is not None:
        if registry.get(kind):
            filters.type = kind
        else:
            unknown = True
    for name, low, high in (("project", 1, 2**62), ("year", 1000, 9999)):
        raw = params.get(name)
        if raw is None:
            continue
        value = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 19 else None
        if value is not None and low <= value <= high:
            setattr(filters, name, value)
        else:
            unknown = True
    return filters, unknown


def _page_number(raw):
    """As the lists do: a page number that is no number is the first page, one past the
    end the last (engine.run sees to that)."""
    try:
        return min(max(int(raw or 1), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


# Every query is a page of its own: only those asked more than once are kept.
@method_decorator(kept_once_asked_again, name="dispatch")
class SearchView(TemplateView):
    """Search the portal; a GET form, so it sets no cookie."""

    template_name = "search.html"

    @cached_property
    def query_links(self):
        return QueryLinks(self.request.GET, leave_out={"page"})

    def facet_url(self, **changes):
        return f"?{self.query_links.with_changes(**changes)}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        typed = self.request.GET.get("q", "")
        self.filters, unknown_filter = _filters(self.request.GET)
        outcome = None
        if typed.strip():
            outcome = engine.run(
                typed,
                self.filters,
                get_language(),
                page=_page_number(self.request.GET.get("page")),
                page_size=PAGE_SIZE,
            )
        query = outcome.query if outcome else None
        shown = query.raw if query else typed.strip()
        if len(shown) > MAX_QUERY_LENGTH:
            shown = shown[:MAX_QUERY_LENGTH] + "…"
        found = outcome.found if outcome else None
        paginator = Paginator(range(found.total if found else 0), PAGE_SIZE)
        page_obj = paginator.page(outcome.page if outcome else 1)
        entries = self._entries(found.page) if found else {}
        projects = self._project_names(found, entries) if found else {}
        context.update(
            typed=shown,
            query=query,
            outcome=outcome,
            page_obj=page_obj,
            results=self._results(found.page, entries, projects, query) if found else [],
            facets=self._facets(found, projects) if found else [],
            unknown_filter=unknown_filter,
            clear_filters_url=self.facet_url(type=None, project=None, year=None),
            max_query_length=MAX_QUERY_LENGTH,
            max_words=MAX_WORDS,
        )
        return context

    def _entries(self, items):
        """The entries of the items on the page, every language of each: one query."""
        entries = {}
        for entry in IndexEntry.objects.filter(item__in=items).select_related("text"):
            entries.setdefault(entry.item, []).append(entry)
        return entries

    def _project_names(self, found, entries):
        wanted = set(found.facets["project"])
        for rows in entries.values():
            for entry in rows:
                wanted.update(entry.projects)
        if self.filters.project:
            wanted.add(self.filters.project)
        if not wanted:
            return {}
        # Named as everywhere else (str(project)), read as plain values in one query.
        published = Project.objects.published().filter(pk__in=wanted)
        return {
            option.value: option.text
            for option in translated_options(published, "title", shown_first="acronym")
        }

    def _results(self, items, entries, projects, query):
        language = get_language()
        wanted = query.all_terms
        results = []
        for item in items:
            rows = entries.get(item)
            source = registry.get(rows[0].source) if rows else None
            if source is None:
                continue
            # The item in the page's language when it has one, else in the site's own.
            rows.sort(key=lambda entry: (entry.language != language, entry.language))
            shown = rows[0]
            snippet, snippet_language = "", shown.language
            for entry in rows:
                text = f"{entry.text.body}\n{entry.text.file_text}"
                passage = snippets.snippet(text, wanted)
                if not snippet:
                    snippet = passage
                if "<mark>" in passage:
                    snippet, snippet_language = passage, entry.language
                    break
            results.append(
                Result(
                    title=shown.title,
                    url=shown.url,
                    type_label=capfirst(source.type_label),
                    date=shown.date,
                    projects=[projects[pk] for pk in shown.projects if pk in projects],
                    snippet=snippet,
                    language=shown.language,
                    snippet_language=snippet_language,
                )
            )
        return results

    def _facets(self, found, projects):
        facets = []
        labels = {
            "type": lambda value: (
                capfirst(kind.type_label) if (kind := registry.get(value)) else ""
            ),
            "project": lambda value: projects.get(value),
            "year": str,
        }
        orders = {
            "type": lambda item: str(item[1]).casefold(),
            "project": lambda item: str(item[1]).casefold(),
            "year": lambda item: -item[0],
        }
        for name, heading in engine.FACET_HEADINGS.items():
            selected = getattr(self.filters, name) or None
            options = []
            for value, count in found.facets.get(name, {}).items():
                label = labels[name](value)
                if label:
                    options.append((value, label, count))
            options.sort(key=lambda item: orders[name]((item[0], item[1])))
            facets.append(
                {
                    "param": name,
                    "label": heading,
                    "remove_url": self.facet_url(**{name: None}) if selected else "",
                    "options": [
                        {
                            "text": label,
                            "count": count,
                            "url": self.facet_url(**{name: value}),
                            "current": value == selected,
                        }
                        for value, label, count in options
                    ],
                }
            )
        return facets
