"""Meetings as iCalendar (RFC 5545): one file per meeting, and feeds of many meetings.

A meeting is one all-day event over its dates; each session of its programme is an event
of its own, at its time in Europe/Sofia, or all day when the programme gives no time.
UIDs name the portal's domain and the row, so a calendar that subscribed updates the
events it has rather than adding new ones when a title or an address changes.
"""

import datetime

from django.conf import settings
from django.utils.timezone import get_default_timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from publishing.languages import fallback_lang

DAY = datetime.timedelta(days=1)


def meeting_uid(meeting):
    return f"meeting-{meeting.pk}@{settings.PORTAL_DOMAIN}"


def session_uid(session):
    return f"session-{session.pk}@{settings.PORTAL_DOMAIN}"


def _text(event, name, obj, field, value=None):
    """A text property, marked with the language its text is really in."""
    value = getattr(obj, field) if value is None else value
    if value:
        language = fallback_lang(obj, field) or get_language()
        event.add(name, value, parameters={"LANGUAGE": language})


def _place(meeting, host, venue=""):
    parts = [venue or meeting.venue]
    if host is not None:
        parts += [host.city, str(host.country.name)]
    return ", ".join(part for part in parts if part)


def _organizer(host, absolute):
    # A partner has no calendar address of its own: its page on the portal names it.
    organizer = vCalAddress(absolute(host.get_absolute_url()))
    organizer.params["CN"] = vText(host.name)
    return organizer


def _stamp(event, meeting):
    # The time the row last changed, not the time of the request: the same meeting gives
    # the same file, which conditional GET and calendar clients rely on.
    event.add("dtstamp", meeting.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))


def meeting_event(meeting, host, absolute):
    """The meeting as one all-day event over its dates."""
    event = Event()
    event.add("uid", meeting_uid(meeting))
    _stamp(event, meeting)
    event.add("created", meeting.created_at.astimezone(datetime.UTC))
    event.add("dtstart", meeting.start_date)
    # The end of an all-day event is the day after its last day.
    event.add("dtend", meeting.end_date + DAY)
    _text(event, "summary", meeting, "title")
    url = absolute(meeting.get_absolute_url())
    description = "\n\n".join(text for text in [meeting.summary, url] if text)
    _text(event, "description", meeting, "summary", description)
    _text(event, "location", meeting, "venue", _place(meeting, host))
    event.add("url", url)
    if host is not None:
        event.add("organizer", _organizer(host, absolute))
        if host.latitude is not None and host.longitude is not None:
            event.add("geo", (float(host.latitude), float(host.longitude)))
    event.add("transp", "TRANSPARENT")
    return event


def session_event(session, meeting, host, absolute):
    """A session at its time, or on its day when the programme gives no time."""
    event = Event()
    event.add("uid", session_uid(session))
    _stamp(event, meeting)
    if session.start_time is None:
        event.add("dtstart", session.date)
        event.add("dtend", session.date + DAY)
    else:
        zone = get_default_timezone()
        event.add("dtstart", datetime.datetime.combine(session.date, session.start_time, zone))
        if session.end_time is not None:
            event.add("dtend", datetime.datetime.combine(session.date, session.end_time, zone))
    _text(event, "summary", session, "title")
    lines = [session.summary]
    leaders = ", ".join(partner.name for partner in session.led_by.all())
    if leaders:
        lines.append(_("Led by: %(partners)s") % {"partners": leaders})
    if session.speakers:
        lines.append(_("Speakers: %(speakers)s") % {"speakers": session.speakers})
    url = absolute(session.get_absolute_url())
    lines.append(url)
    _text(event, "description", session, "summary", "\n\n".join(line for line in lines if line))
    _text(event, "location", session, "venue", _place(meeting, host, session.venue))
    event.add("url", url)
    event.add("related-to", meeting_uid(meeting), parameters={"RELTYPE": "PARENT"})
    if host is not None:
        event.add("organizer", _organizer(host, absolute))
    return event


def calendar_of(meetings, name, absolute):
    """A calendar of the meetings, each with its programme.

    `meetings` are (meeting, host, sessions) with only published hosts and partners;
    `absolute` makes an address of this site absolute.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Smolyan Municipality//EU projects portal//" + get_language().upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    zone = settings.TIME_ZONE
    calendar.add("x-wr-timezone", zone)
    years = [meeting.start_date.year for meeting, _host, _sessions in meetings] or [
        datetime.date.today().year
    ]
    # The zone's rules for the years of the meetings, not for the whole of history.
    calendar.add_component(
        Timezone.from_tzid(
            zone,
            first_date=datetime.date(min(years), 1, 1),
            last_date=datetime.date(max(years) + 2, 1, 1),
        )
    )
    for meeting, host, sessions in meetings:
        calendar.add_component(meeting_event(meeting, host, absolute))
        for session in sessions:
            calendar.add_component(session_event(session, meeting, host, absolute))
    return calendar
