"""Projects and the roles partners have in them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import Participation, Role, partners_by_role
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


def test_partners_are_grouped_under_their_role_in_the_roles_order():
    project = make_project()
    for name, role in [
        ("Voru", Role.PARTNER),
        ("Trondheim", Role.LIGHTHOUSE),
        ("alba Iulia", Role.FOLLOWER),
        ("Smolyan", Role.FOLLOWER),
        ("NTNU", Role.COORDINATOR),
    ]:
        make_participation(project, make_partner(name_en=name), role)
    with translation.override("en"):
        groups = partners_by_role(project.participations.select_related("partner"))
        assert [(group["label"], [p.name for p in group["partners"]]) for group in groups] == [
            ("Coordinator", ["NTNU"]),
            ("Lighthouse city", ["Trondheim"]),
            ("Follower cities", ["alba Iulia", "Smolyan"]),
            ("Partner", ["Voru"]),
        ]
    with translation.override("bg"):
        assert str(Role.FOLLOWER.group_label) == "Градове последователи"
    assert partners_by_role([]) == []
