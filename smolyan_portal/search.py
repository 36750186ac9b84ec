"""Search across the published content of every app."""

from django.conf import settings
from django.db.models import Q

from documents.models import Document
from events.models import Meeting
from news.models import Article
from partners.models import Partner
from projects.models import Project

MAX_QUERY_LENGTH = 100
RESULTS_PER_TYPE = 20

# model -> the translated fields searched
SEARCHED = [
    (Article, ("title", "summary")),
    (Meeting, ("title", "summary")),
    (Project, ("title", "summary")),
    (Partner, ("name", "city")),
    (Document, ("title", "description")),
]


def _matches(fields, words):
    condition = Q()
    for word in words:
        word_condition = Q()
        for field in fields:
            for code, _name in settings.LANGUAGES:
                word_condition |= Q(**{f"{field}_{code}__casefold__contains": word.casefold()})
        condition &= word_condition
    return condition


def search(query):
    """Published items whose text in either language contains every word of the query."""
    words = query.split()[:10]
    if not words:
        return []
    groups = []
    for model, fields in SEARCHED:
        items = list(model.objects.published().filter(_matches(fields, words))[:RESULTS_PER_TYPE])
        if items:
            groups.append({"label": model._meta.verbose_name_plural, "items": items})
    return groups
