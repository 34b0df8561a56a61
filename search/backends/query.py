"""Rewriting a search query into segmented Chinese terms; shared by the SQLite and PostgreSQL backends."""

from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from search import text


class NothingToSearch(Exception):
    """The query holds no searchable word (only punctuation or stop words)."""


def unit_query(word, subs):
    if not subs:
        return PlainText(word)
    # The compound itself, or all the words inside it (the document's context may have cut it differently).
    return Or([PlainText(word), And([PlainText(sub) for sub in subs])])


class Rewritten:
    """A query over index tokens, with what ranking needs to know about it: the stricter query that documents
    holding every word satisfy, and the words themselves (documents holding them close together rank first)."""

    def __init__(self, query, all_terms=None, words=None):
        self.query = query
        self.all_terms = all_terms
        self.words = words


def rewrite(query, operator="or"):
    rewritten, all_terms = _rewrite(query, operator)
    words = None
    if all_terms is not None:
        words = [word for word, _subs in text.segment_query(query.query_string)]
    return Rewritten(rewritten, all_terms, words)


def _rewrite(query, operator):
    """Turn user text into queries over index tokens: (query, all_terms_query or None)."""
    if isinstance(query, MatchAll):
        return query, None
    if isinstance(query, PlainText):
        units = text.segment_query(query.query_string)
        if not units:
            raise NothingToSearch
        parts = [unit_query(word, subs) for word, subs in units]
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
    """Autocomplete keeps one AND of tokens, the last one a prefix: what the user is still typing."""
    if isinstance(query, PlainText):
        tokens = text.index_tokens(query.query_string)
        if not tokens:
            raise NothingToSearch
        return PlainText(" ".join(tokens), operator="and")
    return query
