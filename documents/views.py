from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from django.views.generic import ListView

from documents.models import Document, DocumentKind, FileLanguage
from events.models import Meeting
from media.downloads import download
from projects.facets import project_facet
from projects.models import Project
from publishing.lists import Facet, FilteredListMixin, Option
from publishing.views import PublishedListMixin


class DocumentListView(FilteredListMixin, PublishedListMixin, ListView):
    """Documents filtered by project, kind and the language of the file."""

    model = Document
    paginate_by = 30

    def get_facets(self):
        published = Document.objects.published()
        present = set(published.order_by().values_list("kind", "file_language").distinct())
        kinds = {kind for kind, _language in present}
        languages = {language for _kind, language in present}
        return [
            project_facet(published, "project"),
            Facet(
                "kind",
                gettext_lazy("Kind"),
                "kind",
                [Option(value, label) for value, label in DocumentKind.choices if value in kinds],
            ),
            Facet(
                "language",
                gettext_lazy("Language of the file"),
                "file_language",
                [
                    Option(value, label)
                    for value, label in FileLanguage.choices
                    if value in languages
                ],
            ),
        ]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("project", "meeting", "session")
            # Each document names its project and meeting: their long texts are not read.
            .for_lists(project=Project, meeting=Meeting)
        )


def document_download(request, pk):
    """The file itself, under a readable name, to whoever may see the document.

    The only way to a document's file: its media address answers 404 (media/serving.py),
    so a draft's file reaches only editors who may change documents.
    """
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    if not document.file:
        raise Http404
    return download(document.file, filename=document.download_name, public=document.is_published)
