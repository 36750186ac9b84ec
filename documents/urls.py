from django.urls import path

from documents import views

app_name = "documents"
urlpatterns = [
    path("", views.DocumentListView.as_view(), name="document-list"),
    path("<int:pk>/download/", views.document_download, name="document-download"),
]
