import pytest

from partners.models import Partner, PartnerKind
from tests.admin_support import admin_pages, admin_url, form_data
from tests.factories import make_partner

pytestmark = pytest.mark.django_db


def test_every_admin_page_renders(staff_client):
    partner = make_partner()
    for url in admin_pages(partner):
        for language in ("bg", "en"):
            response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, (url, language)


@pytest.mark.parametrize("language", ["bg", "en"])
def test_a_partner_is_added_with_its_twin_towns(staff_client, language):
    twin = make_partner()
    data = form_data(staff_client.get(admin_url(Partner, "add"), HTTP_ACCEPT_LANGUAGE=language))
    data |= {
        "name_bg": "Въру",
        "name_en": "Võru",
        "kind": PartnerKind.CITY,
        "country": "EE",
        "latitude": "57.8339",
        "longitude": "27.0194",
        "description_bg": "<p>Град в <em>Естония</em>.</p><script>x()</script>",
        "twin_towns": str(twin.pk),
    }
    response = staff_client.post(admin_url(Partner, "add"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302, response.context and response.context["errors"]
    partner = Partner.objects.get(name_bg="Въру")
    assert partner.slug_bg == "varu"
    assert partner.slug_en == "voru"
    assert partner.description_bg == "<p>Град в <em>Естония</em>.</p>"
    assert list(twin.twin_towns.all()) == [partner]


def test_half_a_pair_of_coordinates_is_refused(staff_client):
    partner = make_partner()
    data = form_data(staff_client.get(admin_url(partner, "change"), HTTP_ACCEPT_LANGUAGE="en"))
    response = staff_client.post(
        admin_url(partner, "change"), data | {"latitude": "41.5", "longitude": ""}
    )
    assert response.status_code == 200
    assert response.context["errors"]


def test_partners_filter_by_country_and_kind(staff_client):
    make_partner(country="NO", kind=PartnerKind.CITY)
    make_partner(country="BG", kind=PartnerKind.UNIVERSITY)
    response = staff_client.get(admin_url(Partner), {"country__exact": "NO"})
    assert response.context["cl"].result_count == 1
    response = staff_client.get(admin_url(Partner), {"kind__exact": PartnerKind.UNIVERSITY})
    assert response.context["cl"].result_count == 1


def test_partner_list_marks_missing_english(staff_client):
    make_partner(name_bg="Смолян", name_en="")
    response = staff_client.get(admin_url(Partner), {"english": "missing"})
    assert [partner.name_bg for partner in response.context["cl"].result_list] == ["Смолян"]
