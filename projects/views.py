from django.db.models import Count, Q
from django.views.generic import ListView

from partners.models import Partner
from projects.models import Project, partners_by_role
from projects.sections import project_sections
from publishing.views import PublishedListMixin, TranslatedDetailView


def published_partner_count():
    """Partners visitors can see, counted from the data rather than typed in."""
    return Count(
        "participations",
        filter=Q(participations__partner__in=Partner.objects.published()),
        distinct=True,
    )


class ProjectListView(PublishedListMixin, ListView):
    model = Project

    def get_queryset(self):
        return super().get_queryset().for_lists().annotate(partner_count=published_partner_count())


class ProjectDetailView(TranslatedDetailView):
    """A project with its partners by role, meetings, news, documents and EU funding."""

    model = Project

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        roles = partners_by_role(
            project.participations.filter(partner__in=Partner.objects.published()).select_related(
                "partner"
            )
        )
        context.update(
            roles=roles,
            partner_count=sum(len(role["partners"]) for role in roles),
            country_count=len(
                {partner.country.code for role in roles for partner in role["partners"]}
            ),
            meetings=list(
                project.meetings.published()
                .select_related("host")
                .for_lists(host=Partner)
                .order_by("-start_date")
            ),
            articles=list(project.articles.published().for_lists()[:6]),
            documents=list(project.documents.published()),
            sections=project_sections.collect(project),
        )
        return context
