"""/api/v1/: the open-data API, outside the language prefix (every record has both)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from api import exports, knowledge, views
from api.schema import SchemaView

app_name = "api"

router = SimpleRouter()
router.register("news", views.ArticleViewSet, basename="article")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("partners", views.PartnerViewSet, basename="partner")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("solutions", knowledge.SolutionViewSet, basename="solution")
router.register("topics", knowledge.TopicViewSet, basename="topic")

urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("projects/<int:pk>/export.zip", exports.CsvExportView.as_view(), name="project-csv"),
    path("projects/<int:pk>/export.json", exports.JsonExportView.as_view(), name="project-json"),
    *router.urls,
]
