"""The API as HTTP: its schema, errors that name the parameter, CORS, conditional GET."""

import pytest
from django.utils.http import http_date
from openapi_spec_validator import validate

from tests import factories
from tests.api.content import LISTS, draft, linked_items

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_3_and_documents_every_list_and_filter(client):
    linked_items(1)
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    for path in LISTS.values():
        assert path in schema["paths"]
        assert f"{path}{{id}}/" in schema["paths"]
    news = {p["name"] for p in schema["paths"]["/api/v1/news/"]["get"]["parameters"]}
    assert {"project", "partner", "year", "lang", "page", "page_size"} <= news
    # Read-only: no operation but GET.
    methods = {method for item in schema["paths"].values() for method in item}
    assert methods == {"get"}


BAD = [
    ("/api/v1/news/?lang=xx", "lang"),
    ("/api/v1/news/?page=9", "page"),
    ("/api/v1/news/?page=0", "page"),
    ("/api/v1/news/?page=two", "page"),
    ("/api/v1/news/?page_size=1000", "page_size"),
    ("/api/v1/news/?project=abc", "project"),
    ("/api/v1/news/?year=12", "year"),
    ("/api/v1/meetings/?when=soon", "when"),
    ("/api/v1/partners/?kind=castle", "kind"),
    ("/api/v1/partners/?country=XX", "country"),
    ("/api/v1/documents/?language=de", "language"),
    ("/api/v1/projects/?partner=%EF%BC%91", "partner"),
    ("/api/v1/news/?project=1%00", "project"),
    ("/api/v1/news/?q=%ff", "q"),
]


@pytest.mark.parametrize(("url", "parameter"), BAD)
def test_a_bad_parameter_is_a_400_in_json_that_names_it(client, url, parameter):
    factories.make_article()
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["parameter"] == parameter
    assert body["detail"]


def test_a_filter_naming_a_draft_is_refused_like_an_unknown_one(client):
    hidden = factories.make_project(**draft())
    response = client.get("/api/v1/news/", {"project": hidden.pk})
    assert response.status_code == 400
    assert response.json()["parameter"] == "project"


def test_an_unknown_address_under_api_is_a_404_in_json(client):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_cors_allows_any_origin_on_the_api_only(client):
    factories.make_article()
    api = client.get("/api/v1/news/", headers={"Origin": "https://example.org"})
    assert api["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in api["Access-Control-Expose-Headers"]
    refused = client.get("/api/v1/news/?lang=xx", headers={"Origin": "https://example.org"})
    assert refused["Access-Control-Allow-Origin"] == "*"
    page = client.get("/en/news/", headers={"Origin": "https://example.org"})
    assert "Access-Control-Allow-Origin" not in page
    preflight = client.options(
        "/api/v1/news/",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 204
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_writing_is_not_allowed(client):
    article = factories.make_article()
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(f"/api/v1/news/{article.pk}/")
        assert response.status_code == 405
    assert client.post("/api/v1/news/").status_code == 405


@pytest.mark.parametrize("name", LISTS)
def test_an_unchanged_answer_is_a_304(client, name):
    linked_items(1)
    first = client.get(LISTS[name])
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(LISTS[name], headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(LISTS[name], headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_an_edit_changes_the_etag_and_last_modified(client):
    article = factories.make_article()
    url = f"/api/v1/news/{article.pk}/"
    first = client.get(url)
    article.title_en = "A new title"
    article.save()
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert again.json()["title"]["en"] == "A new title"
    assert again["Last-Modified"] == http_date(article.updated_at.timestamp())


def test_the_page_cache_keeps_each_filtered_answer_apart(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    english = factories.make_article()
    bulgarian_only = factories.make_article(title_en="")
    everything = {english.pk, bulgarian_only.pk}
    assert set(ids_of(client.get("/api/v1/news/"))) == everything
    assert ids_of(client.get("/api/v1/news/?lang=en")) == [english.pk]
    assert ids_of(client.get("/api/v1/news/?page_size=1")) == [bulgarian_only.pk]
    assert set(ids_of(client.get("/api/v1/news/?utm_source=x"))) == everything
    assert client.get("/api/v1/news/?lang=xx").status_code == 400


def ids_of(response):
    return [record["id"] for record in response.json()["results"]]


@pytest.mark.parametrize("name", LISTS)
def test_an_answer_is_the_same_in_whatever_language_the_client_asks(client, name):
    linked_items(3)
    bulgarian = client.get(LISTS[name], headers={"Accept-Language": "bg"}).json()
    english = client.get(LISTS[name], headers={"Accept-Language": "en"}).json()
    assert bulgarian == english
