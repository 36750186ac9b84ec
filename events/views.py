from django.db.models import Prefetch
from django.views.generic import ListView

from events.models import Meeting, Session, SiteVisit
from events.sections import attach
from partners.models import Partner
from projects.models import Participation, Project, Role
from publishing.collation import by_name
from publishing.lists import NearestPageMixin, page_text_columns
from publishing.views import PublishedListMixin, TranslatedDetailView


class MeetingListView(NearestPageMixin, PublishedListMixin, ListView):
    """Upcoming meetings on the first page, then past ones by year, a page at a time.

    A municipality holds a few meetings a year, so most sites have one page; the pages
    keep years of meetings (or the generated set of hundreds) as quick as a short list.
    """

    model = Meeting
    paginate_by = 24

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("host", "project")
            .for_lists(host=Partner, project=Project)
        )

    def get_context_data(self, **kwargs):
        meetings = self.object_list
        context = super().get_context_data(object_list=meetings.past(), **kwargs)
        years = []
        for meeting in context["object_list"]:
            if not years or years[-1]["year"] != meeting.start_date.year:
                years.append({"year": meeting.start_date.year, "meetings": []})
            years[-1]["meetings"].append(meeting)
        # What is coming heads the first page only.
        first_page = context["page_obj"].number == 1
        context.update(upcoming=list(meetings.upcoming()) if first_page else [], past_years=years)
        return context


class MeetingDetailView(TranslatedDetailView):
    """The summary partners read: programme by day, site visits, participants, outcomes."""

    model = Meeting

    def get_queryset(self):
        # The programme and the visits come with the meeting, so that the translation state
        # of the page (which counts their texts too) reads them no second time.
        sessions = Session.objects.order_by("date", "order").prefetch_related(
            Prefetch("led_by", queryset=Partner.objects.published().for_lists()), "documents"
        )
        return (
            super()
            .get_queryset()
            .select_related("host", "project")
            # The host and the project are named, not described, on the meeting's page.
            .defer(
                *page_text_columns(Partner, through="host"),
                *page_text_columns(Project, through="project"),
            )
            .prefetch_related(
                Prefetch("sessions", queryset=sessions),
                Prefetch("site_visits", queryset=SiteVisit.objects.order_by("date", "order")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        programme = []
        for session in meeting.sessions.all():
            # Documents belong to an app above this one, so this page names no class of
            # theirs: it follows the reverse relation and keeps what the publishing rule lets
            # visitors see.
            session.published_documents = [
                document for document in session.documents.all() if document.is_published
            ]
            if not programme or programme[-1]["day"] != session.date:
                programme.append({"day": session.date, "sessions": []})
            programme[-1]["sessions"].append(session)

        site_visits = list(meeting.site_visits.all())
        attach([session for day in programme for session in day["sessions"]], site_visits)
        project = meeting.project if meeting.project and meeting.project.is_published else None
        participants = by_name(meeting.participants.published().for_lists())
        roles = {}
        if project is not None:
            roles = dict(
                Participation.objects.filter(project=project).values_list("partner_id", "role")
            )
        for partner in participants:
            role = roles.get(partner.pk)
            partner.project_role = Role(role).label if role else ""

        context.update(
            project=project,
            host=meeting.host if meeting.host and meeting.host.is_published else None,
            programme=programme,
            site_visits=site_visits,
            participants=participants,
            articles=list(meeting.articles.published().for_lists()[:10]),
            documents=list(meeting.documents.published().filter(session__isnull=True)),
            # Listed with their sessions; the summary at the top only counts them.
            session_document_count=sum(
                len(session.published_documents) for day in programme for session in day["sessions"]
            ),
        )
        return context
