"""A project's meetings, sessions, site visits, partners and documents as files.

CSV: a zip of one file a table, UTF-8 with a byte order mark so that spreadsheet programs
read the Cyrillic right, and a README with the licence and the data dictionary in both
languages. JSON: the same tables, rows and column names in one document. Why a zip and
not five links: the tables refer to each other by id, and belong together with their
licence and dictionary; one download keeps them so.
"""

import csv
import datetime
import io
import json
import zipfile
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from api.dictionary import LANGUAGE_CODES, TABLES
from api.readme import readme
from documents.models import Document
from events.models import Session, SiteVisit
from media.licences import content_licence, image_licence
from partners.models import Partner
from projects.models import Project


def export_urls(request, project):
    """The addresses of a project's exports and of the data dictionary."""
    with translation.override(LANGUAGE_CODES[-1]):
        dictionary = reverse("opendata:data-dictionary")
    return {
        "csv": request.build_absolute_uri(reverse("api:project-csv", kwargs={"pk": project.pk})),
        "json": request.build_absolute_uri(reverse("api:project-json", kwargs={"pk": project.pk})),
        "data_dictionary": request.build_absolute_uri(dictionary),
    }


def page_urls(request, obj, name="url", path=None):
    urls = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            urls[f"{name}_{code}"] = request.build_absolute_uri(path or obj.get_absolute_url())
    return urls


def texts(obj, *fields):
    return {
        f"{field}_{code}": getattr(obj, f"{field}_{code}", "") or ""
        for field in fields
        for code in LANGUAGE_CODES
    }


def project_tables(request, project):
    """The rows of each table, as dicts by column name; a fixed number of queries."""
    meetings = list(
        project.meetings.published().select_related("host").order_by("start_date", "pk")
    )
    meeting_ids = [meeting.pk for meeting in meetings]
    partners = Partner.objects.published()
    sessions = (
        Session.objects.filter(meeting__in=meeting_ids)
        .select_related("meeting")
        .prefetch_related(Prefetch("led_by", partners.order_by("pk"), to_attr="leaders"))
        .order_by("meeting__start_date", "meeting_id", "date", "order")
    )
    visits = SiteVisit.objects.filter(meeting__in=meeting_ids).order_by(
        "meeting__start_date", "meeting_id", "date", "order"
    )
    participations = (
        project.participations.filter(partner__in=partners)
        .select_related("partner")
        .order_by("partner__name_bg", "pk")
    )
    documents = (
        Document.objects.published()
        .filter(Q(project=project) | Q(meeting__in=meeting_ids))
        .order_by("published_at", "pk")
    )
    return {
        "meetings": [
            {
                "id": meeting.pk,
                **texts(meeting, "title"),
                "start_date": meeting.start_date,
                "end_date": meeting.end_date,
                **texts(meeting, "venue"),
                "host_id": meeting.host_id if meeting.host and meeting.host.is_published else None,
                **texts(meeting, "summary"),
                **page_urls(request, meeting),
            }
            for meeting in meetings
        ],
        "sessions": [
            {
                "id": session.pk,
                "meeting_id": session.meeting_id,
                "order": session.order,
                "date": session.date,
                "start_time": session.start_time,
                "end_time": session.end_time,
                "kind": session.kind,
                **texts(session, "title", "venue", "speakers"),
                "led_by": ";".join(str(partner.pk) for partner in session.leaders),
                **page_urls(request, session),
            }
            for session in sessions
        ],
        "site_visits": [
            {
                "id": visit.pk,
                "meeting_id": visit.meeting_id,
                "order": visit.order,
                "date": visit.date,
                **texts(visit, "title", "place", "description"),
                "latitude": visit.latitude,
                "longitude": visit.longitude,
                "image_url": request.build_absolute_uri(visit.image.url) if visit.image else "",
                **texts(visit, "image_credit"),
                "image_licence": image_licence(visit.image_licence).name if visit.image else "",
            }
            for visit in visits
        ],
        "partners": [
            {
                "id": participation.partner.pk,
                **texts(participation.partner, "name"),
                "role": participation.role,
                "kind": participation.partner.kind,
                "country": participation.partner.country.code,
                **texts(participation.partner, "city"),
                "website": participation.partner.website,
                "latitude": participation.partner.latitude,
                "longitude": participation.partner.longitude,
                **page_urls(request, participation.partner),
            }
            for participation in participations
        ],
        "documents": [
            {
                "id": document.pk,
                **texts(document, "title"),
                "kind": document.kind,
                "file_language": document.file_language,
                "file_type": document.file_type,
                "file_size": document.file_size,
                "meeting_id": document.meeting_id if document.meeting_id in meeting_ids else None,
                "session_id": document.session_id if document.meeting_id in meeting_ids else None,
                "published_at": document.published_at,
                **page_urls(request, document, "download_url"),
            }
            for document in documents
        ],
    }


def cell(value):
    """A value as the text of a CSV cell: dates in ISO 8601, times of day as HH:MM."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, datetime.time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def csv_bytes(table, rows):
    """One table as CSV, UTF-8 with a byte order mark."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    header = table.header()
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(row.get(name)) for name in header])
    return text.getvalue().encode("utf-8-sig")


def json_value(value):
    """A value for JSON: numbers stay numbers, and an empty text is null as in the API."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.date | datetime.time):
        return cell(value)
    return None if value == "" else value


class ExportView(APIView):
    """A download: errors still answer as JSON, whatever the client accepts."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []

    def perform_content_negotiation(self, request, force=False):
        return (JSONRenderer(), JSONRenderer.media_type)

    def get(self, request, pk):
        project = get_object_or_404(Project.objects.published(), pk=pk)
        tables = project_tables(request, project)
        response = self.respond(request, project, tables)
        name = project.slug_bg or f"project-{project.pk}"
        response["Content-Disposition"] = f'attachment; filename="{name}-data.{self.extension}"'
        licence = content_licence()
        if licence.url:
            response["Link"] = f'<{licence.url}>; rel="license"'
        return response


class CsvExportView(ExportView):
    extension = "zip"

    @extend_schema(
        tags=["projects"],
        summary="A project's tables as CSV files in a zip",
        responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request, pk):
        return super().get(request, pk)

    def respond(self, request, project, tables):
        buffer = io.BytesIO()
        # A fixed time inside the zip, so that the same data makes the same file (and ETag).
        moment = max(project.updated_at, project.published_at).timetuple()[:6]
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for table in TABLES:
                data = csv_bytes(table, tables[table.name])
                archive.writestr(zipfile.ZipInfo(table.file_name, moment), data)
            text = readme(request, project).encode("utf-8")
            archive.writestr(zipfile.ZipInfo("README.txt", moment), text)
        return HttpResponse(buffer.getvalue(), content_type="application/zip")


class JsonExportView(ExportView):
    extension = "json"

    @extend_schema(
        tags=["projects"],
        summary="A project's tables in one JSON document",
        responses={(200, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT)},
    )
    def get(self, request, pk):
        return super().get(request, pk)

    def respond(self, request, project, tables):
        document = {
            "licence": content_licence().as_dict(),
            "project": {
                "id": project.pk,
                **texts(project, "title"),
                "acronym": project.acronym,
                **page_urls(request, project),
            },
            "data_dictionary": export_urls(request, project)["data_dictionary"],
            **{
                table.name: [
                    {name: json_value(row.get(name)) for name in table.header()}
                    for row in tables[table.name]
                ]
                for table in TABLES
            },
        }
        body = json.dumps(document, ensure_ascii=False, indent=1)
        return HttpResponse(body, content_type="application/json; charset=utf-8")
