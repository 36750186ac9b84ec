"""A topic's page: everything on it across types, newest first, by type and project."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from events.models import Meeting
from knowledge.models import Topic
from projects.facets import project_facet
from publishing.languages import fallback_lang, language_urls
from publishing.lists import Facet, FilteredListMixin, Option
from publishing.models import SlugRedirect
from publishing.translations import translated_languages
from publishing.views import find_by_slug


@dataclass
class Entry:
    """One item on a topic's page, whatever its type."""

    kind: str
    kind_label: str
    obj: object
    date: datetime.date
    summary: str = ""
    summary_field: str = "summary"


def day(moment):
    if isinstance(moment, datetime.datetime):
        return timezone.localtime(moment).date()
    return moment


# (the value in ?type=, its label, how the topic's published items of it are found, how an
# item's project filter reads, the item's date)
KINDS = {
    "solution": (
        gettext_lazy("Solutions"),
        lambda topic: topic.solutions.published().prefetch_related("projects"),
        "projects",
        lambda item: item.published_at,
    ),
    "article": (
        gettext_lazy("News"),
        lambda topic: topic.articles.published(),
        "projects",
        lambda item: item.published_at,
    ),
    "meeting": (
        gettext_lazy("Partner meetings"),
        lambda topic: topic.meetings.published(),
        "project",
        lambda item: item.start_date,
    ),
    "session": (
        gettext_lazy("Sessions"),
        lambda topic: topic.sessions.filter(meeting__in=Meeting.objects.published()).select_related(
            "meeting"
        ),
        "meeting__project",
        lambda item: item.date,
    ),
    "document": (
        gettext_lazy("Documents"),
        lambda topic: topic.documents.published(),
        "project",
        lambda item: item.published_at,
    ),
    "project": (
        gettext_lazy("Projects"),
        lambda topic: topic.projects.published(),
        "pk",
        lambda item: item.start_date or item.published_at,
    ),
}


class TopicView(FilteredListMixin, ListView):
    template_name = "knowledge/topic_detail.html"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        slug = kwargs["slug"]
        self.topic = find_by_slug(Topic.objects.all(), slug)
        if self.topic is None:
            for language in dict.fromkeys([request.LANGUAGE_CODE, settings.LANGUAGE_CODE]):
                target = SlugRedirect.objects.target_for(Topic, language, slug)
                if target is not None:
                    return HttpResponsePermanentRedirect(target.get_absolute_url())
            raise Http404(_("No such page."))
        if self.topic.get_absolute_url() != request.path:
            return HttpResponsePermanentRedirect(self.topic.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_facets(self):
        return [
            Facet(
                "type",
                gettext_lazy("Type"),
                "",
                [Option(kind, str(label)) for kind, (label, *_rest) in KINDS.items()],
            ),
            # Every published project: the lookup is made per kind of item below.
            project_facet(),
        ]

    def get_queryset(self):
        chosen = {facet.param: facet.selected.value for facet in self.facets if facet.selected}
        entries = []
        for kind, (label, find, project_lookup, date_of) in KINDS.items():
            if chosen.get("type", kind) != kind:
                continue
            items = find(self.topic)
            if "project" in chosen:
                items = items.filter(**{project_lookup: chosen["project"]}).distinct()
            for item in items:
                summary_field = "description" if kind == "document" else "summary"
                entries.append(
                    Entry(
                        kind,
                        label,
                        item,
                        day(date_of(item)),
                        getattr(item, summary_field, ""),
                        summary_field,
                    )
                )
        entries.sort(key=lambda entry: entry.date or datetime.date.min, reverse=True)
        return entries

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic = self.topic
        languages = translated_languages(topic)
        context.update(
            topic=topic,
            language_urls=language_urls(topic, languages),
            fallback_language=(
                settings.LANGUAGE_CODE if self.request.LANGUAGE_CODE not in languages else None
            ),
            name_lang=fallback_lang(topic, "name"),
        )
        return context
