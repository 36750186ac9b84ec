"""Lists and cards read the short texts of an item; only its own page reads the long ones."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from events.models import Meeting
from news.models import Article
from partners.models import Partner
from projects.models import Project
from tests.factories import make_portal_content

pytestmark = pytest.mark.django_db

# Every column of the long texts, in any language, as the SQL of a query names it.
LONG_TEXT_COLUMN = re.compile(
    r'"(?:news_article"\."body|events_meeting"\."(?:body|outcomes)'
    r'|projects_project"\."(?:description|funding_statement)|partners_partner"\."description'
    r'|knowledge_solution"\."(?:description|worked|did_not_work|advice))(?:_bg|_en)?"'
)


def long_text_columns(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return sorted({match for query in queries for match in LONG_TEXT_COLUMN.findall(query["sql"])})


def test_every_language_of_a_page_text_is_left_out():
    deferred, _ = Article.objects.for_lists().query.deferred_loading
    assert {"body", "body_bg", "body_en"} <= deferred
    assert not {"title_bg", "summary_bg", "summary_en"} & deferred


def test_the_long_texts_of_a_selected_relation_are_left_out_too():
    deferred, _ = Meeting.objects.for_lists(host=Partner, project=Project).query.deferred_loading
    assert {"body_en", "outcomes_bg", "host__description_en", "project__funding_statement_bg"} <= (
        deferred
    )


@pytest.mark.parametrize("language", ["bg", "en"])
def test_lists_and_cards_read_no_long_text(client, language):
    content = make_portal_content()
    with translation.override(language):
        lists = [
            reverse(name)
            for name in (
                "home",
                "news:article-list",
                "events:meeting-list",
                "partners:partner-list",
                "projects:project-list",
                "knowledge:solution-list",
            )
        ]
        article = content["article"].get_absolute_url()
    for path in lists:
        assert long_text_columns(client, path) == [], path
    # The article's own page reads its text: the pattern finds what it is there to find.
    assert '"news_article"."body_bg"' in long_text_columns(client, article)
