"""Settings of the open data, kept here so that settings.py stays short.

settings.py imports them: the licence of the content and data, the API's, and the files of
Swagger UI that the API's documentation page serves from our own host.
"""

import os
from pathlib import Path

import drf_spectacular_sidecar

# The licence of the site's texts, images and data unless an item states its own, as
# "name|URL of its text" (DJANGO_CONTENT_LICENCE); in the footer, the API and the exports.
_licence = os.environ.get(
    "DJANGO_CONTENT_LICENCE", "CC BY 4.0|https://creativecommons.org/licenses/by/4.0/"
)
CONTENT_LICENCE = tuple(part.strip() for part in f"{_licence}|".split("|")[:2])

# Only the files the page uses (with their source maps, which collectstatic follows).
SWAGGER_UI_FILES = (
    Path(drf_spectacular_sidecar.__file__).parent
    / "static/drf_spectacular_sidecar/swagger-ui-dist",
    ["swagger-ui-bundle.js", "swagger-ui-bundle.js.map", "swagger-ui.css", "swagger-ui.css.map"],
)

REST_FRAMEWORK = {
    # JSON only: the browsable API would load its own scripts and styles, and offer forms.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    # Public and read-only: no sign-in, no sessions, no CSRF.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.handle_exception",
    # `?format=` would be one more parameter that changes an answer; there is one format.
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_VERSIONING_CLASS": None,
    "UNICODE_JSON": True,
    "COMPACT_JSON": True,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Smolyan EU projects — open data API",
    "DESCRIPTION": (
        "Read-only, public data of the portal of the Municipality of Smolyan about its EU "
        "projects: news, meetings with their programme and site visits, partners, projects "
        "and documents. Every record carries its texts in Bulgarian and in English; the "
        "content licence is stated in `info.license`, in the API root and in a "
        '`Link: <…>; rel="license"` header on every answer.'
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PUBLIC": True,
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": False,
    "ENUM_NAME_OVERRIDES": {},
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "PREPROCESSING_HOOKS": [],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_licence",
    ],
    "DISABLE_ERRORS_AND_WARNINGS": False,
}
