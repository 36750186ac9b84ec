"""The query parameters of the lists: each read, checked, applied and documented in one place.

A list declares its parameters (`params` on the view). Each is read with `get()`, so the
page cache sees which parameters an answer depends on (smolyan_portal/page_cache.py), and
a value the API cannot use is answered with 400 naming the parameter, never ignored.
"""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from django_countries import countries
from rest_framework.filters import BaseFilterBackend

from api.errors import BadParameter
from publishing.translations import translated_q

FIRST_YEAR, LAST_YEAR = 1900, 2100


class Param:
    """A filter: its name, its description and how a value narrows the list."""

    type = "string"
    enum = None

    def __init__(self, name, description):
        self.name = name
        self.description = description

    def parse(self, raw):
        return raw

    def apply(self, queryset, value):
        raise NotImplementedError

    def openapi(self):
        """The parameter as an OpenAPI Parameter Object."""
        schema = {"type": self.type}
        if self.enum:
            schema["enum"] = self.enum
        return {
            "name": self.name,
            "in": "query",
            "required": False,
            "description": self.description,
            "schema": schema,
        }


def whole_number(name, raw, message):
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:
        raise BadParameter(name, message)
    return int(raw)


class PublishedRecord(Param):
    """The id of a published record of another kind, e.g. `?project=3`."""

    type = "integer"

    def __init__(self, name, description, queryset, lookup):
        super().__init__(name, description)
        self.queryset = queryset
        self.lookup = lookup

    def parse(self, raw):
        message = _("“%(value)s” is not the id of a published record of this kind.") % {
            "value": raw
        }
        pk = whole_number(self.name, raw, message)
        if not self.queryset().filter(pk=pk).exists():
            raise BadParameter(self.name, message)
        return pk

    def apply(self, queryset, value):
        # A lookup is a field path ("projects"), or a function of the value giving a Q.
        condition = self.lookup(value) if callable(self.lookup) else Q(**{self.lookup: value})
        return queryset.filter(condition).distinct()


class Year(Param):
    type = "integer"

    def __init__(self, name, description, lookup):
        super().__init__(name, description)
        self.lookup = lookup

    def parse(self, raw):
        message = _("Give a year from %(first)s to %(last)s.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
        year = whole_number(self.name, raw, message)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise BadParameter(self.name, message)
        return year

    def apply(self, queryset, value):
        return queryset.filter(**{self.lookup: value})


class Choice(Param):
    """One of a fixed set of values, e.g. a document's kind."""

    def __init__(self, name, description, values, lookup=None):
        super().__init__(name, description)
        self.enum = list(values)
        self.lookup = lookup or name

    def parse(self, raw):
        if raw not in self.enum:
            raise BadParameter(
                self.name,
                _("“%(value)s” is not one of: %(values)s.")
                % {"value": raw, "values": ", ".join(self.enum)},
            )
        return raw

    def apply(self, queryset, value):
        return queryset.filter(**{self.lookup: value})


class Translated(Choice):
    """Only records written in a language, not shown in it by falling back to Bulgarian."""

    def __init__(self):
        super().__init__(
            "lang",
            "Only records translated into this language, by the site's one definition "
            "(every visible text, its parts' included). Every record carries both languages.",
            [code for code, _name in settings.LANGUAGES],
        )

    def apply(self, queryset, value):
        return queryset.filter(translated_q(queryset.model, value))


class Country(Param):
    def __init__(self):
        super().__init__("country", "The partner's country, as an ISO 3166-1 alpha-2 code: BG.")

    def parse(self, raw):
        code = raw.upper()
        if len(code) != 2 or not countries.alpha2(code):
            raise BadParameter(
                self.name, _("“%(value)s” is not a two-letter country code.") % {"value": raw}
            )
        return code

    def apply(self, queryset, value):
        return queryset.filter(country=value)


class Scope(Choice):
    """Upcoming or past meetings, each in the order the meetings page lists them."""

    def __init__(self):
        super().__init__(
            "when",
            "`upcoming`: meetings that have not ended, soonest first; `past`: those that "
            "have, latest first.",
            ["upcoming", "past"],
        )

    def apply(self, queryset, value):
        if value == "upcoming":
            return queryset.upcoming().order_by("start_date", "pk")
        return queryset.past().order_by("-start_date", "-pk")


class ParamFilterBackend(BaseFilterBackend):
    """Applies the view's `params` to its list; drf-spectacular documents them from here."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "action", None) != "list":
            return queryset
        for param in view.params:
            raw = request.query_params.get(param.name)
            if raw is not None:
                queryset = param.apply(queryset, param.parse(raw.strip()))
        return queryset

    def get_schema_operation_parameters(self, view):
        return [param.openapi() for param in view.params]
