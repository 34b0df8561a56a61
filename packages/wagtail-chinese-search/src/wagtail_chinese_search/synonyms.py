"""简称 and synonyms at query time: a query word people type (社保法, 手机, APP) also searches for what documents say
(社会保险法, 移动电话, 移动互联网应用程序). The list is the SearchSynonym table, which migration 0002 starts from
synonyms.txt; editors keep it in the admin. Read when a query is, so changes need no re-index: the process that saves
a change uses it at once, other processes within WAGTAIL_CHINESE_SEARCH_SYNONYMS_MAX_AGE seconds (default 60;
None: only after a restart)."""

import re
import threading
import time
from pathlib import Path

from django.conf import settings

from .fold import fold

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")
KINDS = {"简称": "abbreviation", "同义词": "synonym", "地区用语": "regional", "英文缩写": "english"}
_lock = threading.Lock()
_state = {"table": None, "loaded": 0.0, "generation": 0}


def read_file(path=SYNONYMS_FILE):
    """The starting list: [(term, [meanings], kind, note)]. Raises ValueError naming the line that is malformed."""
    from .models import split_meanings

    entries, kind = [], "abbreviation"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line, _hash, note = raw.partition("#")
        line = line.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            if line[1:-1] not in KINDS:
                raise ValueError(f"{path.name}:{number}: unknown section {line}")
            kind = KINDS[line[1:-1]]
            continue
        term, equals, meanings = line.partition("=")
        if not equals or not term.strip() or not split_meanings(meanings):
            raise ValueError(f"{path.name}:{number}: expected 'term = meaning[, meaning]', got {raw!r}")
        entries.append((term.strip(), split_meanings(meanings), kind, note.strip()))
    return entries


class Table:
    """Folded term → folded meanings, and one regular expression finding any term in a folded query (longest first;
    Latin terms only as whole words, so APP does not match inside 'apple')."""

    def __init__(self, pairs, generation):
        self.generation = generation
        self.meanings = {}
        for term, meanings in pairs:
            key = fold(term).strip()
            if key:
                self.meanings.setdefault(key, [])
                for meaning in meanings:
                    folded = fold(meaning).strip()
                    if folded and folded != key and folded not in self.meanings[key]:
                        self.meanings[key].append(folded)
        terms = sorted((t for t in self.meanings if self.meanings[t]), key=len, reverse=True)
        parts = [rf"(?<![a-z0-9]){re.escape(t)}(?![a-z0-9])" if re.fullmatch(r"[a-z0-9.\s]+", t) else re.escape(t)
                 for t in terms]
        self.pattern = re.compile("|".join(parts)) if parts else None

    def spans(self, folded_text):
        """[(start, end, term)] of the terms in a folded text, left to right, not overlapping. A term is not taken
        where the text around it already says what it stands for (信息公开条例 inside 政府信息公开条例)."""
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(folded_text):
            start, end = match.span()
            if any(self._written_out(folded_text, start, end, meaning) for meaning in self.meanings[match.group()]):
                continue
            found.append((start, end, match.group()))
        return found

    @staticmethod
    def _written_out(text, start, end, meaning):
        position = text.find(meaning)
        while position != -1:
            if position < end and position + len(meaning) > start:
                return True
            position = text.find(meaning, position + 1)
        return False


def _load():
    from .models import SearchSynonym

    try:
        rows = list(SearchSynonym.objects.values_list("term", "meanings"))
    except Exception:  # noqa: BLE001 - no table yet (before migrate): no synonyms
        return []
    from .models import split_meanings

    return [(term, split_meanings(meanings)) for term, meanings in rows]


def table():
    """The current table, read again when older than the maximum age."""
    max_age = getattr(settings, "WAGTAIL_CHINESE_SEARCH_SYNONYMS_MAX_AGE", 60)
    current = _state["table"]
    now = time.monotonic()
    if current is not None and (max_age is None or now - _state["loaded"] < max_age):
        return current
    with _lock:
        if _state["table"] is current:
            _state["generation"] += 1
            _state["table"] = Table(_load(), _state["generation"])
            _state["loaded"] = now
    return _state["table"]


def invalidate(**kwargs):
    """An editor changed the list: read it again on the next query (signal handler)."""
    with _lock:
        _state["table"] = None


def elasticsearch_rules():
    """The list as Elasticsearch synonym rules ("社保法 => 社保法, 社会保险法"): the typed word keeps matching itself,
    like the database backends. For the search analyzer's synonym_graph filter (elasticsearch.py)."""
    rules = []
    for term, meanings in sorted(table().meanings.items()):
        if meanings:
            rules.append(f"{term} => {', '.join([term, *meanings])}")
    return rules
