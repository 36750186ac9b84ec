"""The open-data pages, inside the language prefix: /en/open-data/…"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from api.pages import ApiDocsView, DataDictionaryView

app_name = "opendata"
urlpatterns = [
    path("", ApiDocsView.as_view(), name="api-docs"),
    path(_("data-dictionary/"), DataDictionaryView.as_view(), name="data-dictionary"),
]
