"""Snippets and highlighting, built from a page's original text (never the segmented index text), so that
Traditional characters, full-width digits and capitals in the page show as they are while matching the
normalised query."""

import re
from array import array
from bisect import bisect_left
from functools import lru_cache
from html import escape  # Django's escape() is this, behind a lazy-string wrapper
from typing import NamedTuple

from django.utils.safestring import mark_safe

from . import text as search_text
from .normalise import normalise_char


def _normalised_with_positions(original):
    normal = search_text.normalise(original)
    # No character normalises to nothing, so equal lengths mean every character gave exactly one: positions map
    # one to one (the usual case). Σ is the exception: str.lower() makes it ς at the end of a word, σ on its own.
    if len(normal) == len(original) and "Σ" not in original:
        return normal, range(len(original))
    return _normalised_char_by_char(original)


def _normalised_char_by_char(original):
    chars, positions = [], array("L")  # machine integers: a kept text's positions cost 8 bytes each, not 36
    for index, char in enumerate(original):
        for normal in normalise_char(char):
            chars.append(normal)
            positions.append(index)
    return "".join(chars), positions


class Prepared(NamedTuple):
    """A text made ready for highlighting, once: spaces collapsed, normalised, and each normal character's
    position in the original. Search keeps one per result page (search/results.py), so a search only finds words."""

    original: str
    normal: str
    positions: object  # range (the usual one-to-one case) or array of positions


def prepare(original):
    original = " ".join((original or "").split())
    return Prepared(original, *_normalised_with_positions(original))


def highlight_words(query):
    """The words to mark for a query: its words and the words inside compounds; single characters only
    when the query has nothing longer (marking every 令 or 号 on a page helps nobody)."""
    words = set()
    for unit in search_text.segment_query(query):
        words.add(unit.word)
        words.update(unit.subs)
        for alternative in unit.alternatives:  # 社会保险法 for 社保法
            words.update(part.word for part in alternative)
    longer = {w for w in words if len(w) > 1 or w.isdigit()}
    return sorted(longer or words, key=len, reverse=True)


@lru_cache(maxsize=256)
def _pattern(words):
    # Longest first: at each position the longest word that starts there wins.
    return re.compile("|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)))


def find_ranges(original, words, prepared=None):
    """Character ranges of the original text that match any word, from the start, the longest word at each position,
    not overlapping. One regular expression pass: a law's text can hold a searched word a hundred times."""
    if prepared is None:
        prepared = Prepared(original, *_normalised_with_positions(original))
    words = tuple(word for word in words if word)
    if not words:
        return []
    positions, matches = prepared.positions, _pattern(words).finditer(prepared.normal)
    if isinstance(positions, range):  # one original character per normal one (the usual case)
        return [match.span() for match in matches]
    return [(positions[match.start()], positions[match.end() - 1] + 1) for match in matches]


def render(original, ranges, start=0, end=None):
    end = len(original) if end is None else end
    out, cursor = [], start
    for range_start, range_end in ranges:
        if range_end <= start or range_start >= end:
            continue
        range_start, range_end = max(range_start, start), min(range_end, end)
        out.append(escape(original[cursor:range_start]))
        out.append(f"<mark>{escape(original[range_start:range_end])}</mark>")
        cursor = range_end
    out.append(escape(original[cursor:end]))
    return "".join(out)


def highlight(original, query, words=None):
    """The whole text, escaped, with matches in <mark>. `words`: highlight_words(query), when the caller has it
    (a page of results highlights many texts for one query)."""
    original = original or ""
    return mark_safe(render(original, find_ranges(original, highlight_words(query) if words is None else words)))


def _densest(ranges, reach):
    """The start of the match that begins the window of `reach` characters holding the most match starts (ties: the
    earliest), over the sorted ranges."""
    starts = [start for start, _end in ranges]
    best, best_count = starts[0], 0
    for index, start in enumerate(starts):
        count = bisect_left(starts, start + reach, index) - index
        if count > best_count:
            best, best_count = start, count
    return best


def snippet(original, query, length=120, words=None):
    """About `length` characters around the passage with the most matches (or the opening of the text), escaped,
    matches marked. `original` is a text or what prepare() made of one; `words` as for highlight()."""
    prepared = original if isinstance(original, Prepared) else prepare(original)
    original = prepared.original
    if not original:
        return ""
    ranges = find_ranges(original, highlight_words(query) if words is None else words, prepared)
    start = 0
    if ranges:
        # The window that shows the most matches (ties: the earliest).
        start = max(0, _densest(ranges, length * 2 // 3) - length // 3)
    end = min(len(original), start + length)
    start = max(0, min(start, end - length))
    body = render(original, ranges, start, end)
    return mark_safe(("…" if start > 0 else "") + body + ("…" if end < len(original) else ""))
