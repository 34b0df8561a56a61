"""Rewriting a search query into segmented Chinese terms; shared by the SQLite and PostgreSQL backends."""

from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from .. import text


class NothingToSearch(Exception):
    """The query holds no searchable word (only punctuation or stop words)."""


class Prefix(PlainText):
    """One term matching any index token that begins with it."""


def unit_query(word, subs, alternatives=()):
    options = [PlainText(word)]
    if text.is_unknown_word(word):
        # A word the dictionary does not know (星创, typed for 星创天地) is the start of a longer one as often as not.
        options.append(Prefix(word))
    if subs:
        # The compound itself, or all the words inside it (the document's context may have cut it differently).
        options.append(And([PlainText(sub) for sub in subs]))
    for alternative in alternatives:
        # What a 简称 or synonym stands for: all of its words (社保法 → 社会保险 and 法).
        parts = [unit_query(unit.word, unit.subs) for unit in alternative]
        options.append(parts[0] if len(parts) == 1 else And(parts))
    return options[0] if len(options) == 1 else Or(options)


def title_query(title):
    """All the words of a title (what an abbreviation stands for)."""
    parts = [unit_query(unit.word, unit.subs) for unit in text.segment_query(title)] or [
        PlainText(text.fold(title))]
    return parts[0] if len(parts) == 1 else And(parts)


class Rewritten:
    """A query over index tokens, with what ranking needs to know about it: the stricter query that documents
    holding every word satisfy, and the words themselves (documents holding them close together rank first)."""

    def __init__(self, query, all_terms=None, words=None, units=None):
        self.query = query
        self.all_terms = all_terms
        self.words = words
        self.units = units  # each word's own query, for ranking by how many of them a title holds


def rewrite(query, operator="or"):
    rewritten, all_terms = _rewrite(query, operator)
    words = units = None
    if all_terms is not None:
        segmented = text.segment_query(query.query_string)
        words = [unit.word for unit in segmented if is_required(unit, segmented)]
        units = list(all_terms.subqueries)  # the searched words' queries, in the same order
    return Rewritten(rewritten, all_terms, words, units)


def is_required(unit, units):
    """Is this word searched? Not a single character among two or more longer words."""
    longer = sum(1 for other in units if len(other.word) > 1 or not text.is_cjk(other.word))
    return longer < 2 or len(unit.word) > 1 or not text.is_cjk(unit.word)


def _rewrite(query, operator):
    """Turn user text into queries over index tokens: (query, all_terms_query or None)."""
    if isinstance(query, MatchAll):
        return query, None
    if isinstance(query, PlainText):
        units = text.segment_query(query.query_string)
        if not units:
            raise NothingToSearch
        # A single character among longer words (第 and 号 in 国务院令第706号, 出 in 看病出了医疗纠纷) is left out: any
        # long text holds it, so it finds nothing the longer words do not, and matching it alone would rank half a
        # large site (100 ms on 100,000 pages).
        units = tuple(unit for unit in units if is_required(unit, units))
        parts = [unit_query(*unit) for unit in units]
        if len(parts) == 1:
            return parts[0], None
        if (query.operator or operator).lower() == "and":
            return And(parts), None
        return Or(parts), And(parts)
    if isinstance(query, Phrase):
        tokens = text.phrase_tokens(query.query_string)
        if not tokens:
            raise NothingToSearch
        return (PlainText(tokens[0]) if len(tokens) == 1 else Phrase(" ".join(tokens))), None
    if isinstance(query, (And, Or)):
        parts = [_rewrite(sub, operator)[0] for sub in query.subqueries]
        return type(query)(parts), None
    if isinstance(query, Not):
        return Not(_rewrite(query.subquery, operator)[0]), None
    if isinstance(query, Boost):
        return Boost(_rewrite(query.subquery, operator)[0], query.boost), None
    return query, None


def autocomplete_rewrite(query):
    """Text typed so far, matched against titles. Each space-separated chunk matches a title word it begins
    (星创天 → 星创天地), or all of its own words with the last one still being typed (科技局开展执 → 科技局,
    开展, 执…); the compilers treat the last term of each PlainText as a prefix."""
    if not isinstance(query, PlainText):
        return query
    chunks = []
    for chunk in query.query_string.split()[:text.MAX_QUERY_WORDS]:
        tokens = text.index_tokens(chunk)[:text.MAX_QUERY_WORDS]
        if not tokens:
            continue
        whole = text.fold(chunk)
        options = [PlainText(whole)] if text.is_word(whole) and " " not in whole else []
        if len(tokens) > 1 or tokens[0] != whole:
            options.append(PlainText(" ".join(tokens), operator="and"))
        chunks.append(options[0] if len(options) == 1 else Or(options))
    if not chunks:
        raise NothingToSearch
    return chunks[0] if len(chunks) == 1 else And(chunks)
