from django.urls import path

from partners import views

app_name = "partners"
urlpatterns = [
    path("", views.PartnerListView.as_view(), name="partner-list"),
    path("<slug:slug>/", views.PartnerDetailView.as_view(), name="partner-detail"),
]
