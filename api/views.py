"""The API's lists and records: published content only, read-only, the same for everyone."""

from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils import translation
from django.utils.http import http_date
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers
from api.fields import LANGUAGE_CODES
from api.filters import Choice, ParamFilterBackend, PublishedRecord, Scope, Translated, Year
from api.filters import Country as CountryParam
from api.pagination import PageNumberPagination
from documents.models import Document, DocumentKind, FileLanguage
from events.models import Meeting, Session, SiteVisit
from media.licences import content_licence
from news.models import Article, ArticleImage
from partners.models import Partner, PartnerKind
from projects.models import Participation, Project


# Orders that name the Bulgarian columns: an answer is the same whatever language the
# client's Accept-Language would make active, so one cached copy serves everyone.
def published_projects():
    return Project.objects.published().order_by(
        F("start_date").desc(nulls_last=True), "title_bg", "pk"
    )


def published_partners():
    return Partner.objects.published().order_by("name_bg", "pk")


def published_meetings():
    return Meeting.objects.published()


def changed_at(record):
    """When a record last changed for a visitor: saved, or appeared at its publication time."""
    return max(record.updated_at, record.published_at)


class LicenceHeaderMixin:
    """Every answer names the licence of the data: `Link: <…>; rel="license"` (RFC 4946)."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        licence = content_licence()
        if licence.url:
            response["Link"] = f'<{licence.url}>; rel="license"'
        return response


class RecordViewSet(LicenceHeaderMixin, viewsets.ReadOnlyModelViewSet):
    """A list with filters and pages, and each record by its id.

    Last-Modified is the latest change among the records of the answer; the ETag
    (ConditionalGetMiddleware) covers everything else, e.g. a record removed from a list.
    """

    filter_backends = [ParamFilterBackend]
    pagination_class = PageNumberPagination
    lookup_value_regex = r"[0-9]+"
    params = []
    records = ()

    def paginate_queryset(self, queryset):
        self.records = super().paginate_queryset(queryset)
        return self.records

    def get_object(self):
        record = super().get_object()
        self.records = [record]
        return record

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200 and self.records:
            response["Last-Modified"] = http_date(
                max(changed_at(record) for record in self.records).timestamp()
            )
        return response


def on_lists(**kwargs):
    return extend_schema_view(list=extend_schema(**kwargs), retrieve=extend_schema(**kwargs))


@on_lists(tags=["news"])
class ArticleViewSet(RecordViewSet):
    """News articles, newest first."""

    serializer_class = serializers.ArticleRecord
    params = [
        PublishedRecord(
            "project", "Articles about this project (its id).", published_projects, "projects"
        ),
        PublishedRecord(
            "partner", "Articles about this partner (its id).", published_partners, "partners"
        ),
        Year("year", "Articles published in this year.", "published_at__year"),
        Translated(),
    ]

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("meeting")
            .prefetch_related(
                Prefetch("projects", published_projects(), to_attr="published_projects"),
                Prefetch("partners", published_partners(), to_attr="published_partners"),
                Prefetch("gallery", ArticleImage.objects.order_by("order", "pk")),
            )
            .order_by("-published_at", "-pk")
        )


def hosted_or_attended(pk):
    return Q(host=pk) | Q(participants=pk)


@on_lists(tags=["meetings"])
class MeetingViewSet(RecordViewSet):
    """Meetings, latest first, each with its programme (sessions) and site visits."""

    serializer_class = serializers.MeetingRecord
    params = [
        PublishedRecord(
            "project", "Meetings of this project (its id).", published_projects, "project"
        ),
        PublishedRecord(
            "partner",
            "Meetings this partner hosted or took part in (its id).",
            published_partners,
            hosted_or_attended,
        ),
        Year("year", "Meetings that began in this year.", "start_date__year"),
        Scope(),
        Translated(),
    ]

    def get_queryset(self):
        sessions = Session.objects.order_by("date", "order").prefetch_related(
            Prefetch("led_by", published_partners(), to_attr="published_leaders")
        )
        return (
            Meeting.objects.published()
            .select_related("project", "host")
            .prefetch_related(
                Prefetch("participants", published_partners(), to_attr="published_participants"),
                Prefetch("sessions", sessions, to_attr="programme"),
                Prefetch(
                    "site_visits", SiteVisit.objects.order_by("date", "order"), to_attr="visits"
                ),
            )
            .order_by("-start_date", "-pk")
        )


@on_lists(tags=["partners"])
class PartnerViewSet(RecordViewSet):
    """Partner cities and organisations, by their Bulgarian name."""

    serializer_class = serializers.PartnerRecord
    params = [
        Choice("kind", "What the partner is.", PartnerKind.values),
        CountryParam(),
        PublishedRecord(
            "project",
            "Partners in this project (its id).",
            published_projects,
            "participations__project",
        ),
        Translated(),
    ]

    def get_queryset(self):
        participations = (
            Participation.objects.filter(project__in=published_projects())
            .select_related("project")
            .order_by(F("project__start_date").desc(nulls_last=True), "project_id")
        )
        return (
            Partner.objects.published()
            .prefetch_related(
                Prefetch("participations", participations, to_attr="published_participations"),
                Prefetch(
                    "twin_towns",
                    published_partners().order_by("name_bg", "pk"),
                    to_attr="published_twin_towns",
                ),
            )
            .order_by("name_bg", "pk")
        )


@on_lists(tags=["projects"])
class ProjectViewSet(RecordViewSet):
    """Projects, the latest begun first, each with its partners and their roles."""

    serializer_class = serializers.ProjectRecord
    params = [
        PublishedRecord(
            "partner",
            "Projects this partner takes part in (its id).",
            published_partners,
            "participations__partner",
        ),
        Translated(),
    ]

    def get_queryset(self):
        participations = (
            Participation.objects.filter(partner__in=published_partners())
            .select_related("partner")
            .order_by("partner__name_bg", "pk")
        )
        return (
            Project.objects.published()
            .prefetch_related(
                Prefetch("participations", participations, to_attr="published_participations")
            )
            .order_by(F("start_date").desc(nulls_last=True), "title_bg", "pk")
        )


@on_lists(tags=["documents"])
class DocumentViewSet(RecordViewSet):
    """Documents offered for download, newest first; `url` is the download in each language."""

    serializer_class = serializers.DocumentRecord
    params = [
        PublishedRecord(
            "project", "Documents of this project (its id).", published_projects, "project"
        ),
        PublishedRecord(
            "meeting", "Documents of this meeting (its id).", published_meetings, "meeting"
        ),
        Choice("kind", "The kind of document.", DocumentKind.values),
        Choice("language", "The language of the file.", FileLanguage.values, "file_language"),
        Translated(),
    ]

    def get_queryset(self):
        return (
            Document.objects.published()
            .select_related("project", "meeting", "session")
            .order_by("-published_at", "-pk")
        )


class RootView(LicenceHeaderMixin, APIView):
    """What the API offers, where its schema and documentation are, and the data's licence."""

    @extend_schema(exclude=True)
    def get(self, request):
        def absolute(name):
            return request.build_absolute_uri(reverse(name))

        docs = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                docs[code] = request.build_absolute_uri(reverse("opendata:api-docs"))
        return Response(
            {
                "name": "Smolyan EU projects — open data API",
                "licence": content_licence().as_dict(),
                "schema": absolute("api:schema"),
                "documentation": docs,
                "news": absolute("api:article-list"),
                "meetings": absolute("api:meeting-list"),
                "partners": absolute("api:partner-list"),
                "projects": absolute("api:project-list"),
                "documents": absolute("api:document-list"),
                "solutions": absolute("api:solution-list"),
                "topics": absolute("api:topic-list"),
            }
        )
