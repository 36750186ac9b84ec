from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting-list"),
    path("<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
]
