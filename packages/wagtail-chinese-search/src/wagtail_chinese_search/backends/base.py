from modelsearch.query import Or, PlainText
from modelsearch.utils import get_content_type_pk

from .. import abbreviations
from .query import NothingToSearch, autocomplete_rewrite, rewrite, title_query


# A word no one types, indexed with the text of objects whose `search_demoted` is true (a 失效 or 废止 version): they
# rank below the others of their tier (DEMOTED_PENALTY) and stay findable.
DEMOTED_TOKEN = "wcsdemoted"


def is_demoted(obj):
    return bool(getattr(obj, "search_demoted", False))


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
    # Documents whose title holds every word of the query (or what a 简称 stands for) come before those whose text
    # does: a query naming a law ranks that law first, not the laws that quote it.
    TITLE_BONUS = 2000.0
    # ...and a title that is exactly the query (or exactly what a 简称 stands for) before those.
    EXACT_TITLE_BONUS = 4000.0
    # A superseded version sinks below the current ones of its tier, not below everything.
    DEMOTED_PENALTY = 500.0
    autocomplete = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.nothing_to_search = False
        self.all_terms_query = None
        self.query_words = None
        self.abbreviated_titles = []
        self.query_text = getattr(self.query, "query_string", None) if isinstance(self.query, PlainText) else None
        try:
            if self.autocomplete:
                self.query = autocomplete_rewrite(self.query)
            else:
                rewritten = rewrite(self.query, self.DEFAULT_OPERATOR)
                self.query, self.all_terms_query, self.query_words = rewritten.query, rewritten.all_terms, rewritten.words
                self.abbreviated_titles = abbreviations.expand(self.queryset, self.query_text) if self.query_text else []
                if self.abbreviated_titles:
                    # 城规法 also searches 城乡规划法: each title the query abbreviates, as all of its words.
                    expansions = [title_query(title) for title in self.abbreviated_titles]
                    self.query = Or([self.query, *expansions])
                    if self.all_terms_query is not None:  # a document holding the title's words holds "every word"
                        self.all_terms_query = Or([self.all_terms_query, *expansions])
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
