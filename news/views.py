from django.views.generic import ListView

from news.models import Article
from publishing.views import PublishedListMixin, TranslatedDetailView


class ArticleListView(PublishedListMixin, ListView):
    model = Article
    paginate_by = 12

    def get_queryset(self):
        return super().get_queryset().for_listing()


class ArticleDetailView(TranslatedDetailView):
    model = Article

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("meeting")
            .prefetch_related("projects", "partners", "gallery")
        )
