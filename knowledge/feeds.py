"""The feed of solutions, beside the news feeds."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _

from knowledge.models import Solution
from projects.models import Project
from publishing.feeds import FEED_LENGTH, TranslatedFeed


class SolutionFeed(TranslatedFeed):
    guid_name = "solution"

    def title(self):
        return _("Solutions · EU projects of Smolyan")

    def description(self, obj):
        return _("What the EU city projects of Smolyan tried, what came of it, and who to ask.")

    def link(self):
        return reverse("knowledge:solution-list")

    def items(self):
        solutions = self.translated(Solution.objects.published()).prefetch_related(
            Prefetch("projects", queryset=Project.objects.published()), "topics"
        )
        return solutions.order_by("-published_at", "-pk")[:FEED_LENGTH]

    def item_categories(self, item):
        return [str(topic) for topic in item.topics.all()]
