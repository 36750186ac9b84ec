import datetime

from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from news.models import Article, ArticleImage
from partners.models import Partner
from projects.facets import project_facet
from projects.models import Project
from publishing.collation import by_text
from publishing.lists import (
    Facet,
    FilteredListMixin,
    Option,
    beyond,
    ranges_with_rows,
    translated_options,
)
from publishing.views import PublishedListMixin, TranslatedDetailView


def _start_of(year):
    return datetime.datetime(year, 1, 1, tzinfo=timezone.get_current_timezone())


def years_with_articles(published):
    """The years, newest first, in which `published` has articles.

    The newest and the oldest publication are read from the two ends of the index of
    publication times, then each year between them is one probe of that index: listing the
    distinct years would read every article, and so does MIN() or MAX() under a WHERE on
    SQLite. Two queries, whatever the number of articles.
    """
    ends = (
        published.order_by("-published_at")
        .annotate(first=Subquery(published.order_by("published_at").values("published_at")[:1]))
        .values("published_at", "first")
        .first()
    )
    if ends is None:
        return []
    first, last = (timezone.localtime(ends[end]).year for end in ("first", "published_at"))
    years = range(last, first - 1, -1)
    found = ranges_with_rows(
        published, "published_at", [(_start_of(year), _start_of(year + 1)) for year in years]
    )
    return [year for year, has_articles in zip(years, found, strict=True) if has_articles]


class ArticleListView(FilteredListMixin, PublishedListMixin, ListView):
    model = Article
    paginate_by = 12
    keyset_field = "published_at"

    def get_facets(self):
        published = Article.objects.published()
        # Each partner is checked for one published article through the link table's
        # index, as projects are (projects.facets).
        partners = Partner.objects.published().filter(
            Exists(published.filter(partners=OuterRef("pk")))
        )
        return [
            project_facet(published, "projects"),
            Facet(
                "partner",
                gettext_lazy("Partner"),
                "partners",
                by_text(translated_options(partners, "name")),
            ),
            Facet(
                "year",
                gettext_lazy("Year"),
                "published_at__year",
                [Option(year, str(year)) for year in years_with_articles(published)],
            ),
        ]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .for_lists()
            .prefetch_related(
                Prefetch("projects", queryset=Project.objects.published().for_lists())
            )
            # The key decides between articles of the same moment, as the page links do.
            .order_by("-published_at", "-pk")
        )


class ArticleDetailView(TranslatedDetailView):
    model = Article

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("meeting")
            .prefetch_related(
                Prefetch("projects", queryset=Project.objects.published().for_lists()),
                Prefetch("partners", queryset=Partner.objects.published().for_lists()),
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
        at, pk = article.published_at, article.pk
        context.update(
            previous_article=published.filter(beyond("published_at", at, pk, newer=False))
            .order_by("-published_at", "-pk")
            .first(),
            next_article=published.filter(beyond("published_at", at, pk, newer=True))
            .order_by("published_at", "pk")
            .first(),
        )
        return context
