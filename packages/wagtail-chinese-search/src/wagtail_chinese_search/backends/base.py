from modelsearch.utils import get_content_type_pk

from .query import NothingToSearch, autocomplete_rewrite, rewrite


class SegmentingIndexerMixin:
    """Index the segmented form of every text.

    modelsearch's indexers walk every search field once for the title, once for the body and once for
    autocomplete; field values are read once here, and each column's text is segmented once."""

    def prepare_value(self, value):
        # modelsearch would index an empty field as the word "None".
        return "" if value is None else super().prepare_value(value)

    def prepare_field(self, obj, field):
        cache = self.__dict__.setdefault("_prepared_fields", {})
        key = (id(obj), id(field))
        if key not in cache:
            cache[key] = list(super().prepare_field(obj, field))
        return iter(cache[key])


class SegmentingCompilerMixin:
    """Search with the segmented form of the query; with several words, documents holding all rank first."""

    ALL_TERMS_BONUS = 1000.0
    autocomplete = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.nothing_to_search = False
        self.all_terms_query = None
        self.query_words = None
        try:
            if self.autocomplete:
                self.query = autocomplete_rewrite(self.query)
            else:
                rewritten = rewrite(self.query, self.DEFAULT_OPERATOR)
                self.query, self.all_terms_query, self.query_words = rewritten.query, rewritten.all_terms, rewritten.words
        except NothingToSearch:
            self.nothing_to_search = True

    def search(self, config, start, stop, score_field=None, **kwargs):
        if self.nothing_to_search:
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field, **kwargs)


class SegmentingIndexMixin:
    """What both database indexes do before writing: build a segmenting indexer for every object."""

    indexer_class = None

    def prepare_indexers(self, model, objs):
        """(indexers, content type pk), or None when the model has nothing to index."""
        if not model.get_search_fields():
            return None
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        return (indexers, get_content_type_pk(model)) if indexers else None
