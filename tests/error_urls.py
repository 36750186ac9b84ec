"""The site's URLs plus pages that fail on purpose, for the tests of error mails."""

from django.urls import path

from smolyan_portal.urls import handler400, handler403, handler404, urlpatterns  # noqa: F401


def divide_by_zero(request):
    return 1 / 0


def missing_key(request):
    return {}["missing"]


urlpatterns = [
    path("fail/zero/", divide_by_zero),
    path("fail/key/", missing_key),
    *urlpatterns,
]
