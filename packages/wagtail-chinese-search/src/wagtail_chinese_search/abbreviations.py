"""简称 nobody listed: a query such as 城规法 or 水保条例 finds 城乡规划法 or 水土保持法实施条例 because its characters
appear in the title in the same order, starting with the title's first character and ending with the same kind of
document (法, 条例, 办法…). The editable list (synonyms.py) comes first; this catches the rest.

Only short Chinese queries ending in a document kind are tried, against the titles of the searched model grouped by
first character and kind (kept with the title vocabulary, vocabulary.py: no query per search); the candidates then
search as alternatives of the typed word, shortest title first, at most MAX_TITLES."""

import re

from . import text

SUFFIXES = ("实施细则", "实施条例", "实施办法", "条例", "办法", "规定", "细则", "决定", "规则", "法")
PREFIXES = ("", "中华人民共和国")  # national laws are often titled with the country's name, and never typed with it
MAX_TITLES = 3
_CJK = re.compile(r"[\u3400-\u9fff]+")


def _suffix(word):
    return next((suffix for suffix in SUFFIXES if word.endswith(suffix) and len(word) > len(suffix)), None)


def candidate_shape(query_text):
    """The query as one word when it could be a 简称 (3 to 8 Chinese characters ending in a document kind)."""
    word = "".join((query_text or "").split())
    if not (3 <= len(word) <= 8 and _CJK.fullmatch(word)):
        return None
    word = text.fold(word)
    return word if _suffix(word) else None


def in_order(word, title):
    """Are the characters of `word` in `title`, in order, with the first at the start and the kind at the end?"""
    suffix = _suffix(word)
    title = text.fold(title)
    for prefix in PREFIXES:
        if prefix and title.startswith(prefix):
            title = title[len(prefix):]
    if not title.startswith(word[0]) or not title.endswith(suffix):
        return False
    position = 0
    for char in word[1:-len(suffix)]:
        position = title.find(char, position + 1)
        if position == -1 or position >= len(title) - len(suffix):
            return False
    return True


def index_keys(title):
    """(first character, kind of document) for each kind a title ends with (实施条例 and 条例), without the country's
    name."""
    folded = text.fold(title)
    for prefix in PREFIXES:
        if prefix and folded.startswith(prefix):
            folded = folded[len(prefix):]
    return [(folded[0], suffix) for suffix in SUFFIXES if len(folded) > len(suffix) and folded.endswith(suffix)]


def expand(queryset, query_text):
    """Titles of the searched objects that the query abbreviates, shortest first (at most MAX_TITLES); [] when the
    query is not shaped like a 简称, the model has no title, or a title holds the query as typed."""
    word = candidate_shape(query_text)
    if word is None:
        return []
    units = text.segment_query(query_text)
    if len(units) == 1 and units[0].alternatives:  # the editable list already knows it
        return []
    from .vocabulary import vocabulary

    vocab = vocabulary(queryset)
    if vocab is None or word in vocab.counts:
        return []
    titles = vocab.by_ends.get((word[0], _suffix(word)), ())
    if any(word in text.fold(title) for title in titles):  # typed as written: not an abbreviation
        return []
    return sorted({title for title in titles if in_order(word, title)}, key=lambda title: (len(title), title))[:MAX_TITLES]
