"""Page-number pagination that refuses a page that does not exist, rather than guessing.

The site's pages answer an out-of-range page with the nearest one (a person followed a
stale link); a program asking for page 9 of 3 has a bug, and is told so with a 400.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from api.errors import BadParameter
from api.filters import whole_number

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class PageNumberPagination(BasePagination):
    def read_number(self, request, name, default, largest):
        raw = request.query_params.get(name)
        if raw is None:
            return default
        message = _("Give a whole number from 1 to %(largest)s.") % {"largest": largest}
        number = whole_number(name, raw.strip(), message)
        if not 1 <= number <= largest:
            raise BadParameter(name, message)
        return number

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = self.read_number(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
        # Any page beyond the last is out of range; the count is known only after reading.
        number = self.read_number(request, "page", 1, 10**9)
        self.paginator = Paginator(queryset, size)
        if number > self.paginator.num_pages:
            raise BadParameter(
                "page",
                _("There is no page %(number)s: the list has %(pages)s.")
                % {"number": number, "pages": self.paginator.num_pages},
            )
        self.page = self.paginator.page(number)
        return list(self.page)

    def page_url(self, number):
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, "page")
        return replace_query_param(url, "page", number)

    def get_paginated_response(self, data):
        page = self.page
        return Response(
            {
                "count": self.paginator.count,
                "page": page.number,
                "pages": self.paginator.num_pages,
                "next": self.page_url(page.next_page_number()) if page.has_next() else None,
                "previous": (
                    self.page_url(page.previous_page_number()) if page.has_previous() else None
                ),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        page_link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["count", "page", "pages", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Records in the whole list."},
                "page": {"type": "integer"},
                "pages": {"type": "integer"},
                "next": page_link,
                "previous": page_link,
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "The page, from 1; a page past the last answers 400.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": "page_size",
                "in": "query",
                "required": False,
                "description": f"Records per page, {DEFAULT_PAGE_SIZE} unless given; "
                f"at most {MAX_PAGE_SIZE}.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
