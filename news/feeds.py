"""Feeds of the news: all of it, and each project's."""

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from news.models import Article
from projects.models import Project
from publishing.feeds import FEED_LENGTH, TranslatedFeed
from publishing.views import find_by_slug


class NewsFeed(TranslatedFeed):
    guid_name = "article"

    def title(self):
        return _("News · EU projects of Smolyan")

    def description(self, obj):
        return _("News of the Municipality of Smolyan's EU city projects.")

    def link(self):
        return reverse("news:article-list")

    def articles(self):
        published_projects = Project.objects.published()
        return self.translated(Article.objects.published()).prefetch_related(
            Prefetch("projects", queryset=published_projects)
        )

    def items(self):
        return self.articles().order_by("-published_at", "-pk")[:FEED_LENGTH]

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [str(project) for project in item.projects.all()]


class ProjectNewsFeed(NewsFeed):
    """The news about one project."""

    def get_object(self, request, slug):
        project = find_by_slug(Project.objects.published(), slug)
        if project is None:
            raise Http404(_("No such page."))
        return project

    def title(self, project):
        return _("News of %(project)s · EU projects of Smolyan") % {"project": project}

    def description(self, project):
        return _("News of the project %(project)s.") % {"project": project.title}

    def link(self, project):
        return project.get_absolute_url()

    def items(self, project):
        return (
            self.articles().filter(projects=project).order_by("-published_at", "-pk")[:FEED_LENGTH]
        )
