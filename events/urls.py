from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from events import calendar_views, feeds, views

# Feed and file names have a dot, which no slug has, so no meeting's address can hide them.
app_name = "events"
urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting-list"),
    path("rss.xml", feeds.MeetingFeed(), name="feed-rss"),
    path("atom.xml", feeds.MeetingFeed(atom=True), name="feed-atom"),
    path("calendar.ics", calendar_views.CalendarView.as_view(), name="calendar"),
    path(
        format_lazy("{}<slug:slug>/calendar.ics", _("projects/")),
        calendar_views.ProjectCalendarView.as_view(),
        name="project-calendar",
    ),
    path("<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path(
        "<slug:slug>/calendar.ics",
        calendar_views.MeetingCalendarView.as_view(),
        name="meeting-calendar",
    ),
]
