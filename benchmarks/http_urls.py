"""The site's URLs plus a bare Django view, served by the same gunicorn and middleware: the baseline."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urls


def bare(request):
    return HttpResponse("<!DOCTYPE html><title>bare</title><p>ok</p>", content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bare/", bare)] + site_urls
