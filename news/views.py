from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from news.models import Article, ArticleImage
from partners.models import Partner
from projects.models import Project
from publishing.collation import by_name
from publishing.languages import fallback_lang
from publishing.lists import Facet, FilteredListMixin, Option
from publishing.views import PublishedListMixin, TranslatedDetailView


class ArticleListView(FilteredListMixin, PublishedListMixin, ListView):
    model = Article
    paginate_by = 12

    def get_facets(self):
        published = Article.objects.published()
        projects = Project.objects.published().filter(articles__in=published).distinct()
        partners = Partner.objects.published().filter(articles__in=published).distinct()
        years = published.dates("published_at", "year", order="DESC")
        return [
            Facet(
                "project",
                gettext_lazy("Project"),
                "projects",
                [Option(project.pk, str(project), project.label_lang) for project in projects],
            ),
            Facet(
                "partner",
                gettext_lazy("Partner"),
                "partners",
                [
                    Option(partner.pk, partner.name, fallback_lang(partner, "name"))
                    for partner in by_name(partners)
                ],
            ),
            Facet(
                "year",
                gettext_lazy("Year"),
                "published_at__year",
                [Option(day.year, str(day.year)) for day in years],
            ),
        ]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("projects", queryset=Project.objects.published()))
        )


class ArticleDetailView(TranslatedDetailView):
    model = Article

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("meeting")
            .prefetch_related(
                Prefetch("projects", queryset=Project.objects.published()),
                Prefetch("partners", queryset=Partner.objects.published()),
                Prefetch("gallery", queryset=ArticleImage.objects.order_by("order", "pk")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        meeting = article.meeting
        published = Article.objects.published().only(
            "id", "title_bg", "title_en", "slug_bg", "slug_en", "published_at"
        )
        context["meeting"] = meeting if meeting is not None and meeting.is_published else None
        if article.published_at is None:
            return context  # A draft's preview: it has no place among the published yet.
        same_time = Q(published_at=article.published_at)
        context.update(
            previous_article=published.filter(
                Q(published_at__lt=article.published_at) | same_time & Q(pk__lt=article.pk)
            )
            .order_by("-published_at", "-pk")
            .first(),
            next_article=published.filter(
                Q(published_at__gt=article.published_at) | same_time & Q(pk__gt=article.pk)
            )
            .order_by("published_at", "pk")
            .first(),
        )
        return context
