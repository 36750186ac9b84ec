"""iCalendar files of the meetings: one meeting, all of them, or one project's."""

from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views import View

from events.calendars import calendar_of
from events.models import Meeting, Session
from partners.models import Partner
from projects.models import Project
from publishing.views import find_by_slug


def with_programme(meetings):
    """The meetings with their hosts and programmes, fetched in a fixed number of queries."""
    sessions = Session.objects.order_by("date", "order").prefetch_related(
        Prefetch("led_by", queryset=Partner.objects.published())
    )
    return meetings.select_related("host").prefetch_related(Prefetch("sessions", queryset=sessions))


def entry(meeting):
    host = meeting.host
    host = host if host is not None and host.is_published else None
    return meeting, host, list(meeting.sessions.all())


class CalendarView(View):
    """The published meetings as an iCalendar feed to subscribe to."""

    disposition = "inline"

    def get_meetings(self):
        return list(with_programme(Meeting.objects.published()).order_by("start_date", "pk"))

    def get_name(self):
        return _("Partner meetings · EU projects of Smolyan")

    def get_filename(self):
        return "meetings.ics"

    def get(self, request, *args, **kwargs):
        meetings = [entry(meeting) for meeting in self.get_meetings()]
        calendar = calendar_of(meetings, self.get_name(), request.build_absolute_uri)
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'{self.disposition}; filename="{self.get_filename()}"'
        return response


class MeetingCalendarView(CalendarView):
    """One meeting and its programme, to add to a calendar."""

    disposition = "attachment"

    def get_meetings(self):
        queryset = with_programme(Meeting.objects.visible_to(self.request.user))
        self.meeting = find_by_slug(queryset, self.kwargs["slug"])
        if self.meeting is None:
            raise Http404(_("No such page."))
        return [self.meeting]

    def get_name(self):
        return self.meeting.title

    def get_filename(self):
        return f"{self.meeting.slug}.ics"


class ProjectCalendarView(CalendarView):
    """The meetings of one project."""

    def get_meetings(self):
        self.project = find_by_slug(Project.objects.published(), self.kwargs["slug"])
        if self.project is None:
            raise Http404(_("No such page."))
        meetings = with_programme(Meeting.objects.published().filter(project=self.project))
        return list(meetings.order_by("start_date", "pk"))

    def get_name(self):
        return _("Meetings of %(project)s · EU projects of Smolyan") % {"project": self.project}

    def get_filename(self):
        return f"{self.project.slug}.ics"
