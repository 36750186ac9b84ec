from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from documents.models import Document
from publishing.views import PublishedListMixin


class DocumentListView(PublishedListMixin, ListView):
    model = Document
    paginate_by = 30

    def get_queryset(self):
        return super().get_queryset().for_listing()


def document_download(request, pk):
    """The file itself, as a download under a readable name."""
    document = get_object_or_404(Document.objects.visible_to(request.user), pk=pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=document.file_type != "pdf",
        filename=document.download_name,
        content_type=document.mime_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
