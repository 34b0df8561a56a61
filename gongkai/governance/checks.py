"""The publishing check of the managed word list (forbidden, sensitive, misspelt words)."""

from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail_chinese_search.normalise import normalise, normalise_char

CONTEXT = 12  # characters shown either side of a hit, so the editor can find it


@dataclass
class Finding:
    word: str
    action: str
    field: str
    context: str
    suggestion: str = ""

    def message(self):
        if self.action == "block":
            return _("“%(field)s”中含有禁用词“%(word)s”：…%(context)s…") % self.__dict__
        if self.action == "misspelling":
            return _("“%(field)s”中有常见错误“%(word)s”，应为“%(suggestion)s”：…%(context)s…") % self.__dict__
        return _("“%(field)s”中有敏感词“%(word)s”，请确认：…%(context)s…") % self.__dict__


def plain_text(value, field=None):
    """The text an editor typed into a form field, whatever its kind (text, rich text, StreamField)."""
    if value is None:
        return ""
    block = getattr(value, "stream_block", None)
    if block is not None:
        return "\n".join(strip_tags(str(part)) for part in block.get_searchable_content(value))
    if hasattr(value, "source"):  # RichText
        return strip_tags(value.source)
    if isinstance(value, str):
        return strip_tags(value)
    return ""


def scan(fields, words=None):
    """fields: [(label, text)]. Returns a Finding for each word found in each field (first occurrence)."""
    from .models import SensitiveWord

    words = list(SensitiveWord.objects.all()) if words is None else words
    findings = []
    for label, text in fields:
        if not text:
            continue
        folded, origin = _fold(text)
        for entry in words:
            needle = normalise(entry.word)
            if not needle:
                continue
            at = folded.find(needle)
            if at < 0:
                continue
            # Quote the editor's own text (not its folded form) around the hit.
            start, end = origin[at], origin[at + len(needle) - 1] + 1
            context = text[max(0, start - CONTEXT): end + CONTEXT].replace("\n", " ")
            findings.append(Finding(entry.word, entry.action, str(label), context, entry.suggestion))
    return findings


def _fold(text):
    """The text folded for matching (Traditional → Simplified, full-width → half-width, lower case), and for each
    folded character the index of the character it came from."""
    pieces, origin = [], []
    for index, char in enumerate(text):
        folded = normalise_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


def check_word_list(form, cleaned):
    """Run on publish by every page form (registered in apps.py): a forbidden word refuses, others warn."""
    fields = [(form.fields[name].label or name, plain_text(value)) for name, value in cleaned.items()
              if name in form.fields and name != "backdate_reason"]
    for finding in scan(fields):
        if finding.action == "block":
            form.add_error(None, finding.message())
        else:
            form.add_warning(finding.message())
