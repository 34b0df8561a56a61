"""Wagtail API v2 (/api/v2/): pages with every field of our page types, images and documents.

Pages are always live and public (Wagtail's pages endpoint); `?search=` goes through the site's Chinese-aware
search. Added here: `date_from` / `date_to` (发布日期 range) and documents in restricted collections left out."""

import datetime

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import Q
from wagtail.api.v2.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from gongkai.core.models import ListedPage


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


# Every parameter has bounds, so that no value reaches the database in a form it cannot take (an OFFSET beyond
# 64 bits, a 150-word full-text query) and the caller learns what was wrong. Control characters are refused for the
# whole site by gongkai/core/bad_requests.py.
INT_MAX = 2**31 - 1
INTEGER_PARAMETERS = {"offset", "limit", "id", "child_of", "descendant_of", "ancestor_of", "translation_of"}
MAX_LENGTHS = {"search": 200, "locale": 20, "type": 100, "order": 100, "site": 255, "html_path": 1000, "fields": 1000}
MAX_LENGTH = 200  # any other parameter: a field filter
SEARCH_OPERATORS = {"and", "or"}


def check_integer(name, value, maximum=INT_MAX):
    if name in ("child_of", "descendant_of") and value == "root":
        return
    if not (value.isascii() and value.isdigit() and len(value) <= 10 and int(value) <= maximum):
        raise BadRequestError(f"{name} must be a whole number from 0 to {maximum}")


def check_field_filter(name, value, field):
    """?date=…, ?year=…, ?owner=…: the value must be one the model field can hold (Wagtail would hand a bad date to
    the database and fail with a server error)."""
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    if isinstance(target, (models.IntegerField, models.AutoField)):
        # The field's own range (SQLite would store anything; the answer should not depend on the database).
        _low, high = BaseDatabaseOperations.integer_field_ranges.get(target.get_internal_type(), (0, INT_MAX))
        return check_integer(name, value, min(INT_MAX, high))
    if isinstance(target, models.BooleanField):
        return  # Wagtail's own parse_boolean answers 400
    try:
        target.to_python(value)
    except ValidationError as error:
        raise BadRequestError(f"{name}: {' '.join(error.messages)}") from None


class BoundedParametersMixin:
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        model = None
        for name, value in request.GET.items():
            limit = MAX_LENGTHS.get(name, MAX_LENGTH)
            if len(value) > limit:
                raise BadRequestError(f"{name} is too long (at most {limit} characters)")
            if name in INTEGER_PARAMETERS:
                check_integer(name, value)
                continue
            if name in self.known_query_parameters:
                continue
            model = model or self.get_queryset().model  # only for field filters: ?type= picks the model
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if getattr(field, "concrete", False) and not field.many_to_many:
                check_field_filter(name, value, field)
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")


class GongkaiPagesAPIViewSet(BoundedParametersMixin, PagesAPIViewSet):
    filter_backends = [DateRangeFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union({"date_from", "date_to"})


class BoundedImagesAPIViewSet(BoundedParametersMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(BoundedParametersMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        queryset = super().get_queryset()
        for path in restricted:
            queryset = queryset.exclude(Q(collection__path__startswith=path))
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", GongkaiPagesAPIViewSet)
api_router.register_endpoint("images", BoundedImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
