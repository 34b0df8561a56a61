"""您是不是要找: a character typed by its sound (劳动和同 for 劳动合同, 档按法 for 档案法) corrected to a word of the
searched titles that sounds the same (the title words and their pinyin: vocabulary.py).

A stretch of two or three characters of the query is corrected when it is not a title word itself, a title word has
exactly its pinyin (tones aside) and differs from it in one character, and it touches no title word of the query's
own segmentation (何办 in 如何办理 and 技成 in 科技成果 are left alone). Corrections with the same pinyin are confident
enough to search with (the backends search the corrected query beside the typed one); a correction with similar
pinyin (zh/z, n/l, -ng/-n) is only suggested."""

import re
from typing import NamedTuple

from . import text
from .vocabulary import vocabulary

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


class Correction(NamedTuple):
    text: str        # the corrected query
    confident: bool  # same pinyin: search with it; similar pinyin: only suggest it


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


