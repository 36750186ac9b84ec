"""The open-data records of solutions and topics: published only, both languages each."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from api.fields import (
    PartnerRef,
    ProjectRef,
    Ref,
    TranslatedField,
    TranslatedText,
    choice_labels,
)
from api.filters import Choice, PublishedRecord, Translated
from api.serializers import Published, Record
from api.views import RecordViewSet, published_partners, published_projects
from knowledge.models import (
    Indicator,
    IndicatorValue,
    Person,
    Replication,
    ReplicationStatus,
    Solution,
    Topic,
)


class TopicRef(Ref):
    route = "topic"
    name_field = "name"

    def get_attribute(self, instance):
        # Topics have no drafts: every one is public.
        return serializers.Serializer.get_attribute(self, instance)


class PersonRecord(serializers.Serializer):
    """A contact person whose name may be published (consent or public office)."""

    name = TranslatedField()
    role = TranslatedField()
    organisation = PartnerRef(allow_null=True)


class ReplicationRecord(serializers.Serializer):
    city = PartnerRef()
    status = serializers.ChoiceField(ReplicationStatus.choices)
    status_label = serializers.SerializerMethodField()
    year = serializers.IntegerField(allow_null=True)
    note = TranslatedField()
    evidence_url = serializers.CharField()

    def get_status_label(self, replication) -> TranslatedText:
        return choice_labels(ReplicationStatus, replication.status)


class ValueRecord(serializers.Serializer):
    year = serializers.IntegerField()
    value = serializers.DecimalField(14, 2, coerce_to_string=False)
    source_url = serializers.CharField()


class IndicatorRecord(serializers.Serializer):
    name = TranslatedField()
    unit = serializers.CharField()
    baseline_value = serializers.DecimalField(14, 2, coerce_to_string=False, allow_null=True)
    baseline_year = serializers.IntegerField(allow_null=True)
    target_value = serializers.DecimalField(14, 2, coerce_to_string=False, allow_null=True)
    target_year = serializers.IntegerField(allow_null=True)
    values = ValueRecord(many=True)


class SolutionRecord(Published):
    route = "solution"

    title = TranslatedField()
    summary = TranslatedField()
    description = TranslatedField(help_text="Sanitised HTML.")
    worked = TranslatedField(help_text="Lessons learned: what worked.")
    did_not_work = TranslatedField(help_text="Lessons learned: what did not work.")
    advice = TranslatedField(help_text="Lessons learned: advice for a city starting now.")
    topics = TopicRef(many=True)
    projects = ProjectRef(many=True, source="published_projects")
    organisations = PartnerRef(many=True, source="published_organisations")
    contact_people = PersonRecord(many=True, source="published_people")
    contact_partners = PartnerRef(many=True, source="published_contacts")
    replications = ReplicationRecord(many=True, source="published_replications")
    indicators = IndicatorRecord(many=True)


class TopicRecord(Record):
    route = "topic"

    name = TranslatedField()
    description = TranslatedField()


def on_lists(**kwargs):
    return extend_schema_view(list=extend_schema(**kwargs), retrieve=extend_schema(**kwargs))


@on_lists(tags=["solutions"])
class SolutionViewSet(RecordViewSet):
    """Solutions: what was tried, where, with lessons, replication by city and indicators."""

    serializer_class = SolutionRecord
    params = [
        PublishedRecord(
            "project", "Solutions of this project (its id).", published_projects, "projects"
        ),
        PublishedRecord(
            "city",
            "Solutions recorded in this city (its id).",
            published_partners,
            "replications__city",
        ),
        Choice(
            "status",
            "Solutions with this status in some city.",
            ReplicationStatus.values,
            "replications__status",
        ),
        Translated(),
    ]

    def get_queryset(self):
        values = IndicatorValue.objects.order_by("year")
        return (
            Solution.objects.published()
            .prefetch_related(
                Prefetch("topics", Topic.objects.all()),
                Prefetch("projects", published_projects(), to_attr="published_projects"),
                Prefetch("organisations", published_partners(), to_attr="published_organisations"),
                Prefetch("contact_partners", published_partners(), to_attr="published_contacts"),
                Prefetch(
                    "contact_people",
                    Person.objects.published().select_related("organisation"),
                    to_attr="published_people",
                ),
                Prefetch(
                    "replications",
                    Replication.objects.filter(city__in=published_partners()).select_related(
                        "city"
                    ),
                    to_attr="published_replications",
                ),
                Prefetch(
                    "indicators", Indicator.objects.prefetch_related(Prefetch("values", values))
                ),
            )
            .distinct()
            .order_by("-published_at", "-pk")
        )


@on_lists(tags=["topics"])
class TopicViewSet(RecordViewSet):
    """The topics that gather solutions, news, meetings, documents and projects."""

    serializer_class = TopicRecord

    def get_queryset(self):
        return Topic.objects.order_by("order", "pk")

    def finalize_response(self, request, response, *args, **kwargs):
        # A topic has no publication time to date the answer by; its ETag covers it.
        self.records = ()
        return super().finalize_response(request, response, *args, **kwargs)
