"""Short readable addresses for pages with Chinese titles.

Django's slugify keeps Chinese characters, which browsers and chat apps show percent-encoded: a 20-character title
becomes 180 characters of %E5%B8%82…. A page's default slug is instead the pinyin of its title's words, joined by
hyphens and cut at a word boundary: 市科技局举办北药产业培训会 → shi-kejiju-juban-beiyao-chanye-peixunhui."""

import re

from django.utils.text import slugify

MAX_LENGTH = 48


def readable_slug(title, max_length=MAX_LENGTH):
    import rjieba
    from pypinyin import lazy_pinyin

    parts = []
    for word in rjieba.cut(title or ""):
        if re.search(r"[\u3400-\u9fff]", word):
            part = "".join(lazy_pinyin(word, errors="ignore"))
        else:
            part = slugify(word)
        part = re.sub(r"[^a-z0-9]+", "", part.lower())
        if part:
            parts.append(part)
    slug = ""
    for part in parts:
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or (parts[0][:max_length] if parts else "")


def unique_slug(slug, siblings):
    """slug, or slug-2, slug-3…: the first not used by a sibling page."""
    taken = set(siblings.filter(slug__startswith=slug).values_list("slug", flat=True))
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"
