from django.db.models import Count, Q
from django.views.generic import ListView

from partners.models import Partner
from partners.views import ROLE_GROUP_LABELS, role_rank
from projects.models import Project
from publishing.languages import fallback_lang
from publishing.views import PublishedListMixin, TranslatedDetailView


def published_partner_count():
    """Partners visitors can see, counted from the data rather than typed in."""
    return Count(
        "participations",
        filter=Q(participations__partner__in=Partner.objects.published()),
        distinct=True,
    )


def project_lang(project):
    # An acronym reads the same in every language.
    return "" if project.acronym else fallback_lang(project, "title")


class ProjectListView(PublishedListMixin, ListView):
    model = Project

    def get_queryset(self):
        return super().get_queryset().annotate(partner_count=published_partner_count())


class ProjectDetailView(TranslatedDetailView):
    """A project with its partners by role, meetings, news, documents and EU funding."""

    model = Project

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        participations = project.participations.filter(
            partner__in=Partner.objects.published()
        ).select_related("partner")
        roles = {}
        for participation in participations:
            role = roles.setdefault(
                participation.role,
                {
                    "role": participation.role,
                    "label": ROLE_GROUP_LABELS.get(
                        participation.role, participation.get_role_display()
                    ),
                    "partners": [],
                },
            )
            role["partners"].append(participation.partner)
        roles = sorted(roles.values(), key=lambda role: role_rank(role["role"]))
        for role in roles:
            role["partners"].sort(key=lambda partner: partner.name.casefold())
        context.update(
            roles=roles,
            partner_count=sum(len(role["partners"]) for role in roles),
            country_count=len(
                {partner.country.code for role in roles for partner in role["partners"]}
            ),
            meetings=list(
                project.meetings.published().select_related("host").order_by("-start_date")
            ),
            articles=list(project.articles.published()[:6]),
            documents=list(project.documents.published()),
        )
        return context
