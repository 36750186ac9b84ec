"""Context shared by every page."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from media.licences import content_licence
from publishing.addresses import address

MAIN_NAVIGATION = [
    ("news:article-list", _("News")),
    ("events:meeting-list", _("Meetings")),
    ("partners:partner-list", _("Partners")),
    ("projects:project-list", _("Projects")),
    ("knowledge:solution-list", _("Solutions")),
    ("documents:document-list", _("Documents")),
    ("search", _("Search")),
]


def portal(request):
    path = request.path
    navigation = []
    for url_name, label in MAIN_NAVIGATION:
        url = address(url_name)
        navigation.append({"url": url, "label": label, "current": path.startswith(url)})
    return {
        "main_navigation": navigation,
        "contact_email": settings.PORTAL_CONTACT_EMAIL,
        "content_licence": content_licence(),
        "site_emblem": settings.PORTAL_EMBLEM,
    }
