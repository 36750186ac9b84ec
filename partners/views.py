from django.views.generic import ListView

from partners.models import Partner
from publishing.views import PublishedListMixin, TranslatedDetailView


class PartnerListView(PublishedListMixin, ListView):
    model = Partner


class PartnerDetailView(TranslatedDetailView):
    model = Partner
    translated_field = "name"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("twin_towns")
