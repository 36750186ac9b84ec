"""The facets the solutions catalogue and the replication matrix share."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy

from knowledge.models import Replication, ReplicationStatus, Solution, Topic
from partners.models import Partner
from publishing.collation import by_text
from publishing.languages import fallback_lang
from publishing.lists import Facet, Option, translated_options


def topic_facet(published):
    topics = Topic.objects.filter(Exists(published.filter(topics=OuterRef("pk"))))
    return Facet(
        "topic",
        gettext_lazy("Topic"),
        "topics",
        [Option(topic.pk, topic.name, fallback_lang(topic, "name")) for topic in topics],
    )


def city_facet(published):
    in_use = Replication.objects.filter(city=OuterRef("pk"), solution__in=published)
    cities = Partner.objects.published().filter(Exists(in_use))
    return Facet(
        "city",
        gettext_lazy("City"),
        "replications__city",
        by_text(translated_options(cities, "name")),
    )


def status_facet(published):
    in_use = set(
        Replication.objects.filter(solution__in=published).values_list("status", flat=True)
    )
    return Facet(
        "status",
        gettext_lazy("Status"),
        "replications__status",
        [Option(value, label) for value, label in ReplicationStatus.choices if value in in_use],
    )


def narrowed(queryset, facets):
    """The solutions the chosen facets leave; a city and a status must meet in one row."""
    chosen = {facet.param: facet.selected.value for facet in facets if facet.selected}
    if "topic" in chosen:
        queryset = queryset.filter(topics=chosen["topic"])
    if "project" in chosen:
        queryset = queryset.filter(projects=chosen["project"])
    replication = {
        field: chosen[param]
        for param, field in (("city", "city"), ("status", "status"))
        if param in chosen
    }
    if replication:
        rows = Replication.objects.filter(solution=OuterRef("pk"), **replication)
        queryset = queryset.filter(Exists(rows))
    return queryset


def published_solutions():
    return Solution.objects.published()
