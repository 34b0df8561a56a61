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
    in_force = models.BooleanField(default=True)

    objects = ArticleQuerySet.as_manager()

    @property
    def search_demoted(self):
        return not self.in_force

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("body"),
        index.SearchField("document_number"),
        index.FilterField("published"),
    ]

    def __str__(self):
        return self.title


class Glossary(index.Indexed, models.Model):
    """Indexed with a text primary key: its index entries hold object ids that are not numbers."""

    code = models.CharField(max_length=40, primary_key=True)
    term = models.CharField(max_length=100)

    objects = ArticleQuerySet.as_manager()
    search_fields = [index.SearchField("term")]
