"""What the index holds: each searchable thing is declared once, as plain data.

A declaration names fields, never code: `ModelSource` lists a model's field paths by
weight (title, headings, body), the files whose text is read, the date and the projects;
`PageSource` names a page's template and the data it is rendered with. Passing one to
`register()` is all it takes for the index to hold that content, keep it current on every
save and delete, and for `rebuild_search_index` to rebuild it.

The declaration is made by the higher of two apps, so that imports keep going down:
content below search (news, events, partners, projects, documents, and later knowledge
records) is declared in search/sources.py; content above it (the pages of smolyan_portal)
is declared by its own app in `AppConfig.ready()`.
"""

from dataclasses import dataclass, field

from django.core import checks
from django.core.exceptions import FieldDoesNotExist

_sources = {}


@dataclass(frozen=True)
class ModelSource:
    """A model whose rows are searchable, one index entry per row and language.

    Paths follow relations like QuerySet lookups ("sessions__speakers"); a translated
    field gives each language its own text. `related` maps each model a path passes
    through to the lookup from this model to it, so that a change there (a session
    saved) updates this row's entry.
    """

    model: type
    title: str
    headings: tuple = ()
    body: tuple = ()
    files: tuple = ()
    date: str | None = None
    projects: str | None = None
    related: dict = field(default_factory=dict)
    label: object = None

    @property
    def name(self):
        return self.model._meta.label_lower

    @property
    def type_label(self):
        return self.label or self.model._meta.verbose_name

    def paths(self):
        return [self.title, *self.headings, *self.body, *self.files] + [
            path for path in (self.date, self.projects) if path
        ]


@dataclass(frozen=True)
class PageSource:
    """A page of fixed text, indexed as its template renders it in each language.

    The template is the page's content alone, without the site's frame (which needs a
    request and the static files, neither of which `migrate` has).

    `context` returns the template's data; `watch` lists the models whose change
    changes the page; `date` returns the date the page shows, if any.
    """

    name: str
    title: object
    url_name: str
    template: str
    label: object
    context: object = dict
    watch: tuple = ()
    date: object = None

    @property
    def type_label(self):
        return self.label


def register(source):
    """Add a source to the index; its rows are indexed from now on."""
    from . import tracking

    _sources[source.name] = source
    tracking.watch(source)
    return source


def sources():
    return list(_sources.values())


def get(name):
    return _sources.get(name)


def _path_error(model, path):
    current = model
    for part in path.split("__"):
        try:
            found = current._meta.get_field(part)
        except FieldDoesNotExist:
            return f"{model._meta.label}: “{path}” names no field “{part}”."
        current = found.related_model or current
    return None


@checks.register()
def check_sources(app_configs=None, **kwargs):
    """A renamed field must not quietly empty the index: every declared path must exist."""
    errors = []
    for source in sources():
        if not isinstance(source, ModelSource):
            continue
        for path in source.paths():
            message = _path_error(source.model, path)
            if message:
                errors.append(checks.Error(message, id="search.E001", obj=source.name))
        for model, lookup in source.related.items():
            message = _path_error(source.model, lookup)
            if message:
                errors.append(checks.Error(message, id="search.E002", obj=model))
    return errors
