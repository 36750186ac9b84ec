"""A project as search engines read it: a schema.org Project, its funder and its grant."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from media.sharing import image_object, shared_image
from partners.structured_data import organization
from publishing.structured_data import absolute_url, iso_datetime, without_empty


def funder(project):
    """Who pays for the project: its funding programme, run by the EU when it is EU-funded."""
    european_union = {
        "@type": "GovernmentOrganization",
        "name": _("European Union"),
        "url": "https://european-union.europa.eu/",
    }
    if project.programme:
        scheme = {"@type": "FundingScheme", "name": project.programme}
        if project.eu_funded:
            scheme["parentOrganization"] = european_union
        return scheme
    return european_union if project.eu_funded else None


def grant(project, paid_by):
    """The grant, in the words of the acknowledgement the grant requires."""
    if not project.funding_statement:
        return None
    return without_empty(
        {"@type": "Grant", "description": project.funding_statement, "funder": paid_by}
    )


def project_data(request, project, roles=()):
    url = absolute_url(request, project.get_absolute_url())
    paid_by = funder(project)
    members = [
        organization(request, partner) for role in roles for partner in role.get("partners", ())
    ]
    return without_empty(
        {
            "@context": "https://schema.org",
            "@type": "Project",
            "@id": url,
            "url": url,
            "name": project.title,
            "alternateName": project.acronym if project.acronym != project.title else "",
            "description": project.summary,
            "inLanguage": get_language(),
            "foundingDate": iso_datetime(project.start_date),
            "dissolutionDate": iso_datetime(project.end_date),
            "sameAs": [project.website] if project.website else None,
            "funder": paid_by,
            "funding": grant(project, paid_by),
            "member": members,
            "logo": image_object(project_image(request, project)) if project.logo else None,
        }
    )


def project_image(request, project):
    alt = _("The logo of %(name)s") % {"name": str(project)}
    return shared_image(request, project.logo, alt if project.logo else "")


def describe_project(request, project, context):
    """What the head of a project's page says about it."""
    return {
        "og_type": "website",
        "image": project_image(request, project),
        "open_graph": [],
        "json_ld": [project_data(request, project, context.get("roles") or ())],
    }
