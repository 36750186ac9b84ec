"""The admin's own search: lists and autocompletes ignore case in Cyrillic, on every database."""

import pytest

from documents.models import Document
from events.models import Meeting
from news.models import Article
from partners.models import Partner
from smolyan_portal.lookups import like
from tests.admin_support import admin_url
from tests.factories import make_article, make_meeting, make_partner, make_project, make_user


@pytest.mark.parametrize(
    ("pattern", "value", "escape", "expected"),
    [
        ("%смолян%", "Община Смолян", None, True),
        ("%СМОЛЯН%", "община смолян", None, True),
        ("смолян", "Смолян", None, True),
        ("смол_н", "Смолян", None, True),
        ("смол_н", "Смолиян", None, False),
        ("%písek%", "PÍSEK", None, True),
        ("%50\\%%", "A 50% share", "\\", True),
        ("%50\\%%", "A 50 share", "\\", False),
        ("%a\\_b%", "a_b", "\\", True),
        ("%a\\_b%", "axb", "\\", False),
        ("%.*%", "any text", None, False),
        ("%x%", None, None, None),
    ],
)
def test_like_folds_the_case_of_every_alphabet(pattern, value, escape, expected):
    assert like(pattern, value, escape) is expected


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["смолян", "СМОЛЯН", "Смолян", "смОЛЯн"])
def test_every_admin_list_finds_cyrillic_in_any_case(staff_client, typed):
    make_partner(name_bg="Смолян", name_en="Smolyan")
    make_partner(name_bg="Община Смолян", name_en="Smolyan Municipality")
    make_partner(name_bg="Пловдив", name_en="Plovdiv", city_bg="Пловдив", city_en="Plovdiv")
    make_article(title_bg="Новини от Смолян")
    make_meeting(title_bg="Среща в Смолян")
    for model, count in ((Partner, 2), (Article, 1), (Meeting, 1), (Document, 0)):
        response = staff_client.get(admin_url(model), {"q": typed})
        assert response.context["cl"].result_count == count, model


@pytest.mark.django_db
def test_autocomplete_finds_cyrillic_in_any_case(client):
    client.force_login(make_user(superuser=True))
    project = make_project(title_bg="Смолянски проект", title_en="Smolyan project")
    make_project(title_bg="Друг", title_en="Other")
    for term in ("смолянски", "СМОЛЯНСКИ"):
        response = client.get(
            "/admin/autocomplete/",
            {"term": term, "app_label": "news", "model_name": "article", "field_name": "projects"},
        )
        assert [item["id"] for item in response.json()["results"]] == [str(project.pk)]
