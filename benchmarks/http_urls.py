"""The site's URLs plus a bare Django view, served by the same gunicorn and middleware: the baseline."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from cms.urls import urlpatterns as site_urls


@never_cache  # the baseline is never served from the page cache (the lookup still runs, as for every page)
def bare(request):
    return HttpResponse("<!DOCTYPE html><title>bare</title><p>ok</p>", content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bare/", bare)] + site_urls
