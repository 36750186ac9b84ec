"""/sitemap.xml: every public page in both languages, and /robots.txt, which points to it."""

import functools

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from documents.models import Document
from events.models import Meeting
from knowledge.models import Solution, Topic
from news.models import Article
from partners.models import Partner
from projects.models import Project
from publishing.sitemaps import PageSitemap, TranslatedSitemap


class TopicSitemap(TranslatedSitemap):
    """Every topic: topics have no drafts, and a topic's page is dated by its last change."""

    def __init__(self):
        super().__init__(Topic)

    def items(self):
        return list(Topic.objects.order_by("pk"))

    def lastmod(self, item):
        return item.updated_at


# Classes, not instances: the sitemap view makes a new one for each request.
SITEMAPS = {
    "pages": functools.partial(
        PageSitemap,
        {
            "home": (Article, Meeting, Project, Partner),
            "news:article-list": (Article,),
            "events:meeting-list": (Meeting,),
            "partners:partner-list": (Partner,),
            "projects:project-list": (Project,),
            "documents:document-list": (Document,),
            "knowledge:solution-list": (Solution,),
            "knowledge:solution-matrix": (Solution,),
            "accessibility": (),
            "privacy": (),
            "opendata:api-docs": (),
            "opendata:data-dictionary": (),
        },
    ),
    "news": functools.partial(TranslatedSitemap, Article),
    "meetings": functools.partial(TranslatedSitemap, Meeting),
    "partners": functools.partial(TranslatedSitemap, Partner),
    "projects": functools.partial(TranslatedSitemap, Project),
    "solutions": functools.partial(TranslatedSitemap, Solution),
    "topics": TopicSitemap,
}


@require_GET
def robots_txt(request):
    """What crawlers may fetch: neither the admin nor search results, in any language."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
