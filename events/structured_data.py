"""A meeting as search engines read it: a schema.org Event with its sessions as sub-events."""

import datetime

from django.utils.timezone import get_default_timezone
from django.utils.translation import get_language

from media.licences import image_rights
from media.sharing import image_object, shared_image
from partners.structured_data import geo_coordinates, organization, postal_address
from publishing.structured_data import absolute_url, without_empty

OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
SCHEDULED = "https://schema.org/EventScheduled"


def moment(day, time):
    """A day, or a day and a time in the portal's time zone, as ISO 8601."""
    if time is None:
        return day.isoformat()
    aware = datetime.datetime.combine(day, time, tzinfo=get_default_timezone())
    return aware.isoformat(timespec="minutes")


def meeting_place(meeting, host, place_id):
    """Where the meeting took place: its venue in the host's city, with the city's position."""
    name = meeting.venue or (host.city or host.name if host else "")
    if not name:
        return None
    return without_empty(
        {
            "@type": "Place",
            "@id": place_id,
            "name": name,
            "address": postal_address(host) if host else name,
            "geo": geo_coordinates(host.latitude, host.longitude) if host else None,
        }
    )


def session_event(session, host, url, place):
    """A session, kept short: a meeting may have dozens, and the page carries them all."""
    if session.venue:
        location = without_empty(
            {
                "@type": "Place",
                "name": session.venue,
                "address": postal_address(host) if host else session.venue,
            }
        )
    else:
        # The meeting's place, by reference.
        location = {"@id": place["@id"]} if place else None
    return without_empty(
        {
            "@type": "Event",
            "name": session.title,
            "url": f"{url}#{session.anchor}",
            "startDate": moment(session.date, session.start_time),
            "endDate": moment(session.date, session.end_time) if session.start_time else None,
            "location": location,
        }
    )


def meeting_image(request, meeting):
    alt = "" if meeting.cover_image_decorative else meeting.cover_image_alt
    return shared_image(request, meeting.cover_image, alt, image_rights(meeting, "cover_image"))


def meeting_event(request, meeting, image, *, host=None, sessions=(), project=None):
    """The meeting as an Event; only published partners and projects are named."""
    url = absolute_url(request, meeting.get_absolute_url())
    place = meeting_place(meeting, host, f"{url}#venue")
    about = None
    if project is not None:
        project_url = absolute_url(request, project.get_absolute_url())
        about = {"@type": "Project", "name": str(project), "url": project_url}
    return without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "@id": url,
            "url": url,
            "name": meeting.title,
            "description": meeting.summary,
            "inLanguage": get_language(),
            "startDate": meeting.start_date.isoformat(),
            "endDate": meeting.end_date.isoformat(),
            "eventAttendanceMode": OFFLINE,
            "eventStatus": SCHEDULED,
            "location": place,
            "organizer": organization(request, host) if host else None,
            "image": [image_object(image)],
            "about": about,
            "subEvent": [session_event(session, host, url, place) for session in sessions],
        }
    )


def describe_meeting(request, meeting, context):
    """What the head of a meeting's page says about it, from what the page has loaded."""
    image = meeting_image(request, meeting)
    sessions = [session for day in context.get("programme") or () for session in day["sessions"]]
    event = meeting_event(
        request,
        meeting,
        image,
        host=context.get("host"),
        sessions=sessions,
        project=context.get("project"),
    )
    return {"og_type": "website", "image": image, "open_graph": [], "json_ld": [event]}
