"""Each project's data as CSV files and JSON, with its data dictionary and licence."""

import csv
import io
import json
import zipfile

import pytest
from django.utils import translation

from api.dictionary import TABLES
from tests import factories
from tests.api.content import draft, linked_items

pytestmark = pytest.mark.django_db


def csv_tables(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    tables = {}
    for table in TABLES:
        raw = archive.read(table.file_name)
        assert raw.startswith(b"\xef\xbb\xbf"), table.file_name
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        tables[table.name] = rows
    return tables, archive.read("README.txt").decode("utf-8")


def smolyan_project():
    project = factories.make_project(title_bg="Проект „Смолян“")
    host = factories.make_partner(name_bg="Община Смолян", name_en="Smolyan Municipality")
    factories.make_participation(project=project, partner=host)
    meeting = factories.make_meeting(project=project, host=host, title_bg="Среща в Смолян")
    session = factories.make_session(meeting=meeting, speakers_bg="Николай Мелемов, кмет")
    session.led_by.add(host)
    factories.make_site_visit(meeting=meeting, place_bg="Смолянски езера")
    factories.make_document(project=project, title_bg="Доклад за щастието")
    return project, meeting, host


def test_the_csv_files_open_with_their_cyrillic_intact(client):
    project, meeting, host = smolyan_project()
    tables, readme = csv_tables(client.get(f"/api/v1/projects/{project.pk}/export.zip"))
    assert tables["meetings"][0]["title_bg"] == "Среща в Смолян"
    assert tables["meetings"][0]["host_id"] == str(host.pk)
    assert tables["sessions"][0]["speakers_bg"] == "Николай Мелемов, кмет"
    assert tables["sessions"][0]["led_by"] == str(host.pk)
    assert tables["sessions"][0]["start_time"] == "09:30"
    assert tables["site_visits"][0]["place_bg"] == "Смолянски езера"
    assert tables["partners"][0]["name_bg"] == "Община Смолян"
    assert tables["documents"][0]["title_bg"] == "Доклад за щастието"
    assert tables["meetings"][0]["url_en"] == f"http://testserver/en/meetings/{meeting.slug_en}/"
    for table in TABLES:
        assert list(tables[table.name][0]) == table.header()
    assert "CC BY 4.0" in readme and "https://creativecommons.org/licenses/by/4.0/" in readme
    assert "Речник на данните" in readme or "речник" in readme.lower()


def test_the_json_export_has_the_same_tables_and_the_licence(client):
    project, meeting, host = smolyan_project()
    response = client.get(f"/api/v1/projects/{project.pk}/export.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["meetings"][0]["title_bg"] == "Среща в Смолян"
    assert data["meetings"][0]["host_id"] == host.pk
    assert data["partners"][0]["name_en"] == "Smolyan Municipality"
    assert data["data_dictionary"].endswith("/en/open-data/data-dictionary/")


def test_exports_hold_only_published_content(client):
    project, _meeting, _host = smolyan_project()
    hidden = factories.make_meeting(project=project, **draft(title_bg="Скрита среща"))
    factories.make_session(meeting=hidden)
    factories.make_participation(project=project, partner=factories.make_partner(**draft()))
    factories.make_document(project=project, **draft())
    tables, _readme = csv_tables(client.get(f"/api/v1/projects/{project.pk}/export.zip"))
    assert [len(tables[name]) for name in ("meetings", "sessions", "partners", "documents")] == [
        1,
        1,
        1,
        1,
    ]
    hidden_project = factories.make_project(**draft())
    assert client.get(f"/api/v1/projects/{hidden_project.pk}/export.json").status_code == 404


@pytest.mark.parametrize("extension", ["zip", "json"])
def test_an_export_runs_a_fixed_number_of_queries(client, extension, django_assert_num_queries):
    project = linked_items(1)
    url = f"/api/v1/projects/{project.pk}/export.{extension}"
    with django_assert_num_queries(7):
        client.get(url)
    more = linked_items(30)
    with django_assert_num_queries(7):
        response = client.get(f"/api/v1/projects/{more.pk}/export.{extension}")
    assert response.status_code == 200


def test_the_project_page_links_its_exports_and_the_data_dictionary(client):
    project, _meeting, _host = smolyan_project()
    with translation.override("en"):
        html = client.get(project.get_absolute_url()).content.decode()
    assert f'href="/api/v1/projects/{project.pk}/export.zip"' in html
    assert f'href="/api/v1/projects/{project.pk}/export.json"' in html
    assert 'href="/en/open-data/data-dictionary/"' in html


@pytest.mark.parametrize("language", ["bg", "en"])
def test_the_data_dictionary_describes_every_column(client, language):
    with translation.override(language):
        from django.urls import reverse

        response = client.get(reverse("opendata:data-dictionary"))
    assert response.status_code == 200
    html = response.content.decode()
    for table in TABLES:
        assert table.file_name in html
        for name in table.header():
            assert f"<code>{name}</code>" in html
    if language == "bg":
        assert "Речник на данните" in html
