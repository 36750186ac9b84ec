"""Every error of the API as JSON: `{"detail": "…", "parameter": "…"}`.

A bad query parameter is the client's mistake and says so with 400, naming the parameter,
so that a program can tell which one to fix; nothing a client sends may cause a 500.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.views import exception_handler


class BadParameter(exceptions.APIException):
    """A query parameter whose value the API cannot use."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_parameter"

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter


def handle_exception(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, BadParameter):
        response.data = {"detail": str(exc.detail), "parameter": exc.parameter}
    elif response.status_code == status.HTTP_404_NOT_FOUND:
        response.data = {"detail": _("There is no published record with this id.")}
    return response


def is_api_request(request):
    return request.path_info.startswith("/api/")


def bad_parameter_response(parameter, detail):
    """A 400 for a request refused before it reached the API's views (site middleware)."""
    return JsonResponse({"detail": str(detail), "parameter": parameter}, status=400)


def not_found_response():
    """A 404 for an address under /api/ that names nothing."""
    return JsonResponse({"detail": _("There is no such address in the API.")}, status=404)
