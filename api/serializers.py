"""The records of the API. Texts come in both languages: `{"bg": "…", "en": "…"}`.

Why both in every record rather than `?lang=`: a record is then one document with one
address and one ETag, the whole of what the site knows about it; a program sees which
texts are really translated (null where one is not, never a silent fallback), and
nobody has to fetch everything twice to build a bilingual data set.
"""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.exports import export_urls
from api.fields import (
    ApiUrlField,
    ImageField,
    LogoField,
    MeetingRef,
    PageUrlsField,
    PartnerRef,
    ProjectRef,
    TranslatedField,
)
from documents.models import DocumentKind, FileLanguage
from events.models import SessionKind
from partners.models import PartnerKind
from projects.models import Role


class Record(serializers.Serializer):
    """What every record has: its id, its API address and its page in each language."""

    route = None

    id = serializers.IntegerField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["api_url"] = ApiUrlField(self.route)
        self.fields["url"] = PageUrlsField()


class Published(Record):
    published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class Source(serializers.Serializer):
    """Where an article was first published, when it was published elsewhere before."""

    publisher = TranslatedField("source_publisher")
    date = serializers.DateField(source="source_date", allow_null=True)
    url = serializers.SerializerMethodField()

    def get_url(self, article) -> str | None:
        return article.source_url or None


class GalleryImage(serializers.Serializer):
    image = ImageField("image")
    caption = TranslatedField("caption")


class ArticleRecord(Published):
    route = "article"

    title = TranslatedField()
    summary = TranslatedField()
    body = TranslatedField(help_text="Sanitised HTML.")
    author = serializers.CharField()
    cover_image = ImageField("cover_image")
    gallery = GalleryImage(many=True)
    source = serializers.SerializerMethodField()
    meeting = MeetingRef(allow_null=True)
    projects = ProjectRef(many=True, source="published_projects")
    partners = PartnerRef(many=True, source="published_partners")

    @extend_schema_field(Source(allow_null=True))
    def get_source(self, article):
        return Source(article).data if article.source_publisher_bg else None


class SessionRecord(serializers.Serializer):
    id = serializers.IntegerField()
    url = PageUrlsField()
    order = serializers.IntegerField()
    date = serializers.DateField()
    start_time = serializers.TimeField(allow_null=True)
    end_time = serializers.TimeField(allow_null=True)
    kind = serializers.ChoiceField(SessionKind.choices)
    title = TranslatedField()
    summary = TranslatedField()
    venue = TranslatedField(help_text="Only when it differs from the meeting's.")
    speakers = TranslatedField(help_text="One speaker a line.")
    led_by = PartnerRef(many=True, source="published_leaders")


class SiteVisitRecord(serializers.Serializer):
    id = serializers.IntegerField()
    order = serializers.IntegerField()
    date = serializers.DateField()
    title = TranslatedField()
    place = TranslatedField()
    description = TranslatedField()
    latitude = serializers.DecimalField(9, 6, allow_null=True, coerce_to_string=False)
    longitude = serializers.DecimalField(9, 6, allow_null=True, coerce_to_string=False)
    image = ImageField("image")


class MeetingRecord(Published):
    route = "meeting"

    title = TranslatedField()
    summary = TranslatedField()
    body = TranslatedField(help_text="The report of the meeting, sanitised HTML.")
    outcomes = TranslatedField(help_text="Sanitised HTML.")
    venue = TranslatedField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    calendar_url = PageUrlsField(
        path=lambda meeting: reverse("events:meeting-calendar", kwargs={"slug": meeting.slug}),
        help_text="The meeting and its programme as an iCalendar file, in each language.",
    )
    cover_image = ImageField("cover_image")
    project = ProjectRef(allow_null=True)
    host = PartnerRef(allow_null=True)
    participants = PartnerRef(many=True, source="published_participants")
    sessions = SessionRecord(many=True, source="programme")
    site_visits = SiteVisitRecord(many=True, source="visits")


class ProjectRole(serializers.Serializer):
    """A project the partner takes part in, and its role there."""

    project = ProjectRef()
    role = serializers.ChoiceField(Role.choices)


class PartnerRecord(Published):
    route = "partner"

    name = TranslatedField()
    kind = serializers.ChoiceField(PartnerKind.choices)
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    city = TranslatedField()
    description = TranslatedField(help_text="Sanitised HTML.")
    website = serializers.CharField()
    latitude = serializers.DecimalField(9, 6, allow_null=True, coerce_to_string=False)
    longitude = serializers.DecimalField(9, 6, allow_null=True, coerce_to_string=False)
    logo = LogoField()
    projects = ProjectRole(many=True, source="published_participations")
    twin_towns = PartnerRef(many=True, source="published_twin_towns")


class PartnerRole(serializers.Serializer):
    """A partner of the project, and its role in it."""

    partner = PartnerRef()
    role = serializers.ChoiceField(Role.choices)


class Exports(serializers.Serializer):
    """The project's meetings, sessions, site visits, partners and documents as files."""

    csv = serializers.URLField(help_text="A zip of CSV files (UTF-8 with BOM), one a table.")
    json = serializers.URLField(help_text="The same tables in one JSON document.")
    data_dictionary = serializers.URLField(help_text="What each column means.")


class ProjectRecord(Published):
    route = "project"

    title = TranslatedField()
    acronym = serializers.CharField()
    programme = TranslatedField()
    summary = TranslatedField()
    description = TranslatedField(help_text="Sanitised HTML.")
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    website = serializers.CharField()
    eu_funded = serializers.BooleanField()
    funding_statement = TranslatedField()
    logo = LogoField()
    partners = PartnerRole(many=True, source="published_participations")
    exports = serializers.SerializerMethodField()

    @extend_schema_field(Exports)
    def get_exports(self, project):
        return export_urls(self.context["request"], project)


class DocumentRecord(Published):
    route = "document"

    title = TranslatedField()
    description = TranslatedField()
    kind = serializers.ChoiceField(DocumentKind.choices)
    file_language = serializers.ChoiceField(FileLanguage.choices)
    file_type = serializers.CharField(help_text="The file's extension: pdf, docx…")
    file_size = serializers.IntegerField(help_text="In bytes.")
    project = ProjectRef(allow_null=True)
    meeting = MeetingRef(allow_null=True)
    session = serializers.SerializerMethodField()

    def get_session(self, document) -> int | None:
        """The id of the programme item the document belongs to, within its meeting."""
        session = document.session
        if session is None or not document.meeting or not document.meeting.is_published:
            return None
        return session.pk
