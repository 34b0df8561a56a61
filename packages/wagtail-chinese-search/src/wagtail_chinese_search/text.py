"""Chinese text as the search index sees it.

Index and query pass through the same two steps, so that they always agree:
1. fold (fold.py): regional vocabulary to mainland words (OpenCC), then character by character compatibility
   forms (NFKC: full-width → half-width), Traditional → Simplified, lower case, then Chinese numerals in document
   numbers to digits; the same on both sides, which is what matching needs;
2. segment into words with rjieba (jieba-rs: jieba's dictionary and output, about 14× faster than the
   pure-Python jieba here); the index keeps the search-mode tokens (a compound word and the
   shorter words inside it), so 专利 is found inside 查处专利案件 and 年度 inside 年度报告.
Snippets and highlighting work on the original text (see highlight.py), never on this form."""

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import rjieba

from .fold import fold
from .normalise import normalise  # noqa: F401 - highlighting folds the original text with it

DICTIONARY_FILE = Path(__file__).with_name("dictionary.txt")
# Tokens that carry no meaning on their own in a query; they are still indexed, so quoted phrases keep them.
STOP_WORDS = frozenset(
    "的 了 和 与 及 或 在 是 对 为 把 被 之 其 等 有关 关于 一个 我们 你们 他们 这个 那个 吗 呢 吧 啊 呀 么 "
    # How citizens ask (怎样申请公开政府信息, 带薪年假有几天): the question, not the subject
    "怎么 怎样 怎么样 怎么办 如何 什么 哪些 哪里 哪儿 哪个 多少 几 几天 为什么 是否 能否 可以 能 要 需要 有 有没有 "
    "带 找 谁 请问 我 我的 你 他 她".split())
_WORD = re.compile(r"\w", re.UNICODE)
_CJK_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_segmenter = None
_lock = threading.Lock()


def _ensure_ready():
    """Load the dictionaries once per process, on first use (about 0.1 s)."""
    global _segmenter
    if _segmenter is not None:
        return _segmenter
    with _lock:
        if _segmenter is not None:
            return _segmenter
        segmenter = rjieba.Jieba()
        for word in read_dictionary_file():
            segmenter.add_word(word, None, None)
        try:
            from .models import SearchTerm

            for word in SearchTerm.objects.values_list("word", flat=True):
                segmenter.add_word(fold(word), None, None)
        except Exception:  # noqa: BLE001 - no database yet (migrate, checks): the built-in dictionary still applies
            pass
        _segmenter = segmenter
    return _segmenter


def read_dictionary_file():
    words = []
    for line in DICTIONARY_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(fold(line.split()[0]))
    return words


def add_word(word):
    """Teach the segmenter a term in this process (an admin added it to the dictionary)."""
    _ensure_ready().add_word(fold(word), None, None)
    _segment_query.cache_clear()


def is_unknown_word(word):
    """A Chinese word of two or more characters that is not in the dictionary (jieba's HMM made it up)."""
    return len(word) > 1 and bool(_CJK_WORD.fullmatch(word)) and not _ensure_ready().has_word(word)


def is_cjk(token):
    return bool(_CJK_WORD.fullmatch(token))


def is_word(token):
    return bool(_WORD.search(token))


def search_mode(normalised):
    """jieba's search mode, extended: before each word longer than two characters come all the dictionary
    words inside it, of every length (jieba stops at three), so 年度报告 is found inside 工作年度报告."""
    segmenter = _ensure_ready()
    has_word = segmenter.has_word
    tokens = []
    append = tokens.append
    for token in segmenter.cut(normalised):
        size = len(token)
        if size > 2:
            for length in range(2, size):
                for start in range(size - length + 1):
                    part = token[start:start + length]
                    if has_word(part):
                        append(part)
        append(token)
    return tokens


def segment_tokens(folded):
    """jieba's cut of an already folded text, every character kept (so positions add up)."""
    return list(_ensure_ready().cut(folded))


def index_tokens(text):
    """Tokens to index for a text, punctuation dropped."""
    return [token for token in search_mode(fold(text)) if token.strip() and is_word(token)]


def index_text(text):
    """The text as the index stores it. Punctuation tokens are left in: both SQLite's and PostgreSQL's
    tokenisers drop them, and filtering them here costs more than it saves."""
    if not text:
        return ""
    return " ".join(search_mode(fold(text)))


# Around each title in the index, so that "the title is exactly the query" is a phrase match on either database.
TITLE_BEGIN, TITLE_END = "wcsbegin", "wcsend"
_SPACE_BETWEEN_CJK = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


