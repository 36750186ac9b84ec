"""The open-data pages of the site: the API's documentation and the data dictionary."""

from django.urls import reverse
from django.views.generic import TemplateView

from api.dictionary import TABLES, column_type_label
from api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from media.licences import content_licence


class ApiDocsView(TemplateView):
    """What the API offers, and Swagger UI made from its OpenAPI schema."""

    template_name = "api/docs.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            licence=content_licence(),
            api_root=reverse("api:root"),
            schema_url=reverse("api:schema"),
            dictionary_url=reverse("opendata:data-dictionary"),
            default_page_size=DEFAULT_PAGE_SIZE,
            max_page_size=MAX_PAGE_SIZE,
            **kwargs,
        )


class DataDictionaryView(TemplateView):
    """Each table of a project's export and what each of its columns means."""

    template_name = "api/data_dictionary.html"

    def get_context_data(self, **kwargs):
        tables = [
            {
                "table": table,
                "columns": [
                    {
                        "names": column.names(),
                        "type": column_type_label(column.type),
                        "description": column.description,
                    }
                    for column in table.columns
                ],
            }
            for table in TABLES
        ]
        return super().get_context_data(tables=tables, licence=content_licence(), **kwargs)
