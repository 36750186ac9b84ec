from django.views.generic import TemplateView

from events.models import Meeting
from publishing.views import TranslatedDetailView


class MeetingListView(TemplateView):
    template_name = "events/meeting_list.html"

    def get_context_data(self, **kwargs):
        meetings = Meeting.objects.published().select_related("host", "project")
        return super().get_context_data(
            upcoming=meetings.upcoming(), past=meetings.past(), **kwargs
        )


class MeetingDetailView(TranslatedDetailView):
    model = Meeting

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("host", "project")
            .prefetch_related("sessions__led_by", "site_visits", "participants")
        )
