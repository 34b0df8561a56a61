"""Wagtail's page view, with the route found in memory when the worker has already routed the same path in the
same content version. Wagtail walks the tree one query per path segment (and one more for each page's type); a
remembered route costs none. The live page itself is kept pickled, so each request still gets its own copy to
render. Privacy checks and serve hooks run as before."""

import pickle
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from . import site_cache


def _route(request, path):
    """(page id, content type id, path left for the page's own sub-routes), or None for no page."""
    result = Page.route_for_request(request, path)
    root = site_cache.home(request)
    if result is None or root is None:
        return None
    page = result[0]
    # Kept as it is now, before this request renders it; later requests unpickle their own copy.
    site_cache.remember(request, ("page", page.pk), lambda: _kept(page))
    components = [component for component in path.split("/") if component]
    return page.pk, page.content_type_id, components[page.depth - root.depth:]


def _kept(page):
    """The page pickled, with the related rows its template shows (a page type's `kept_relations`), and its
    StreamFields apart, already turned into blocks. Turning stored JSON into blocks, and looking up the images and
    documents they choose, is a large part of rendering a long page such as an annual report; rendering only reads
    blocks, so every request shares one converted copy while each still gets its own page object."""
    for name in getattr(page, "kept_relations", ()):
        getattr(page, name)
    streams = {name: _converted(getattr(page, name)) for name in _stream_field_names(type(page))}
    fields = page.__dict__
    for name in streams:
        del fields[name]
    try:
        return pickle.dumps(page, pickle.HIGHEST_PROTOCOL), streams
    finally:
        fields.update(streams)


def _unpickled(stored):
    data, streams = stored
    page = pickle.loads(data)
    page.__dict__.update(streams)
    return page


@cache
def _stream_field_names(model):
    return tuple(field.name for field in model._meta.concrete_fields if isinstance(field, StreamField))


def _converted(value):
    for _child in value:  # turns every block's stored JSON into Python values, nested blocks included
        pass
    return value


def _live_page(content_type_id, page_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=page_id).first()
    return _kept(page) if page is not None else None


def serve(request, path):
    # Every page link on the page is worked out from the site root paths, which Wagtail reads from the cache once
    # per request; they change only with the content version.
    request._wagtail_cached_site_root_paths = site_cache.remember(request, "site-root-paths", Site.get_site_root_paths)
    current_site = site_cache.site(request)
    if current_site is not None and request.method in ("GET", "HEAD"):
        known = site_cache.remember(request, ("route", current_site.pk, get_language(), path), lambda: _route(request, path))
        if not hasattr(request, "_wagtail_route_for_request"):
            if known is None:
                request._wagtail_route_for_request = None
            else:
                page_id, content_type_id, remaining = known
                stored = site_cache.remember(request, ("page", page_id), lambda: _live_page(content_type_id, page_id))
                page = _unpickled(stored) if stored is not None else None
                try:
                    request._wagtail_route_for_request = page.route(request, remaining) if page is not None else None
                except wagtail_views.Http404:
                    request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
