"""The solutions catalogue, a solution's page and the replication matrix."""

from django.db.models import Prefetch
from django.views.generic import ListView

from documents.models import Document
from events.models import Meeting, Session, SiteVisit
from knowledge import lists
from knowledge.charts import chart_of, points_of
from knowledge.models import (
    Indicator,
    IndicatorValue,
    Person,
    Replication,
    ReplicationStatus,
    Solution,
)
from news.models import Article
from partners.models import Partner
from projects.facets import project_facet
from projects.models import Project
from publishing.collation import by_name
from publishing.lists import FilteredListMixin, page_text_columns
from publishing.views import TranslatedDetailView


def replications():
    return (
        Replication.objects.filter(city__in=Partner.objects.published())
        .select_related("city")
        .defer(*page_text_columns(Partner, through="city"))
    )


class SolutionListView(FilteredListMixin, ListView):
    """Published solutions, newest first, by topic, project, city and status."""

    model = Solution
    paginate_by = 12
    keyset_field = "published_at"

    def get_facets(self):
        published = lists.published_solutions()
        return [
            lists.topic_facet(published),
            project_facet(published, "projects"),
            lists.city_facet(published),
            lists.status_facet(published),
        ]

    def get_queryset(self):
        return (
            lists.narrowed(lists.published_solutions(), self.facets)
            .for_lists()
            .prefetch_related(
                "topics",
                Prefetch("projects", queryset=Project.objects.published().for_lists()),
                Prefetch("replications", queryset=replications()),
            )
            .order_by("-published_at", "-pk")
        )


class SolutionDetailView(TranslatedDetailView):
    """A solution: lessons, evidence, replication by city and indicator charts."""

    model = Solution

    def get_queryset(self):
        published_meetings = Meeting.objects.published()
        values = IndicatorValue.objects.select_related("source_document").order_by("year")
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "topics",
                Prefetch("projects", queryset=Project.objects.published().for_lists()),
                Prefetch("organisations", queryset=Partner.objects.published().for_lists()),
                Prefetch(
                    "sessions",
                    queryset=Session.objects.filter(meeting__in=published_meetings)
                    .select_related("meeting")
                    .order_by("date", "order"),
                ),
                Prefetch(
                    "site_visits",
                    queryset=SiteVisit.objects.filter(meeting__in=published_meetings)
                    .select_related("meeting")
                    .order_by("date", "order"),
                ),
                Prefetch("documents", queryset=Document.objects.published()),
                Prefetch("articles", queryset=Article.objects.published().for_lists()),
                Prefetch(
                    "contact_people",
                    queryset=Person.objects.published().select_related("organisation"),
                ),
                Prefetch("contact_partners", queryset=Partner.objects.published().for_lists()),
                Prefetch(
                    "replications",
                    queryset=replications()
                    .select_related("evidence_document")
                    .order_by("city__name_bg"),
                ),
                Prefetch(
                    "indicators",
                    queryset=Indicator.objects.prefetch_related(Prefetch("values", values)),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        solution = self.object
        indicators = []
        for indicator in solution.indicators.all():
            points = points_of(indicator)
            chart = chart_of(indicator, points)
            indicators.append({"indicator": indicator, "points": points, "chart": chart})
        context.update(
            indicators=indicators,
            lessons=bool(solution.worked or solution.did_not_work or solution.advice),
        )
        return context


class MatrixView(FilteredListMixin, ListView):
    """Solutions by city: where each solution stands in each partner city."""

    model = Solution
    paginate_by = 25
    template_name = "knowledge/solution_matrix.html"

    def get_facets(self):
        published = lists.published_solutions()
        return [
            lists.topic_facet(published),
            project_facet(published, "projects"),
            lists.status_facet(published),
        ]

    def get_queryset(self):
        return (
            lists.narrowed(lists.published_solutions(), self.facets)
            .for_lists()
            .prefetch_related(Prefetch("replications", queryset=replications()))
            .order_by("title_bg", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        solutions = context["object_list"]
        cities = {
            replication.city_id: replication.city
            for solution in solutions
            for replication in solution.replications.all()
        }
        cities = by_name(list(cities.values()))
        rows = []
        for solution in solutions:
            by_city = {row.city_id: row for row in solution.replications.all()}
            rows.append({"solution": solution, "cells": [by_city.get(c.pk) for c in cities]})
        context.update(cities=cities, rows=rows, statuses=ReplicationStatus)
        return context
