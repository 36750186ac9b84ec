"""Site-wide views: home, accessibility statement, error pages."""

from django.views import defaults
from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "home.html"


class AccessibilityView(TemplateView):
    template_name = "accessibility.html"


def bad_request(request, exception):
    return defaults.bad_request(request, exception, template_name="400.html")


def permission_denied(request, exception):
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request, exception):
    return defaults.page_not_found(request, exception, template_name="404.html")
