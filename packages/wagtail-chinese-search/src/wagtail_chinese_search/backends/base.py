from modelsearch.query import Or, PlainText
from modelsearch.utils import get_content_type_pk

from .. import abbreviations, suggest, text, vocabulary
from .query import NothingToSearch, autocomplete_rewrite, rewrite, title_query

# A word no one types, indexed with the title of objects whose `search_demoted` is true (a 失效 or 废止 version): they
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
    # Shared among the words of a several-word query by how many of them the title holds: a question names its
    # subject in the title's words (农民工, 工资) among words of its own (公司, 拖欠).
    TITLE_WORDS_BONUS = 3000.0
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
        self.unit_queries = None
        self.unit_weights = None  # each word's share of TITLE_WORDS_BONUS: rarer title words weigh more
        self.abbreviated_titles = []
        self.correction = None  # suggest.Correction: 您是不是要找
        self.exact_texts = []  # text.exact_title_texts(): the query first
        self.query_text = getattr(self.query, "query_string", None) if isinstance(self.query, PlainText) else None
        try:
            if self.autocomplete:
                self.query = autocomplete_rewrite(self.query)
            else:
                rewritten = rewrite(self.query, self.DEFAULT_OPERATOR)
                self.query, self.all_terms_query, self.query_words = rewritten.query, rewritten.all_terms, rewritten.words
                self.unit_queries = rewritten.units
                self.unit_weights = vocabulary.title_word_weights(self.queryset, rewritten.words) if rewritten.units else None
                self.abbreviated_titles = abbreviations.expand(self.queryset, self.query_text) if self.query_text else []
                if self.abbreviated_titles:
                    # 城规法 also searches 城乡规划法: each title the query abbreviates, as all of its words.
                    self.query = Or([self.query, *(title_query(title) for title in self.abbreviated_titles)])
                elif self.query_text:
                    self.correction = suggest.correct(self.queryset, self.query_text)
                    if self.correction is not None and self.correction.confident:
                        # 劳动和同法 also searches 劳动合同法: the typed words still match as typed.
                        self.query = Or([self.query, rewrite(PlainText(self.correction.text), self.DEFAULT_OPERATOR).query])
                # Titles that count as exactly what was asked for: the query, what its 简称 or synonyms stand for,
                # the titles an unlisted 简称 stands for, a confident correction. Worked out once, for the statement.
                corrected = [self.correction.text] if self.correction is not None and self.correction.confident else []
                self.exact_texts = text.exact_title_texts(self.query_text, [*self.abbreviated_titles, *corrected])
            if self.all_terms_query is not None and self.exact_texts[1:]:
                # A title asked for exactly (through a synonym, a 简称, a correction) holds "every word", even when
                # it lacks one as typed: 個人資料保護法 → 个人信息保护法 has no separate 法.
                self.all_terms_query = Or([self.all_terms_query, *(title_query(title) for title in self.exact_texts[1:])])
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