def marked_title(value):
    """A title as the title column indexes it: segmented, between the begin and end markers."""
    return f"{TITLE_BEGIN} {index_text(value)} {TITLE_END}"


def title_index_text(values):
    """The index text of a title column: each title value, marked."""
    return " ".join(marked_title(value) for value in values if value and value.strip())


def exact_title_texts(query_text, titles=()):
    """The titles a query asks for exactly: the query itself (spaces between Chinese words dropped: 文物 保护法
    names 文物保护法), the query with a 简称 or synonym replaced by what it stands for (个人数据保护法 → 个人信息保护法),
    and `titles` (those an unlisted 简称 stands for, a typo's correction)."""
    # NUL ends a string in SQLite's FTS5 parser and cannot reach PostgreSQL at all.
    query_text = _SPACE_BETWEEN_CJK.sub("", " ".join((query_text or "").replace("\x00", "").split()))
    if not query_text:
        return []
    texts = [query_text]
    folded = fold(query_text)
    for unit in segment_query(query_text):
        for alternative in unit.alternatives:
            texts.append(folded.replace(unit.word, "".join(part.word for part in alternative), 1))
    return texts + [title for title in titles if title]


def split_compound(word):
    """The shorter words a compound is made of, longest dictionary word first from the left
    (国务院令 → 国务院, 令; 年度报告 → 年度, 报告). A document whose context cut the compound differently
    still holds these, because the index keeps the dictionary words inside every longer word."""
    segmenter = _ensure_ready()
    parts, position = [], 0
    while position < len(word):
        for length in range(min(len(word) - 1, len(word) - position), 0, -1):
            part = word[position:position + length]
            if length == 1 or segmenter.has_word(part):
                parts.append(part)
                position += length
                break
    return tuple(parts) if len(parts) > 1 else ()


# Words of a query that are searched; the rest are dropped. About a hundred words nest the full-text expression deep
# enough to overflow SQLite's FTS5 parser stack and Python's recursion limit in the PostgreSQL compiler, and nobody
# types that many: the API and the admin pass whatever they are given, so the bound lives here.
MAX_QUERY_WORDS = 32


class Unit(NamedTuple):
    """One word of a query. A document satisfies it when it holds the word, or all of its sub-words (a compound the
    document's context cut differently), or all the words of one of its alternatives (what a 简称 or synonym stands
    for: synonyms.py)."""

    word: str
    subs: tuple = ()
    alternatives: tuple = ()  # of tuples of Units, each holding plain words only


def segment_query(text):
    """A query as a tuple of Units, at most MAX_QUERY_WORDS."""
    from . import synonyms

    return _segment_query(text, synonyms.table().generation)


@lru_cache(maxsize=2048)
def _segment_query(text, generation):
    from . import synonyms

    table = synonyms.table()
    folded = fold(text)
    # Word boundaries of the query: a 简称 or synonym found inside a longer word (户口 in 户口簿, 电脑 in 电脑软件)
    # stays part of that word, whose alternative is the word with the meaning put in (户籍簿, 计算机软件).
    bounds, position = [], 0
    for token in segment_tokens(folded):
        bounds.append((position, position + len(token)))
        position += len(token)
    units, seen = [], set()
    position = 0
    for start, end, term in [*table.spans(folded), (len(folded), len(folded), None)]:
        if term is not None:
            start = max((s for s, e in bounds if s <= start), default=0)
            end = min((e for s, e in bounds if e >= end), default=len(folded))
            if start < position:  # joined to the previous synonym's word
                continue
        _cut(folded[position:start], units, seen)
        if term is not None:
            region = folded[start:end]
            if region not in seen:
                seen.add(region)
                alternatives = tuple(alternative for alternative in (
                    _plain_units(region.replace(term, meaning, 1)) for meaning in table.meanings[term]) if alternative)
                units.append(Unit(region.strip(), _subs(region.strip()), alternatives))
        position = end
    return tuple(units[:MAX_QUERY_WORDS])


def _subs(word):
    return split_compound(word) if len(word) > 2 and _CJK_WORD.fullmatch(word) else ()


def _cut(folded, units, seen):
    for word in _ensure_ready().cut(folded):
        word = word.strip()
        if not word or not is_word(word) or word in STOP_WORDS or word in seen:
            continue
        seen.add(word)
        units.append(Unit(word, _subs(word)))


def _plain_units(folded):
    units = []
    _cut(folded, units, set())
    return tuple(units)


def phrase_tokens(text):
    """A quoted phrase as the index would have tokenised it, so that adjacent positions line up (at most
    MAX_QUERY_WORDS × 2 tokens)."""
    return index_tokens(text)[:MAX_QUERY_WORDS * 2]

