"""Probes for load balancers and orchestrators."""

import pytest
from django.test import Client

from tests.test_settings import run_python


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_livez_answers_any_host_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200


@pytest.mark.django_db
def test_healthz_answers_a_host_not_in_allowed_hosts():
    client = Client(raise_request_exception=False)
    assert client.get("/healthz", HTTP_HOST="10.1.2.3:8000").status_code == 200
    # Other pages still refuse unknown hosts.
    assert client.get("/bg/", HTTP_HOST="10.1.2.3:8000").status_code == 400


def test_healthz_answers_503_when_the_database_is_unreachable():
    # A real connection attempt to a port where no database listens.
    code = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz'); print(r.status_code, r.content.decode())"
    )
    result = run_python(
        code,
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_SECURE="false",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/unreachable",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    assert '"database": "error"' in body
    # The probe's own line says what failed; Django adds no error line of its own.
    assert "Readiness probe: the database did not answer" in result.stderr
    assert "Service Unavailable" not in result.stderr
