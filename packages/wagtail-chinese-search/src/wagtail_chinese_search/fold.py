"""Text as the index and the query both see it before segmentation: regional vocabulary to mainland words, then
the character folding of normalise.py, then Chinese numerals in document numbers and years to Arabic digits.

- Regional vocabulary: OpenCC's Taiwan-to-mainland phrase conversion (tw2sp), so 軟體, 資訊, 網際網路 become 软件, 信息,
  互联网, not the character-by-character 软体, 资讯, 网际网路. Simplified text passes through unchanged.
- Numerals: 国务院令第五百八十八号 and 第七二五号 read as 第588号 and 第725号, 二〇一八年 as 2018年; cn2an reads
  the numbers. Only numbers before 号 or 期 and four-digit years are rewritten: 统一 or 一年内 stay as they are.

Both steps change the text's length, so highlighting (highlight.py) keeps to normalise.py's character-by-character
folding of the original text, where positions map back one to one; that is where zhconv's table still serves."""

import re
import threading
from functools import lru_cache

import cn2an
import opencc

from .normalise import normalise, simplified_chars

_local = threading.local()
_NUMERAL = "〇零一二两三四五六七八九十百千万"
_NUMBERED = re.compile(rf"第([{_NUMERAL}]+)([号期])|([〇零一二三四五六七八九]{{4}})年")
# A clause: converted whole, or not at all. NUL separates too: OpenCC's C++ stops reading at it.
_STRETCH = re.compile(r"[^\s\x00，。；：！？、,.;:!?（）()《》“”]+")


def _traditional(text):
    """Does the text hold a character that is Traditional only (its Simplified form differs)?"""
    return not _traditional_chars().isdisjoint(text)


@lru_cache(maxsize=1)
def _traditional_chars():
    return frozenset(k for k, v in simplified_chars().items() if k != v)


def _converter():
    converter = getattr(_local, "converter", None)
    if converter is None:  # one per thread: the binding does not promise to be thread-safe
        converter = _local.converter = opencc.OpenCC("tw2sp")
    return converter


def regional(text):
    """Traditional and Taiwan/Hong Kong wording to Simplified mainland wording. Only stretches written in Traditional
    characters are converted: tw2sp also rewrites words that are plain Simplified (应用程序 would become 应用进程,
    the Taiwan sense of 程序), so a mainland text passes through untouched."""
    if not text or not _traditional(text):
        return text or ""
    return _STRETCH.sub(lambda m: _converter().convert(m.group()) if _traditional(m.group()) else m.group(), text)


def _arabic(match):
    numeral = match.group(1) or match.group(3)
    try:
        number = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError):  # 十十号: not a number cn2an can read; left as typed
        return match.group(0)
    if match.group(1):
        return f"第{int(number)}{match.group(2)}"
    return f"{int(number)}年"


def numbers(text):
    """Chinese numerals in 第…号, 第…期 and four-digit years as Arabic digits."""
    return _NUMBERED.sub(_arabic, text) if text else ""


def fold(text):
    """The form the index stores and the query is matched in (before segmentation)."""
    if not text:
        return ""
    return numbers(normalise(regional(text)))
