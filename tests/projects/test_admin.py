import datetime

import pytest

from projects.models import Participation, Project, Role
from tests.admin_support import admin_pages, admin_url, form_data
from tests.factories import make_participation, make_partner, make_project

pytestmark = pytest.mark.django_db


def test_every_admin_page_renders(staff_client):
    project = make_participation().project
    for url in admin_pages(project):
        for language in ("bg", "en"):
            response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, (url, language)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_project_is_added_with_its_participations(staff_client, language):
    smolyan, trondheim = make_partner(), make_partner()
    data = form_data(staff_client.get(admin_url(Project, "add"), HTTP_ACCEPT_LANGUAGE=language))
    data |= {
        "title_bg": "Юни в Цар Калоян",
        "title_en": "June in Tsar Kaloyan",
        "summary_bg": "Кратко.",
        "acronym": "JUNE",
        "start_date": "2019-01-01",
        "end_date": "2021-12-31",
        "participations-TOTAL_FORMS": "2",
        "participations-0-partner": str(smolyan.pk),
        "participations-0-role": Role.FOLLOWER,
        "participations-1-partner": str(trondheim.pk),
        "participations-1-role": Role.LIGHTHOUSE,
    }
    response = staff_client.post(admin_url(Project, "add"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.context and response.context["errors"]
    project = Project.objects.get()
    assert project.slug_bg == "yuni-v-tsar-kaloyan"
    assert project.start_date == datetime.date(2019, 1, 1)
    assert dict(project.participations.values_list("partner", "role")) == {
        smolyan.pk: Role.FOLLOWER,
        trondheim.pk: Role.LIGHTHOUSE,
    }


def test_a_partner_takes_part_in_a_project_once(staff_client):
    participation = make_participation()
    project = participation.project
    data = form_data(staff_client.get(admin_url(project, "change"), HTTP_ACCEPT_LANGUAGE="bg"))
    data |= {
        "participations-TOTAL_FORMS": "2",
        "participations-1-partner": str(participation.partner.pk),
        "participations-1-role": Role.PARTNER,
    }
    response = staff_client.post(admin_url(project, "change"), data, HTTP_ACCEPT_LANGUAGE="bg")
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.non_form_errors() == ["Този партньор вече участва в проекта."]
    assert Participation.objects.count() == 1


def test_a_project_cannot_end_before_it_starts(staff_client):
    project = make_project()
    data = form_data(staff_client.get(admin_url(project, "change"), HTTP_ACCEPT_LANGUAGE="en"))
    data |= {"start_date": "2022-01-01", "end_date": "2021-01-01"}
    response = staff_client.post(admin_url(project, "change"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["adminform"].form.errors["end_date"] == [
        "The end date is before the start date."
    ]


def test_projects_filter_by_starting_year(staff_client):
    make_project(start_date=datetime.date(2019, 3, 1))
    make_project(start_date=datetime.date(2021, 3, 1))
    response = staff_client.get(admin_url(Project), {"year": "2021"})
    assert response.context["cl"].result_count == 1
    assert "?year=2019" in response.content.decode()


def test_search_finds_either_language_and_the_acronym(staff_client):
    make_project(title_bg="Климат", title_en="Climate", acronym="CLIM")
    make_project(title_bg="Друго", title_en="Other", acronym="OTH")
    for term in ("Климат", "Climate", "CLIM"):
        response = staff_client.get(admin_url(Project), {"q": term})
        assert response.context["cl"].result_count == 1, term
