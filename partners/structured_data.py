"""A partner as search engines read it: a schema.org Organization of its kind."""

from django.utils.translation import gettext as _

from media.sharing import image_object, shared_image
from partners.models import PartnerKind
from publishing.structured_data import absolute_url, without_empty

ORGANIZATION_TYPES = {
    PartnerKind.CITY: "GovernmentOrganization",
    PartnerKind.UNIVERSITY: "CollegeOrUniversity",
    PartnerKind.COMPANY: "Corporation",
    PartnerKind.NETWORK: "Organization",
    PartnerKind.INSTITUTE: "ResearchOrganization",
}


def geo_coordinates(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(latitude), "longitude": float(longitude)}


def postal_address(partner):
    return without_empty(
        {
            "@type": "PostalAddress",
            "addressLocality": partner.city,
            "addressCountry": partner.country.code,
        }
    )


def home_city(partner):
    """The city a partner is based in; for a city, the city itself."""
    name = partner.city or (partner.name if partner.is_city else "")
    if not name:
        return None
    return without_empty(
        {
            "@type": "City",
            "name": name,
            "address": postal_address(partner),
            "geo": geo_coordinates(partner.latitude, partner.longitude),
        }
    )


def organization(request, partner, *, full=False):
    """The partner as an Organization: named and linked, and described in full on its page."""
    data = {
        "@type": ORGANIZATION_TYPES.get(partner.kind, "Organization"),
        "name": partner.name,
        "url": absolute_url(request, partner.get_absolute_url()),
    }
    if not full:
        return data
    data = {"@context": "https://schema.org", **data, "@id": data["url"]}
    data["address"] = postal_address(partner)
    if partner.is_city:
        # A municipality serves its city, which is also where it is.
        data["areaServed"] = home_city(partner)
    else:
        data["location"] = home_city(partner)
    data["sameAs"] = [partner.website] if partner.website else None
    if partner.logo:
        data["logo"] = image_object(partner_image(request, partner))
    return without_empty(data)


def partner_image(request, partner):
    alt = _("The logo of %(name)s") % {"name": partner.name}
    return shared_image(request, partner.logo, alt if partner.logo else "")


def describe_partner(request, partner, context):
    """What the head of a partner's page says about it."""
    return {
        "og_type": "website",
        "image": partner_image(request, partner),
        "open_graph": [],
        "json_ld": [organization(request, partner, full=True)],
    }
