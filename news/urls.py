from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from news import feeds, views

# Feed and file names have a dot, which no slug has, so no article's address can hide them.
app_name = "news"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("rss.xml", feeds.NewsFeed(), name="feed-rss"),
    path("atom.xml", feeds.NewsFeed(atom=True), name="feed-atom"),
    path(
        format_lazy("{}<slug:slug>/rss.xml", _("projects/")),
        feeds.ProjectNewsFeed(),
        name="project-feed-rss",
    ),
    path(
        format_lazy("{}<slug:slug>/atom.xml", _("projects/")),
        feeds.ProjectNewsFeed(atom=True),
        name="project-feed-atom",
    ),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
