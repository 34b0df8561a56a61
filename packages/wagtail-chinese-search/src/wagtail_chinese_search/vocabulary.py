"""The words of the searched model's titles, kept in each process: what typo suggestions compare with (suggest.py),
where unlisted 简称 look for their titles (abbreviations.py), and how rare each title word is (ranking).

One vocabulary per model (published objects, when the model has `live`), whatever a search's filters: building one
reads every title (about 0.25 s for 900 titles, 2.3 s for 100,000) and is done when first needed, then again in
the background after VOCABULARY_MAX_AGE seconds while the old one still serves."""

import math
import re
import threading
import time
from collections import Counter

from pypinyin import lazy_pinyin

from . import text

VOCABULARY_MAX_AGE = 3600
MAX_TITLES = 200_000  # beyond this a site's titles are not read
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_FUZZY = [(re.compile(r"^(zh|ch|sh)"), lambda m: m.group(1)[0]), (re.compile(r"^l"), lambda m: "n"),
          (re.compile(r"(in|en|an)g$"), lambda m: m.group(1))]
_lock = threading.Lock()
_vocabularies = {}


def _fuzzy(syllable):
    for pattern, replace in _FUZZY:
        syllable = pattern.sub(replace, syllable)
    return syllable


class Vocabulary:
    def __init__(self, titles):
        from .abbreviations import index_keys

        counts = Counter()
        self.titles = 0
        self.by_ends = {}  # (first character, kind of document) → titles, for 简称 (abbreviations.py)
        for title in titles:
            self.titles += 1
            for key in index_keys(title):
                self.by_ends.setdefault(key, []).append(title)
            counts.update({token for token in text.index_tokens(title) if 2 <= len(token) <= 4 and _CJK_RUN.fullmatch(token)})
        self.counts = counts
        self.by_sound, self.by_fuzzy_sound = {}, {}
        for word in counts:
            syllables = lazy_pinyin(word)
            self.by_sound.setdefault(" ".join(syllables), []).append(word)
            self.by_fuzzy_sound.setdefault(" ".join(_fuzzy(s) for s in syllables), []).append(word)

    def best(self, stretch):
        """(title word, confident) sounding like the stretch and differing in one character, or None."""
        syllables = lazy_pinyin(stretch)
        for table, key, confident in ((self.by_sound, " ".join(syllables), True),
                                      (self.by_fuzzy_sound, " ".join(_fuzzy(s) for s in syllables), False)):
            words = [w for w in table.get(key, ()) if len(w) == len(stretch)
                     and sum(a != b for a, b in zip(w, stretch)) == 1]
            if words:
                return max(words, key=lambda w: (self.counts[w], w)), confident
        return None


def vocabulary(queryset):
    """The title words of the searched model's objects (published ones, when the model has `live`), kept per process
    for VOCABULARY_MAX_AGE seconds. One vocabulary per model, whatever the filters of a search: building one reads
    every title, and a search by column or year must not read them again."""
    model = queryset.model
    key = model._meta.label
    held = _vocabularies.get(key)
    if held is None:
        if not _has_field(model, "title"):
            return None
        with _lock:
            held = _vocabularies.get(key)
            if held is None:
                held = _vocabularies[key] = [time.monotonic(), _build(_titles(queryset)), False]
    elif time.monotonic() - held[0] >= VOCABULARY_MAX_AGE and not held[2]:
        held[2] = True  # one rebuild at a time; readers keep the old vocabulary meanwhile
        threading.Thread(target=_rebuild, args=(held, _titles(queryset)), daemon=True).start()
    return held[1]


def _has_field(model, name):
    return any(field.name == name for field in model._meta.concrete_fields)


def _titles(queryset):
    """All the model's published titles, whatever the search's own filters. Built only when the vocabulary is
    (re)built: building a queryset costs more than the lookups a search makes."""
    model = queryset.model
    titles = model._default_manager.using(queryset.db).all()
    return titles.filter(live=True) if _has_field(model, "live") else titles


def _build(queryset):
    return Vocabulary(queryset.order_by().values_list("title", flat=True)[:MAX_TITLES])


def _rebuild(held, queryset):
    from django.db import connections

    try:
        held[1] = _build(queryset)
    finally:
        held[0], held[2] = time.monotonic(), False
        connections.close_all()


def forget():
    """Drop every kept vocabulary (tests; a site that replaced its content wholesale)."""
    with _lock:
        _vocabularies.clear()


def title_word_weights(queryset, words):
    """Each word's share (summing to 1) of the bonus for title words: by how rare it is among the searched titles
    (log((titles + 1) / (titles holding it + 1))), so a title holding 制度 counts less than one holding 无偿献血. Equal
    shares when the titles cannot be read."""
    vocab = vocabulary(queryset) if words else None
    if vocab is None or not vocab.titles:
        return [1 / len(words)] * len(words) if words else []
    # A single character (法, 令) is in most titles, though the vocabulary keeps only words of two or more.
    weights = [0.1 if len(word) == 1 else math.log((vocab.titles + 1) / (vocab.counts.get(text.fold(word), 0) + 1)) + 0.1
               for word in words]
    total = sum(weights)
    # Half shared equally: a question's words absent from every title (拖欠, 账款) must not leave the one title word
    # it has (中小企业) worth almost nothing.
    return [0.5 / len(words) + 0.5 * weight / total for weight in weights]
