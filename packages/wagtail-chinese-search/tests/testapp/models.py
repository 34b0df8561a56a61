from django.db import models
from modelsearch import index
from modelsearch.queryset import SearchableQuerySetMixin


class ArticleQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class Article(index.Indexed, models.Model):
    title = models.CharField(max_length=255)
    body = models.TextField(blank=True)
    document_number = models.CharField(max_length=100, blank=True)
    published = models.BooleanField(default=True)

    objects = ArticleQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("body"),
        index.SearchField("document_number"),
        index.FilterField("published"),
    ]

    def __str__(self):
        return self.title
