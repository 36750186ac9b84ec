"""Projects and the roles partners have in them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import Participation, Role
from tests.factories import make_participation, make_partner, make_project

pytestmark = pytest.mark.django_db


def test_a_partner_takes_part_in_a_project_once():
    participation = make_participation(role=Role.FOLLOWER)
    duplicate = Participation(
        project=participation.project, partner=participation.partner, role=Role.PARTNER
    )
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            duplicate.full_clean()
        assert caught.value.messages == ["This partner is already in the project."]
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_project_cannot_end_before_it_starts():
    project = make_project()
    project.end_date = datetime.date(2017, 1, 1)
    with pytest.raises(ValidationError) as caught:
        project.full_clean()
    assert "end_date" in caught.value.message_dict


def test_partners_through_participations():
    project = make_project()
    trondheim = make_partner(name_en="Trondheim", country="NO")
    ntnu = make_partner(name_en="NTNU", country="NO", kind="university")
    make_participation(project, trondheim, Role.LIGHTHOUSE)
    make_participation(project, ntnu, Role.COORDINATOR)
    assert set(project.partners.all()) == {trondheim, ntnu}
    assert list(trondheim.projects.all()) == [project]
