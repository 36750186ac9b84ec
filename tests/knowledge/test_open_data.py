"""Solutions and topics in the open-data API, the feeds and the demo content."""

import io
import json
import xml.etree.ElementTree as ElementTree

import pytest
from django.core.management import call_command

from knowledge.models import Basis, Indicator, Person, ReplicationStatus, Solution
from publishing.models import Status
from tests.factories import make_indicator, make_replication, make_solution, make_topic

pytestmark = pytest.mark.django_db


def test_a_solution_record_has_both_languages_and_its_parts(client):
    solution = make_solution(title_bg="Блок", title_en="", advice_en="Start small.")
    solution.topics.add(make_topic(name_en="Buildings"))
    make_replication(solution, status=ReplicationStatus.LIGHTHOUSE, year=2021)
    make_indicator(solution, values=[(2021, "12.5")], unit="MWh")
    record = client.get(f"/api/v1/solutions/{solution.pk}/").json()
    assert record["title"] == {"bg": "Блок", "en": None}
    assert record["advice"] == {"bg": None, "en": "Start small."}
    assert record["topics"][0]["name"]["en"] == "Buildings"
    replication = record["replications"][0]
    assert (replication["status"], replication["year"]) == ("lighthouse", 2021)
    assert replication["status_label"] == {
        "bg": "Изпълнено като водещ град",
        "en": "Implemented as lighthouse",
    }
    assert record["indicators"][0]["values"] == [{"year": 2021, "value": 12.5, "source_url": ""}]
    assert record["url"]["en"].endswith(f"/en/solutions/{solution.slug_bg}/")


def test_the_lists_filter_and_the_schema_documents_them(client):
    wanted = make_solution(title_en="Wanted")
    make_replication(wanted, status=ReplicationStatus.ADAPTING)
    make_solution(title_en="Other")
    titles = [
        record["title"]["en"]
        for record in client.get("/api/v1/solutions/", {"status": "adapting"}).json()["results"]
    ]
    assert titles == ["Wanted"]
    assert client.get("/api/v1/solutions/", {"status": "built"}).status_code == 400
    topics = client.get("/api/v1/topics/").json()
    assert topics["count"] == 8 and topics["results"][0]["name"]["bg"]
    schema = json.loads(client.get("/api/v1/schema/", {"format": "json"}).content)
    assert {"/api/v1/solutions/", "/api/v1/solutions/{id}/", "/api/v1/topics/"} <= set(
        schema["paths"]
    )
    root = client.get("/api/v1/").json()
    assert root["solutions"].endswith("/api/v1/solutions/")


@pytest.mark.parametrize(
    ("path", "title"),
    [("/bg/reshenia/rss.xml", "Блок"), ("/en/solutions/atom.xml", "Energy block")],
)
def test_the_solutions_feed_lists_what_is_written_in_its_language(client, path, title):
    make_solution(title_bg="Блок", title_en="Energy block")
    make_solution(title_bg="Само български", title_en="", summary_en="")
    make_solution(title_en="Draft", status=Status.DRAFT, published_at=None)
    feed = ElementTree.fromstring(client.get(path).content)
    titles = [element.text for element in feed.iter() if element.tag.endswith("title")]
    assert title in titles
    assert "Draft" not in titles
    assert ("Само български" in titles) == path.startswith("/bg/")


def test_the_feed_is_advertised_on_the_solutions_pages(client):
    html = client.get("/en/solutions/").content.decode()
    assert 'type="application/rss+xml" title="Solutions (RSS)" href="/en/solutions/rss.xml"' in html
    assert 'type="application/atom+xml" title="Solutions (Atom)"' in html


def test_the_demo_has_the_seeds_solutions_and_its_one_person(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    assert Solution.objects.published().count() == 8
    person = Person.objects.published().get()
    assert (person.name_en, person.basis) == ("Marin Zahariev", Basis.PUBLIC_OFFICE)
    assert [session.order for session in person.spoke_at.all()] == [1]
    # The seed gives no figures, and statuses only where it states them.
    assert not Indicator.objects.exists()
    statuses = sorted(
        (row.city.name_en, row.status, row.year)
        for solution in Solution.objects.all()
        for row in solution.replications.all()
    )
    assert statuses == [
        ("Písek", "replicated", None),
        ("Smolyan", "demonstrating", None),
        ("Smolyan", "planned", None),
    ]
    pool = Solution.objects.get(slug_bg="pozitivno-energiyniyat-blok-na-smolyan")
    assert [visit.order for visit in pool.site_visits.all()] == [1]
    cookbook = Solution.objects.get(slug_bg="ped-cookbook")
    assert cookbook.documents.get().title_en == "Notes of the discussion at Sky Hub Smolyan"
