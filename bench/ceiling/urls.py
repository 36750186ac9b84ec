from django.http import HttpResponse
from django.urls import path

# About 5 KB of HTML, the size of a small page of the portal without its images.
PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Ceiling</title></head>"
    "<body><main>"
    + "<p>A fixed paragraph of text that stands for the content.</p>" * 85
    + "</main></body></html>"
).encode()


def page(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", page)]
