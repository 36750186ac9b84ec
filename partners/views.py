from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from partners.models import Partner, PartnerKind
from publishing.views import PublishedListMixin, TranslatedDetailView

# The map's tiles come from OpenStreetMap, and only after the visitor presses the
# button that shows the map; no other page may load images from another host.
MAP_TILE_HOST = "https://tile.openstreetmap.org"
ROLE_ORDER = ["coordinator", "lighthouse", "follower", "partner"]
# Headings of the groups of partners that share a role in a project.
ROLE_GROUP_LABELS = {
    "coordinator": gettext_lazy("Coordinator"),
    "lighthouse": gettext_lazy("Lighthouse cities"),
    "follower": gettext_lazy("Follower cities"),
    "partner": gettext_lazy("Partners"),
}
KIND_GROUP_LABELS = {
    PartnerKind.CITY: gettext_lazy("Cities and municipalities"),
    PartnerKind.UNIVERSITY: gettext_lazy("Universities"),
    PartnerKind.COMPANY: gettext_lazy("Companies"),
    PartnerKind.NETWORK: gettext_lazy("Networks of cities"),
    PartnerKind.INSTITUTE: gettext_lazy("Institutes and associations"),
}


def role_rank(role):
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def related_model(name):
    """A model of an app above this one, reached through Partner's reverse relation."""
    return Partner._meta.get_field(name).related_model


def published_projects():
    return related_model("projects").objects.published()


def by_name(partners):
    return sorted(partners, key=lambda partner: partner.name.casefold())


@method_decorator(csp_update({"img-src": [MAP_TILE_HOST]}), name="dispatch")
class PartnerListView(PublishedListMixin, ListView):
    """Partners by kind and by their role in each project, with an on-demand map."""

    model = Partner

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners = by_name(context["object_list"])
        kinds = []
        for value, label in PartnerKind.choices:
            members = [partner for partner in partners if partner.kind == value]
            if members:
                kinds.append(
                    {
                        "kind": value,
                        "label": KIND_GROUP_LABELS.get(value, label),
                        "partners": members,
                    }
                )

        participations = (
            related_model("participations")
            .objects.filter(partner__in=Partner.objects.published())
            .filter(project__in=published_projects())
            .select_related("project")
        )
        partner_by_pk = {partner.pk: partner for partner in partners}
        projects = {}
        for participation in participations:
            project = participation.project
            entry = projects.setdefault(project.pk, {"project": project, "roles": {}})
            role = entry["roles"].setdefault(
                participation.role,
                {
                    "role": participation.role,
                    "label": ROLE_GROUP_LABELS.get(
                        participation.role, participation.get_role_display()
                    ),
                    "partners": [],
                },
            )
            if participation.partner_id in partner_by_pk:
                role["partners"].append(partner_by_pk[participation.partner_id])
        project_groups = []
        for entry in sorted(
            projects.values(),
            key=lambda entry: (
                -(entry["project"].start_date.toordinal() if entry["project"].start_date else 0),
                str(entry["project"]).casefold(),
            ),
        ):
            roles = sorted(entry["roles"].values(), key=lambda role: role_rank(role["role"]))
            for role in roles:
                role["partners"] = by_name(role["partners"])
            project_groups.append({"project": entry["project"], "roles": roles})

        context.update(
            partners_by_kind=kinds,
            projects=project_groups,
            partner_count=len(partners),
            country_count=len({partner.country.code for partner in partners}),
            mapped_count=sum(partner.latitude is not None for partner in partners),
        )
        return context


class PartnerDetailView(TranslatedDetailView):
    """A partner with its projects and roles, meetings, news and twin towns."""

    model = Partner
    translated_field = "name"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partner = self.object
        participations = sorted(
            partner.participations.filter(project__in=published_projects()).select_related(
                "project"
            ),
            key=lambda participation: (
                -(
                    participation.project.start_date.toordinal()
                    if participation.project.start_date
                    else 0
                ),
            ),
        )
        hosted = list(partner.meetings_hosted.published().order_by("-start_date"))
        attended = list(
            partner.meetings_attended.published()
            .exclude(pk__in=[meeting.pk for meeting in hosted])
            .order_by("-start_date")
        )
        context.update(
            participations=participations,
            meetings_hosted=hosted,
            meetings_attended=attended,
            articles=list(partner.articles.published()[:10]),
            twin_towns=by_name(partner.twin_towns.published()),
        )
        return context
