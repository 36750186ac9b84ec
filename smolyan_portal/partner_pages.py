"""The partners' pages, composed here because they show the projects partners take part in.

`partners` sits below `projects` and cannot import it; the top app sees both.
"""

from collections import namedtuple

from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from django.views.generic import ListView

from knowledge.models import Person, Solution
from partners.models import Partner, PartnerKind
from projects.models import Participation, Project, partners_by_role
from publishing.collation import by_name, sort_key
from publishing.views import PublishedListMixin, TranslatedDetailView

# The map's tiles come from OpenStreetMap, and only after the visitor presses the
# button that shows the map; no other page may load images from another host.
MAP_TILE_HOST = "https://tile.openstreetmap.org"


# A partner's role in a project, as partners_by_role() reads a participation.
PartnerRole = namedtuple("PartnerRole", "role partner")


def newest_first(project):
    return -(project.start_date.toordinal() if project.start_date else 0)


@method_decorator(csp_update({"img-src": [MAP_TILE_HOST]}), name="dispatch")
class PartnerListView(PublishedListMixin, ListView):
    """Partners by kind and by their role in each project, with an on-demand map."""

    model = Partner
    template_name = "partners/partner_list.html"

    def get_queryset(self):
        return super().get_queryset().for_lists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners = by_name(context["object_list"])
        kinds = [
            {"kind": kind, "label": kind.group_heading(len(members)), "partners": members}
            for kind in PartnerKind
            if (members := [partner for partner in partners if partner.kind == kind])
        ]

        # Each partner and each project is made once, however many roles link them: on a
        # big site a project object per role cost more than the two queries.
        partner_by_pk = {partner.pk: partner for partner in partners}
        project_by_pk = {project.pk: project for project in Project.objects.published().for_lists()}
        roles = Participation.objects.filter(
            partner__in=Partner.objects.published(), project__in=Project.objects.published()
        ).values_list("project_id", "partner_id", "role")
        by_project = {}
        for project_id, partner_id, role in roles:
            partner, project = partner_by_pk.get(partner_id), project_by_pk.get(project_id)
            if partner is None or project is None:  # published between the queries: next time
                continue
            by_project.setdefault(project, []).append(PartnerRole(role, partner))
        projects = sorted(
            by_project, key=lambda project: (newest_first(project), sort_key(str(project)))
        )

        context.update(
            partners_by_kind=kinds,
            projects=[
                {"project": project, "roles": partners_by_role(by_project[project])}
                for project in projects
            ],
            partner_count=len(partners),
            country_count=len({partner.country.code for partner in partners}),
            mapped_count=sum(partner.latitude is not None for partner in partners),
        )
        return context


class PartnerDetailView(TranslatedDetailView):
    """A partner with its projects and roles, meetings, solutions, people, news and twin towns."""

    model = Partner
    template_name = "partners/partner_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = self.object
        participations = sorted(
            partner.participations.filter(project__in=Project.objects.published()).select_related(
                "project"
            ),
            key=lambda participation: newest_first(participation.project),
        )
        hosted = list(partner.meetings_hosted.published().for_lists().order_by("-start_date"))
        attended = list(
            partner.meetings_attended.published()
            .for_lists()
            .exclude(pk__in=[meeting.pk for meeting in hosted])
            .order_by("-start_date")
        )
        context.update(
            participations=participations,
            meetings_hosted=hosted,
            meetings_attended=attended,
            articles=list(partner.articles.published().for_lists()[:10]),
            twin_towns=by_name(partner.twin_towns.published().for_lists()),
            # Names only of people with a recorded basis (knowledge.Person).
            people=list(Person.objects.published().filter(organisation=partner)),
            solutions=list(
                Solution.objects.published()
                .for_lists()
                .filter(organisations=partner)
                .order_by("title_bg")
            ),
        )
        return context
