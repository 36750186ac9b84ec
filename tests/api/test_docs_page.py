"""The API's documentation page: part of the site, Swagger UI from our own static files."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "heading"), [("bg", "Отворени данни"), ("en", "Open data")])
def test_the_docs_page_loads_the_reference_from_our_own_host(client, language, heading):
    with translation.override(language):
        response = client.get(reverse("opendata:api-docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'data-schema-url="/api/v1/schema/"' in html
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert scripts == ["/static/xstatic/swagger-ui/swagger-ui-bundle.js", "/static/js/api-docs.js"]
    assert '<link rel="stylesheet" href="/static/xstatic/swagger-ui/swagger-ui.css">' in html
    # The strict policy of every page: no inline script or style for Swagger UI either.
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and "unsafe" not in policy


def test_swagger_ui_files_are_served(client):
    for name in ("swagger-ui-bundle.js", "swagger-ui.css"):
        response = client.get(f"/static/xstatic/swagger-ui/{name}")
        assert response.status_code == 200, name


def test_the_footer_links_the_open_data_page(client):
    assert 'href="/en/open-data/"' in client.get("/en/").content.decode()
