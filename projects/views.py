from django.views.generic import ListView

from projects.models import Project
from publishing.views import PublishedListMixin, TranslatedDetailView


class ProjectListView(PublishedListMixin, ListView):
    model = Project


class ProjectDetailView(TranslatedDetailView):
    model = Project

    def get_queryset(self):
        return super().get_queryset().prefetch_related("participations__partner")
