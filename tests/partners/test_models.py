"""Partners: countries in the page's language, symmetric twin towns, coordinates."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from partners.models import Partner, PartnerKind
from tests.factories import make_partner

pytestmark = pytest.mark.django_db


def test_country_name_follows_the_active_language():
    partner = make_partner(country="NO")
    with translation.override("en"):
        assert partner.country.name == "Norway"
    with translation.override("bg"):
        assert partner.country.name == "Норвегия"


def test_twin_towns_are_symmetric():
    smolyan = make_partner(name_bg="Смолян", name_en="Smolyan")
    voru = make_partner(name_bg="Въру", name_en="Võru", country="EE")
    smolyan.twin_towns.add(voru)
    assert list(voru.twin_towns.all()) == [smolyan]


def test_coordinates_come_in_pairs():
    partner = make_partner()
    partner.latitude = 41.574
    partner.longitude = None
    with pytest.raises(ValidationError):
        partner.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Partner.objects.filter(pk=partner.pk).update(latitude=41.574, longitude=None)


def test_latitude_out_of_range_is_refused():
    partner = make_partner()
    partner.latitude, partner.longitude = 123, 24.7
    with pytest.raises(ValidationError) as caught:
        partner.full_clean()
    assert "latitude" in caught.value.message_dict


def test_each_kind_names_its_group_of_partners():
    with translation.override("en"):
        assert [str(kind.group_label) for kind in PartnerKind] == [
            "Cities and municipalities",
            "Universities",
            "Companies",
            "Networks of cities",
            "Institutes and associations",
        ]
    with translation.override("bg"):
        assert str(PartnerKind.UNIVERSITY.group_label) == "Университети"
