"""The tables of a project's export and what each column means: the data dictionary.

One definition serves the CSV headers, the JSON keys, the README in the zip and the data
dictionary page, so they cannot disagree. A translated text is two columns, `<name>_bg`
and `<name>_en`, each empty where the text has not been written in that language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    # "integer", "decimal", "date", "time", "datetime", "text", "url", "code" or "list"
    type: str = "text"
    translated: bool = False

    def names(self):
        if self.translated:
            return [f"{self.name}_{code}" for code in LANGUAGE_CODES]
        return [self.name]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple

    @property
    def file_name(self):
        return f"{self.name.replace('_', '-')}.csv"

    def header(self):
        return [name for column in self.columns for name in column.names()]


ID = Column("id", _("The record's id, the same as in the API."), "integer")
PAGE = Column("url", _("The address of the page on the site."), "url", translated=True)


def column_type_label(kind):
    return {
        "integer": _("whole number"),
        "decimal": _("decimal number"),
        "date": _("date (YYYY-MM-DD)"),
        "time": _("time (HH:MM)"),
        "datetime": _("date and time (ISO 8601)"),
        "text": pgettext_lazy("column type", "text"),
        "url": _("web address"),
        "code": _("code from a fixed list"),
        "list": _("ids separated by “;”"),
    }[kind]


MEETINGS = Table(
    "meetings",
    _("Meetings"),
    _("The project's partner meetings."),
    (
        ID,
        Column("title", _("The meeting's title."), translated=True),
        Column("start_date", _("The first day."), "date"),
        Column("end_date", _("The last day."), "date"),
        Column("venue", _("Where it took place."), translated=True),
        Column("host_id", _("The id of the host partner (see partners)."), "integer"),
        Column("summary", _("One or two sentences about it."), translated=True),
        PAGE,
    ),
)

SESSIONS = Table(
    "sessions",
    _("Sessions"),
    _("The items of each meeting's programme."),
    (
        ID,
        Column("meeting_id", _("The id of the meeting (see meetings)."), "integer"),
        Column("order", _("Its place in the programme: 1, 2, 3…"), "integer"),
        Column("date", _("The day."), "date"),
        Column("start_time", _("When it begins, Sofia time; empty when not set."), "time"),
        Column("end_time", _("When it ends, Sofia time; empty when not set."), "time"),
        Column(
            "kind",
            _("opening, presentation, seminar, panel, discussion or workshop."),
            "code",
        ),
        Column("title", _("The session's title."), translated=True),
        Column("venue", _("Where, when not at the meeting's venue."), translated=True),
        Column("speakers", _("The speakers, one a line."), translated=True),
        Column("led_by", _("The ids of the partners who led it (see partners)."), "list"),
        PAGE,
    ),
)

SITE_VISITS = Table(
    "site_visits",
    _("Site visits"),
    _("The places the partners visited during the meetings."),
    (
        ID,
        Column("meeting_id", _("The id of the meeting (see meetings)."), "integer"),
        Column("order", _("Its place among the meeting's visits."), "integer"),
        Column("date", _("The day of the visit."), "date"),
        Column("title", _("What was visited."), translated=True),
        Column("place", _("Where it is."), translated=True),
        Column("description", _("What the partners saw there."), translated=True),
        Column("latitude", _("Latitude in decimal degrees (WGS 84)."), "decimal"),
        Column("longitude", _("Longitude in decimal degrees (WGS 84)."), "decimal"),
        Column("image_url", _("The address of its picture, if any."), "url"),
        Column("image_credit", _("Who took or made the picture."), translated=True),
        Column("image_licence", _("The licence of the picture."), "text"),
    ),
)

PARTNERS = Table(
    "partners",
    _("Partners"),
    _("The cities and organisations in the project, with their role."),
    (
        ID,
        Column("name", _("The partner's name."), translated=True),
        Column("role", _("coordinator, lighthouse, follower or partner."), "code"),
        Column("kind", _("city, university, company, network or institute."), "code"),
        Column("country", _("The country as an ISO 3166-1 alpha-2 code: BG."), "code"),
        Column("city", _("Where it is based."), translated=True),
        Column("website", _("Its own website."), "url"),
        Column("latitude", _("Latitude in decimal degrees (WGS 84)."), "decimal"),
        Column("longitude", _("Longitude in decimal degrees (WGS 84)."), "decimal"),
        PAGE,
    ),
)

DOCUMENTS = Table(
    "documents",
    _("Documents"),
    _("Slides, reports and deliverables of the project and of its meetings."),
    (
        ID,
        Column("title", _("The document's title."), translated=True),
        Column("kind", _("slides, report, deliverable or other."), "code"),
        Column("file_language", _("bg, en, mul (both) or other."), "code"),
        Column("file_type", _("The file's extension: pdf, docx…"), "code"),
        Column("file_size", _("The file's size in bytes."), "integer"),
        Column("meeting_id", _("The id of its meeting, if any (see meetings)."), "integer"),
        Column("session_id", _("The id of its session, if any (see sessions)."), "integer"),
        Column("published_at", _("When it was published."), "datetime"),
        Column("download_url", _("Where to download the file."), "url", translated=True),
    ),
)

TABLES = (MEETINGS, SESSIONS, SITE_VISITS, PARTNERS, DOCUMENTS)
