from django.urls import path
from django.utils.translation import gettext_lazy as _

from knowledge import feeds, views

# Feed names have a dot, which no slug has, so no solution's address can hide them.
app_name = "knowledge"
urlpatterns = [
    path("", views.SolutionListView.as_view(), name="solution-list"),
    path("rss.xml", feeds.SolutionFeed(), name="feed-rss"),
    path("atom.xml", feeds.SolutionFeed(atom=True), name="feed-atom"),
    path(_("by-city/"), views.MatrixView.as_view(), name="solution-matrix"),
    path("<slug:slug>/", views.SolutionDetailView.as_view(), name="solution-detail"),
]
