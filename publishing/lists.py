"""Lists of published items: forgiving pagination and filters as plain links."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import quote_plus

from django.conf import settings
from django.core.paginator import Page
from django.db import connections
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from publishing.translations import column

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MICROSECOND = datetime.timedelta(microseconds=1)


def page_text_columns(model, through=""):
    """Every column of the model's `page_texts` in every language, for `defer()`.

    A model names in `page_texts` the long texts only its own page shows. Left out of a
    list, they are SQL not built and values not read; a card that read one anyway would cost
    a query per item, which the pages' exact query budgets catch. `through` is the relation
    they are reached by (`"project"` for a participation's project), since a query of a
    model without translations would not expand a translated name by itself.
    """
    names = []
    for name in getattr(model, "page_texts", ()):
        names += [name, *(column(name, code) for code, _label in settings.LANGUAGES)]
    return [f"{through}__{name}" if through else name for name in names]


class QueryLinks:
    """The query string of a page with some of its parameters changed.

    The request's parameters are read and encoded once; each link then joins those pieces.
    A list's filters link to every value they offer (200 partners on a big site), and
    copying the request's QueryDict for each link cost more than finding the values did.
    A changed parameter keeps its place; a new one goes last, as with a QueryDict.
    """

    def __init__(self, query, leave_out=()):
        self.pieces = [
            (name, "&".join(_pair(name, value) for value in values))
            for name, values in query.lists()
            if name not in leave_out
        ]

    def setting(self, name):
        """A function of a value: the encoded query with `name` set to that value.

        For the many links of one filter: the rest of the query is joined once.
        """
        before, after, found = [], [], False
        for other, encoded in self.pieces:
            if other == name:
                found = True
            elif encoded:
                (after if found else before).append(encoded)
        head = "".join(f"{piece}&" for piece in before)
        tail = "".join(f"&{piece}" for piece in after)
        return lambda value: f"{head}{_pair(name, value)}{tail}"

    def with_changes(self, **changes):
        """The encoded query with each named parameter set to a value, or left out (None)."""
        pieces = []
        for name, encoded in self.pieces:
            if name not in changes:
                pieces.append(encoded)
            elif changes[name] is not None:
                pieces.append(_pair(name, changes[name]))
        known = {name for name, _encoded in self.pieces}
        pieces += [
            _pair(name, value)
            for name, value in changes.items()
            if value is not None and name not in known
        ]
        return "&".join(piece for piece in pieces if piece)


def _pair(name, value):
    # As urlencode() writes one pair, at a third of its cost.
    return f"{quote_plus(name)}={quote_plus(str(value))}"


def cursor_of(item, time_field):
    """A position in a list ordered by `time_field` and key, both newest first: "<µs>.<pk>"."""
    return f"{(getattr(item, time_field) - EPOCH) // MICROSECOND}.{item.pk}"


def parse_cursor(text):
    """(moment, pk) of a cursor, or None for anything else a visitor may type."""
    micro, _dot, pk = (text or "").partition(".")
    if not (micro.lstrip("-").isdigit() and pk.isdigit()) or len(micro) > 20 or len(pk) > 18:
        return None
    try:
        return EPOCH + int(micro) * MICROSECOND, int(pk)
    except OverflowError:
        return None


def beyond(field, at, pk, *, newer):
    """The rows after (`newer`: before) the row at (`at`, `pk`) in a list newest first by
    `field`, then by key.

    Said as "`field` up to `at`, less the rows of that moment on the wrong side of `pk`",
    not as "`field` before `at`, or at `at` with a smaller key": for the second form SQLite
    reads every row older than `at` and sorts them, for the first it walks its index on
    `field` from `at` and stops at the first row it needs.
    """
    if newer:
        return Q(**{f"{field}__gte": at}) & ~Q(**{field: at, "pk__lte": pk})
    return Q(**{f"{field}__lte": at}) & ~Q(**{field: at, "pk__gte": pk})


# Bounds no content has, standing in for the real ones while a probe's SQL is built.
_STAND_IN = (
    datetime.datetime(1001, 1, 1, tzinfo=datetime.UTC),
    datetime.datetime(1002, 1, 1, tzinfo=datetime.UTC),
)


def ranges_with_rows(queryset, field, ranges):
    """For each (start, end) of `ranges`, whether `queryset` has a row with `field` in it.

    One query of one probe per range, each a seek of an index on `field`. Django would
    build the SQL of every probe anew, at about a millisecond each; here it builds one with
    stand-in bounds, and the range's own bounds take their places in the parameters.
    """
    if not ranges:
        return []
    connection = connections[queryset.db]
    model_field = queryset.model._meta.get_field(field)

    def database_value(value):
        return model_field.get_db_prep_value(value, connection)

    probe = (
        queryset.filter(**{f"{field}__gte": _STAND_IN[0], f"{field}__lt": _STAND_IN[1]})
        .order_by()
        .values("pk")[:1]
    )
    sql, params = probe.query.get_compiler(connection=connection).as_sql()
    params = list(params)
    places = [params.index(database_value(bound)) for bound in _STAND_IN]
    all_params = []
    for bounds in ranges:
        for place, bound in zip(places, bounds, strict=True):
            params[place] = database_value(bound)
        all_params += params
    statement = "SELECT " + ", ".join([f"EXISTS({sql})"] * len(ranges))
    with connection.cursor() as cursor:
        cursor.execute(statement, all_params)
        return [bool(found) for found in cursor.fetchone()]


class NearestPageMixin:
    """Pagination that answers a page number out of range with the nearest page.

    `page=0`, `-1` or `abc` show the first page and `9999` the last, so an edited
    or stale link still lands somewhere useful instead of on an error.

    A list ordered newest first by one time field (`keyset_field`, then the key) gets
    next and previous links that also say where the page starts (`after`, `before`): the
    database then seeks to that row through its index instead of counting past every row
    before it (an OFFSET), so page 50 costs what page 2 does. A bare page number, typed or
    bookmarked, is still found by counting.
    """

    keyset_field = None

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        try:
            number = int(self.request.GET.get(self.page_kwarg) or 1)
        except (TypeError, ValueError):
            number = 1
        number = min(max(number, 1), paginator.num_pages)
        page = self._seek(queryset, paginator, number) or paginator.page(number)
        if self.keyset_field:
            page.object_list = list(page.object_list)
        if self.keyset_field and page.object_list:
            page.next_cursor = cursor_of(page.object_list[-1], self.keyset_field)
            page.previous_cursor = cursor_of(page.object_list[0], self.keyset_field)
        return paginator, page, page.object_list, page.has_other_pages()

    def _seek(self, queryset, paginator, number):
        """The page that starts after (or ends before) the cursor in the address, if any."""
        if not self.keyset_field or number == 1:
            return None
        moment = self.keyset_field
        for param, newer in (("after", False), ("before", True)):
            position = parse_cursor(self.request.GET.get(param))
            if position is None:
                continue
            at, pk = position
            order = (moment, "pk") if newer else (f"-{moment}", "-pk")
            following = beyond(moment, at, pk, newer=newer)
            items = list(queryset.filter(following).order_by(*order)[: paginator.per_page])
            if not items:
                return None
            return Page(items[::-1] if newer else items, number, paginator)
        return None


@dataclass
class Option:
    """One value a facet offers: what the query string carries, and the link's text."""

    value: object
    text: str
    # The language of the text when it fell back to the default one, else "".
    lang: str = ""


@dataclass
class Facet:
    """One filter of a list: its query parameter, heading, lookup and the values it offers."""

    param: str
    label: str
    # The queryset lookup a chosen value narrows the list by, e.g. "projects".
    lookup: str
    options: list = field(default_factory=list)
    selected: Option = None


def translated_options(queryset, field, shown_first=None):
    """A facet's options, one per item: its key and `field` in the page's language.

    Read as plain values (on a big site the partner filter offers 200 partners, and making
    a model instance of each cost more than the query). Where the page's language has no
    text, the default language's is shown and marked, as modeltranslation and
    `publishing.languages.fallback_lang` do on the items themselves. `shown_first` names
    an untranslated field shown instead whenever it is set (a project's acronym).
    """
    language, default = get_language(), settings.LANGUAGE_CODE
    own, fallback = column(field, language), column(field, default)
    names = dict.fromkeys(name for name in ("pk", shown_first, own, fallback) if name)
    options = []
    for row in queryset.values(*names):
        if shown_first and row[shown_first]:
            options.append(Option(row["pk"], row[shown_first]))
        elif row[own] or not row[fallback]:
            options.append(Option(row["pk"], row[own] or ""))
        else:
            options.append(Option(row["pk"], row[fallback], default))
    return options


class FilteredListMixin(NearestPageMixin):
    """A list narrowed by plain links in the query string, e.g. `?project=3&year=2023`.

    Subclasses return their facets from `get_facets()`; the mixin applies each chosen
    value to the queryset through the facet's lookup. A value that is not one of a
    facet's options is a page that does not exist: 404, never a 500.
    """

    def get_facets(self):
        return []

    @cached_property
    def query_links(self):
        return QueryLinks(self.request.GET, leave_out={self.page_kwarg})

    def facet_url(self, **changes):
        encoded = self.query_links.with_changes(**changes)
        return f"?{encoded}" if encoded else self.request.path

    def resolve_facets(self):
        self.facets = self.get_facets()
        for facet in self.facets:
            raw = self.request.GET.get(facet.param)
            if raw is None:
                continue
            facet.selected = next(
                (option for option in facet.options if str(option.value) == raw.strip()), None
            )
            if facet.selected is None:
                raise Http404(_("There is no such filter value."))

    def get(self, request, *args, **kwargs):
        self.resolve_facets()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        for facet in self.facets:
            if facet.selected is not None:
                queryset = queryset.filter(**{facet.lookup: facet.selected.value})
        return queryset

    def facet_context(self, facet):
        query_with = self.query_links.setting(facet.param)
        return {
            "param": facet.param,
            "label": facet.label,
            "options": [
                {
                    "text": option.text,
                    "url": f"?{query_with(option.value)}",
                    "current": option is facet.selected,
                    "lang": option.lang,
                }
                for option in facet.options
            ],
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        facets = [self.facet_context(facet) for facet in self.facets]
        chosen = [
            {
                "label": facet.label,
                "text": facet.selected.text,
                "remove_url": self.facet_url(**{facet.param: None}),
            }
            for facet in self.facets
            if facet.selected is not None
        ]
        context.update(
            facets=facets,
            chosen_filters=chosen,
            clear_filters_url=self.request.path,
        )
        return context
