"""Root URLconf: the admin outside the language prefix, public pages inside it.

The probes (/livez, /healthz) have no route: HealthCheckMiddleware answers them before
any URL is resolved (smolyan_portal/middleware.py).
"""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from media.serving import serve_media
from search.views import SearchView
from smolyan_portal import partner_pages, views
from smolyan_portal.sitemaps import SITEMAPS, robots_txt

admin.site.site_header = _("Smolyan EU projects — administration")
admin.site.site_title = _("Smolyan EU projects — administration")
admin.site.index_title = _("Content of the portal")

# The partners' pages show their projects, so this app composes them (partner_pages.py);
# they keep the "partners" namespace of the app whose model they show.
partner_urls = (
    [
        path("", partner_pages.PartnerListView.as_view(), name="partner-list"),
        path("<slug:slug>/", partner_pages.PartnerDetailView.as_view(), name="partner-detail"),
    ],
    "partners",
)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("api/v1/", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path(_("news/"), include("news.urls")),
    path(_("meetings/"), include("events.urls")),
    path(_("partners/"), include(partner_urls)),
    path(_("projects/"), include("projects.urls")),
    path(_("documents/"), include("documents.urls")),
    path(_("solutions/"), include("knowledge.urls")),
    path(_("topics/"), include("knowledge.topic_urls")),
    path(_("search/"), SearchView.as_view(), name="search"),
    path(_("open-data/"), include("api.page_urls")),
    path(_("accessibility/"), views.AccessibilityView.as_view(), name="accessibility"),
    path(_("privacy/"), views.PrivacyView.as_view(), name="privacy"),
)

handler400 = "smolyan_portal.views.bad_request"
handler403 = "smolyan_portal.views.permission_denied"
handler404 = "smolyan_portal.views.page_not_found"
handler500 = "smolyan_portal.outage.server_error"

# Uploaded media, served by the application (also with DEBUG off) when they are not on
# object storage; see media/serving.py.
urlpatterns += [
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.strip('/'))}/(?P<path>.+)$",
        serve_media,
        name="media",
    )
]
