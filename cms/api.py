"""Wagtail API v2 (/api/v2/): pages with every field of our page types, images and documents.

Pages are always live and public (Wagtail's pages endpoint); `?search=` goes through the site's Chinese-aware
search. Added here: `date_from` / `date_to` (发布日期 range) and documents in restricted collections left out."""

import datetime

from django.db.models import Q
from wagtail.api.v2.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from core.models import ListedPage


class DateRangeFilter(BaseFilterBackend):
    """?date_from=YYYY-MM-DD&date_to=YYYY-MM-DD on the 发布日期 of listed pages (news, documents, reports)."""

    def filter_queryset(self, request, queryset, view):
        bounds = {}
        for name, lookup in (("date_from", "date__gte"), ("date_to", "date__lte")):
            value = request.GET.get(name)
            if value is None:
                continue
            try:
                bounds[lookup] = datetime.date.fromisoformat(value)
            except ValueError:
                raise BadRequestError(f"{name} must be a date in the form YYYY-MM-DD") from None
        if bounds:
            queryset = queryset.filter(id__in=ListedPage.objects.filter(**bounds).values("pk"))
        return queryset


class GongkaiPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [DateRangeFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union({"date_from", "date_to"})


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        queryset = super().get_queryset()
        for path in restricted:
            queryset = queryset.exclude(Q(collection__path__startswith=path))
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", GongkaiPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
