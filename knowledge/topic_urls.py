from django.urls import path

from knowledge import topic_views

app_name = "topics"
urlpatterns = [
    path("<slug:slug>/", topic_views.TopicView.as_view(), name="topic-detail"),
]
