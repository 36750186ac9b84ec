"""The demo documents: their catalogue entries, and their files built from the demo data."""

from django.utils import formats, translation

from documents.models import DocumentKind, FileLanguage

from . import files
from .meeting import MEETING, SESSIONS, SITE_VISITS
from .projects import CITYXCHANGE

DEMO_NOTE_EN = (
    "Demonstration content of the Smolyan EU-projects portal, written from the municipality's "
    "report of the meeting."
)
DEMO_NOTE_BG = (
    "Демонстрационно съдържание на портала за европейските проекти на Смолян, написано по "
    "отчета на общината за срещата."
)


def _day_heading(day, language):
    with translation.override(language):
        text = formats.date_format(day, "l, j F Y")
    # Bulgarian writes weekdays and months in lower case ("вторник, 6 юни 2023 г.");
    # Django's Bulgarian month names are capitalised for use on their own.
    return f"{text.lower()} г." if language == "bg" else text


def programme_pdf():
    """The meeting's programme in English, day by day, without clock times (none are known)."""
    blocks = [
        ("title", f"{MEETING['title_en']}, 6–7 June 2023"),
        (
            "text",
            f"Programme. Hosted by the Municipality of Smolyan. Venue: {MEETING['venue_en']}.",
        ),
    ]
    for day in (MEETING["start_date"], MEETING["end_date"]):
        blocks.append(("heading", _day_heading(day, "en")))
        for session in SESSIONS:
            if session["date"] == day:
                line = f"{session['order']}. {session['title_en']}"
                if session.get("venue_en"):
                    line += f" (at {session['venue_en']})"
                blocks.append(("text", line))
        for visit in SITE_VISITS:
            if visit["date"] == day:
                blocks.append(("text", f"Site visit: {visit['title_en']}"))
    blocks.append(("text", ""))
    blocks.append(("text", DEMO_NOTE_EN))
    return files.make_pdf(f"Programme: {MEETING['title_en']}", blocks, language="en-GB")


def sessions_summary_odt():
    """A summary of every session, first in Bulgarian, then in English."""
    blocks = [("title", "Обобщение на сесиите / Summary of the sessions")]
    for language in ("bg", "en"):
        blocks.append(("heading", MEETING[f"title_{language}"], language))
        for session in SESSIONS:
            when = _day_heading(session["date"], language)
            if session.get(f"venue_{language}"):
                when += f", {session[f'venue_{language}']}"
            title = f"{session['order']}. {session[f'title_{language}']} ({when})"
            blocks.append(("text", title, language))
            blocks.append(("text", session[f"summary_{language}"], language))
    blocks.append(("text", DEMO_NOTE_BG))
    blocks.append(("text", DEMO_NOTE_EN, "en"))
    return files.make_odt("Обобщение на сесиите / Summary of the sessions", blocks)


def sky_hub_notes_odt():
    """Notes of the Sky Hub Smolyan discussion (session 4), in Bulgarian."""
    title = "Бележки от дискусията в Sky Hub Smolyan"
    blocks = [
        ("title", title),
        ("text", "Работна среща по +CityxChange, Смолян, 6 юни 2023 г., следобедна сесия."),
        ("heading", "Успехи"),
        (
            "text",
            "Градовете разказаха какво са постигнали в изграждането на позитивно енергийни "
            "блокове и квартали по време на проекта.",
        ),
        ("heading", "Следващи стъпки"),
        (
            "text",
            "Обсъдени бяха следващите стъпки в декарбонизацията и в енергийната политика на "
            "градовете.",
        ),
        ("heading", "Трудности"),
        (
            "text",
            "Част от пречките идват от действащите законови рамки, други – от работата със "
            "заинтересованите страни.",
        ),
        ("heading", "Какво следва"),
        (
            "text",
            "Изводите ще бъдат събрани и публикувани в сборник със съвети за изграждане на "
            "позитивно енергийни квартали (PED cookbook).",
        ),
        ("text", DEMO_NOTE_BG),
    ]
    return files.make_odt(title, blocks)


# `build` makes the file's bytes, `filename` gives its extension; `title_bg` is the stable key.
DOCUMENTS = [
    {
        "title_bg": "Програма на работната среща (на английски)",
        "title_en": "Programme of the working meeting",
        "description_bg": (
            "Програмата на двата дни в Смолян: шестте сесии и трите посещения на място по реда им."
        ),
        "description_en": (
            "The programme of the two days in Smolyan: the six sessions and the three site "
            "visits in order."
        ),
        "file_language": FileLanguage.ENGLISH,
        "kind": DocumentKind.OTHER,
        "project": CITYXCHANGE,
        "meeting": True,
        "build": programme_pdf,
        "filename": "programme.pdf",
    },
    {
        "title_bg": "Обобщение на сесиите",
        "title_en": "Summary of the sessions",
        "description_bg": "Кратко описание на всяка от шестте сесии, на български и английски.",
        "description_en": "A short account of each of the six sessions, in Bulgarian and English.",
        "file_language": FileLanguage.BOTH,
        "kind": DocumentKind.REPORT,
        "project": CITYXCHANGE,
        "meeting": True,
        "build": sessions_summary_odt,
        "filename": "summary.odt",
    },
    {
        "title_bg": "Бележки от дискусията в Sky Hub Smolyan",
        "title_en": "Notes of the discussion at Sky Hub Smolyan",
        "description_bg": (
            "Успехите, следващите стъпки и трудностите, които градовете обсъдиха; основа за "
            "PED cookbook. Файлът е на български."
        ),
        "description_en": (
            "The successes, next steps and hurdles the cities discussed, as groundwork for the "
            "PED cookbook. The file is in Bulgarian."
        ),
        "file_language": FileLanguage.BULGARIAN,
        "kind": DocumentKind.REPORT,
        "project": CITYXCHANGE,
        "meeting": True,
        "session": 4,
        "build": sky_hub_notes_odt,
        "filename": "sky-hub-notes.odt",
    },
]
