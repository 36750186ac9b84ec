"""Editing knowledge in the admin: both languages, inlines, refusals in the editor's words."""

import pytest

from events.models import Session
from knowledge.models import Indicator, Person, Solution, Topic
from publishing.models import Status
from tests.admin_support import admin_pages, admin_url, form_data
from tests.factories import (
    make_indicator,
    make_partner,
    make_person,
    make_session,
    make_solution,
    make_topic,
)

pytestmark = pytest.mark.django_db


def test_every_admin_page_renders(staff_client):
    indicator = make_indicator(values=[(2020, 1)])
    objects = [indicator.solution, indicator, make_topic(), make_person(), make_session()]
    for obj in objects:
        for url in admin_pages(obj):
            for language in ("bg", "en"):
                response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
                assert response.status_code == 200, (url, language)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_solution_is_added_with_its_replication_and_indicator(staff_client, language):
    city = make_partner(name_en="Písek")
    topic = make_topic()
    data = form_data(staff_client.get(admin_url(Solution, "add"), HTTP_ACCEPT_LANGUAGE=language))
    data |= {
        "title_bg": "Училище с енергия",
        "title_en": "A school with energy",
        "summary_bg": "Училище, превърнато в позитивно енергийна сграда.",
        "summary_en": "A school turned into a positive energy building.",
        "worked_en": "The pupils took part.",
        "topics": [str(topic.pk)],
        "status": Status.PUBLISHED,
        "replications-TOTAL_FORMS": "1",
        "replications-0-city": str(city.pk),
        "replications-0-status": "replicated",
        "replications-0-year": "2022",
        "indicators-TOTAL_FORMS": "1",
        "indicators-0-name_bg": "Произведена енергия",
        "indicators-0-name_en": "Energy produced",
        "indicators-0-unit": "MWh",
        "indicators-0-baseline_value": "10",
        "indicators-0-baseline_year": "2019",
        "indicators-0-order": "0",
    }
    response = staff_client.post(admin_url(Solution, "add"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.context and response.context["errors"]
    solution = Solution.objects.get()
    assert (solution.slug_bg, solution.slug_en) == ("uchilishte-s-energia", "a-school-with-energy")
    assert solution.is_published
    assert solution.replications.get().city == city
    assert solution.indicators.get().name_en == "Energy produced"
    assert list(solution.topics.all()) == [topic]


@pytest.mark.parametrize(
    ("language", "year", "message"),
    [
        ("en", "", "Give the year this value was measured in."),
        ("bg", "", "Въведете годината, в която е измерена стойността."),
        ("en", "1899", "Give a year between 1900 and 2100."),
        ("bg", "2101", "Въведете година между 1900 и 2100."),
    ],
)
def test_an_indicator_value_without_a_year_in_range_is_refused(
    staff_client, language, year, message
):
    indicator = make_indicator()
    url = admin_url(indicator, "change")
    data = form_data(staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language))
    data |= {"values-TOTAL_FORMS": "1", "values-0-year": year, "values-0-value": "12.5"}
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    errors = [
        error
        for form in response.context["inline_admin_formsets"][0].formset.errors
        for error in form.get("year", [])
    ]
    assert errors == [message]
    assert message in response.content.decode()
    assert not indicator.values.exists()


def test_an_indicator_value_with_its_year_is_saved(staff_client):
    indicator = make_indicator()
    url = admin_url(indicator, "change")
    data = form_data(staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en"))
    data |= {"values-TOTAL_FORMS": "1", "values-0-year": "2023", "values-0-value": "12.5"}
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert [(v.year, str(v.value)) for v in indicator.values.all()] == [(2023, "12.50")]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Record the basis before publishing the name."),
        ("bg", "Впишете основанието, преди да публикувате името."),
    ],
)
def test_a_person_is_not_published_without_a_basis(staff_client, language, message):
    data = form_data(staff_client.get(admin_url(Person, "add"), HTTP_ACCEPT_LANGUAGE=language))
    data |= {"name_bg": "Иван Иванов", "name_en": "Ivan Ivanov", "status": Status.PUBLISHED}
    response = staff_client.post(admin_url(Person, "add"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["basis"] == [message]
    assert not Person.objects.exists()


def test_a_stale_solution_form_is_refused(staff_client):
    solution = make_solution(title_en="Old title")
    url = admin_url(solution, "change")
    data = form_data(staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en"))
    Solution.objects.filter(pk=solution.pk).update(title_en="Changed meanwhile")
    solution.refresh_from_db()
    solution.save()  # A save by someone else moves its last-changed time.
    data["title_en"] = "Mine"
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    solution.refresh_from_db()
    assert solution.title_en == "Changed meanwhile"


def test_a_sessions_admin_records_its_speakers_as_people(staff_client):
    session = make_session()
    person = make_person()
    url = admin_url(session, "change")
    data = form_data(staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en"))
    prefix = next(
        key[: -len("-TOTAL_FORMS")]
        for key in data
        if "spoke_at" in key and key.endswith("-TOTAL_FORMS")
    )
    data |= {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-person": str(person.pk)}
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(Session.objects.get().speaker_people.all()) == [person]


def test_evidence_is_chosen_with_autocomplete(staff_client):
    html = staff_client.get(admin_url(Solution, "add"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for field in ("sessions", "site_visits", "documents", "articles", "contact_people"):
        assert f'name="{field}"' in html
        assert f'id="id_{field}"' in html
    assert html.count("admin-autocomplete") >= 5


def test_the_admin_index_counts_drafts_that_need_attention(staff_client):
    make_solution(status=Status.DRAFT, published_at=None)
    make_solution(title_en="")
    make_person(status=Status.DRAFT, published_at=None, basis="")
    html = staff_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    block = html[html.index('id="attention-module"') : html.index("</table>")]
    assert '<a href="/admin/knowledge/solution/?publication=draft">Drafts: 1</a>' in block
    assert '<a href="/admin/knowledge/solution/?english=missing">Without English: 1</a>' in block
    assert '<a href="/admin/knowledge/person/?publication=draft">Drafts: 1</a>' in block


def test_the_seeded_topics_are_there_to_edit(staff_client):
    names = list(Topic.objects.values_list("name_en", flat=True))
    assert names == [
        "Positive energy blocks and districts",
        "Buildings",
        "Mobility",
        "Citizen engagement",
        "Finance and business models",
        "Governance and regulation",
        "Data and digital",
        "Climate adaptation",
    ]
    html = staff_client.get(admin_url(Topic), HTTP_ACCEPT_LANGUAGE="bg").content.decode()
    assert "Данни и цифровизация" in html
    assert not Indicator.objects.exists()
