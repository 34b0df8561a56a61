"""您是不是要找: a character typed by its sound (劳动和同 for 劳动合同, 档按法 for 档案法) corrected to a word of the
searched titles that sounds the same.

The vocabulary is the words of the searched model's titles (published ones),
with their pinyin (pypinyin), built in each process when first needed (about 0.3 s for 1,000 titles, a few seconds
for 100,000) and rebuilt in the background after VOCABULARY_MAX_AGE seconds while the old one still serves.
A stretch of two or three characters of the query is corrected when it is not a title word itself, a title word has
exactly its pinyin (tones aside) and differs from it in one character, and it touches no title word of the query's
own segmentation (何办 in 如何办理 and 技成 in 科技成果 are left alone). Corrections with the same pinyin are confident enough to search with
(the backends search the corrected query beside the typed one); a correction with similar pinyin (zh/z, n/l,
-ng/-n) is only suggested."""

import math
import re
import threading
import time
from collections import Counter
from typing import NamedTuple

from pypinyin import lazy_pinyin

from . import text

VOCABULARY_MAX_AGE = 3600
MAX_TITLES = 200_000  # beyond this a site's titles are not read for suggestions
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_FUZZY = [(re.compile(r"^(zh|ch|sh)"), lambda m: m.group(1)[0]), (re.compile(r"^l"), lambda m: "n"),
          (re.compile(r"(in|en|an)g$"), lambda m: m.group(1))]
_lock = threading.Lock()
_vocabularies = {}


class Correction(NamedTuple):
    text: str        # the corrected query
    confident: bool  # same pinyin: search with it; similar pinyin: only suggest it


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
    names = {field.name for field in model._meta.concrete_fields}
    if "title" not in names:
        return None
    queryset = model._default_manager.using(queryset.db).all()
    if "live" in names:
        queryset = queryset.filter(live=True)
    key = model._meta.label
    held = _vocabularies.get(key)
    if held is None:
        with _lock:
            held = _vocabularies.get(key)
            if held is None:
                held = _vocabularies[key] = [time.monotonic(), _build(queryset), False]
    elif time.monotonic() - held[0] >= VOCABULARY_MAX_AGE and not held[2]:
        held[2] = True  # one rebuild at a time; readers keep the old vocabulary meanwhile
        threading.Thread(target=_rebuild, args=(held, queryset.all()), daemon=True).start()
    return held[1]


def _build(queryset):
    return Vocabulary(queryset.order_by().values_list("title", flat=True)[:MAX_TITLES])


def _rebuild(held, queryset):
    from django.db import connections

    try:
        held[1] = _build(queryset)
    finally:
        held[0], held[2] = time.monotonic(), False
        connections.close_all()


def correct(queryset, query_text):
    """A Correction of the query, or None when every stretch is a title word or nothing sounds like it."""
    folded = text.fold(query_text or "")
    runs = list(_CJK_RUN.finditer(folded))
    if not runs or len(folded) > 50:
        return None
    if any(unit.alternatives for unit in text.segment_query(query_text)):
        return None  # a 简称 or synonym from the list: what it stands for is searched already
    vocab = vocabulary(queryset)
    if vocab is None:
        return None
    corrected, confident, changed = list(folded), True, False
    for run in runs:
        run_text, base = run.group(), run.start()
        known = _known_spans(run_text, vocab)
        position = 0
        while position < len(run_text) - 1:
            for length in (3, 2):
                stretch = run_text[position:position + length]
                if len(stretch) < length or stretch in vocab.counts or _touches(position, position + length, known):
                    continue
                found = vocab.best(stretch)
                if found:
                    word, sure = found
                    corrected[base + position:base + position + length] = list(word)
                    confident, changed = confident and sure, True
                    position += length - 1
                    break
            position += 1
    return Correction("".join(corrected), confident) if changed else None


def _known_spans(run_text, vocab):
    """Where the query holds words of the searched titles (any of them, overlapping: 文物, 保护, 文物保护)."""
    return [(start, start + length) for start in range(len(run_text)) for length in (2, 3, 4)
            if start + length <= len(run_text) and run_text[start:start + length] in vocab.counts]


def _touches(start, end, spans):
    return any(s < end and start < e for s, e in spans)


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
