"""The search page: results with snippets, facets as plain links, pages of twenty."""

from dataclasses import dataclass

from django.utils.decorators import method_decorator
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.generic import ListView

from projects.models import Project
from publishing.lists import NearestPageMixin

from . import engine, registry, snippets
from .models import IndexEntry
from .query import MAX_QUERY_LENGTH, MAX_WORDS

PAGE_SIZE = 20


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


# Every query would be a page of its own in the page cache; results are cheap to make.
@method_decorator(cache_control(private=True), name="dispatch")
class SearchView(NearestPageMixin, ListView):
    """Search the portal; a GET form, so it sets no cookie."""

    template_name = "search.html"
    paginate_by = PAGE_SIZE
    context_object_name = "hits"

    def get_queryset(self):
        self.typed = self.request.GET.get("q", "")
        self.filters, self.unknown_filter = _filters(self.request.GET)
        self.outcome = None
        if self.typed.strip():
            self.outcome = engine.run(self.typed, self.filters, get_language())
            return self.outcome.hits
        return []

    def facet_url(self, **changes):
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        for key, value in changes.items():
            if value is None:
                query.pop(key, None)
            else:
                query[key] = str(value)
        return f"?{query.urlencode()}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        outcome = self.outcome
        query = outcome.query if outcome else None
        projects = self._project_names(context["hits"]) if outcome else {}
        typed = query.raw if query else self.typed.strip()
        if len(typed) > MAX_QUERY_LENGTH:
            typed = typed[:MAX_QUERY_LENGTH] + "…"
        context.update(
            typed=typed,
            query=query,
            outcome=outcome,
            results=self._results(context["hits"], projects) if outcome else [],
            facets=self._facets(outcome, projects) if outcome else [],
            unknown_filter=self.unknown_filter,
            clear_filters_url=self.facet_url(type=None, project=None, year=None),
            max_query_length=MAX_QUERY_LENGTH,
            max_words=MAX_WORDS,
        )
        return context

    def _project_names(self, page_hits):
        wanted = set(self.outcome.facets.get("project", {}))
        for hit in page_hits:
            wanted.update(engine.project_ids(hit))
        if self.filters.project:
            wanted.add(self.filters.project)
        if not wanted:
            return {}
        return {
            project.pk: str(project)
            for project in Project.objects.published().filter(pk__in=wanted)
        }

    def _results(self, page_hits, projects):
        entries = IndexEntry.objects.in_bulk([hit.id for hit in page_hits])
        wanted = self.outcome.query.all_terms
        results = []
        for hit in page_hits:
            entry = entries.get(hit.id)
            source = registry.get(hit.source)
            if entry is None or source is None:
                continue
            results.append(
                Result(
                    title=entry.title,
                    url=entry.url,
                    type_label=capfirst(source.type_label),
                    date=entry.date,
                    projects=[projects[pk] for pk in entry.project_ids() if pk in projects],
                    snippet=snippets.snippet(f"{entry.body}\n{entry.file_text}", wanted),
                    language=entry.language,
                )
            )
        return results

    def _facets(self, outcome, projects):
        facets = []
        labels = {
            "type": lambda value: capfirst(registry.get(value).type_label),
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
            for value, count in outcome.facets.get(name, {}).items():
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
