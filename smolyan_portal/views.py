"""Site-wide views: home, accessibility statement, error pages."""

from django.views import defaults
from django.views.generic import TemplateView

from smolyan_portal import search


class HomeView(TemplateView):
    template_name = "home.html"


class SearchView(TemplateView):
    """Search the portal; a GET form, so it sets no cookie."""

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()[: search.MAX_QUERY_LENGTH]
        return super().get_context_data(
            query=query, results=search.search(query) if query else [], **kwargs
        )


class AccessibilityView(TemplateView):
    template_name = "accessibility.html"


def bad_request(request, exception):
    return defaults.bad_request(request, exception, template_name="400.html")


def permission_denied(request, exception):
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request, exception):
    return defaults.page_not_found(request, exception, template_name="404.html")
