"""Additions to the OpenAPI schema that drf-spectacular does not make from the views."""

from drf_spectacular.views import SpectacularJSONAPIView

from api.views import LicenceHeaderMixin
from media.licences import content_licence


def add_licence(result, generator, request, public):
    """The data's licence in `info.license`, as OpenAPI provides for it."""
    licence = content_licence()
    result["info"]["license"] = {
        "name": licence.name,
        **({"url": licence.url} if licence.url else {}),
    }
    return result


class SchemaView(LicenceHeaderMixin, SpectacularJSONAPIView):
    """The OpenAPI 3 schema of the API, made from its code."""
