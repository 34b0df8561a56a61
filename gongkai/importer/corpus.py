"""Reading the laws-and-regulations corpus format (id, title, date, category, subcategory, history, body)
as disclosure documents: 文号, 发布机构 and 成文日期 are taken from the `history` lines."""

import datetime
import re

from gongkai.disclosure.models import DocumentType

CATEGORY_TYPES = {
    "行政法规": DocumentType.ADMINISTRATIVE_REGULATION,
    "行政法": DocumentType.LAW,
    "法律": DocumentType.LAW,
    "部门规章": DocumentType.DEPARTMENTAL_RULE,
}

HISTORY_DATE = re.compile(r"^\s*(\d{4})年(\d{1,2})月(\d{1,2})日")
ORDER_NUMBER = re.compile(r"((?:中华人民共和国)?[^\s，,《》]*?令(?:（\S+?）)?第[0-9一二三四五六七八九十百零〇]+号)")
NPC = re.compile(r"(全国人民代表大会(?:常务委员会)?)")


def _version_date(obj):
    try:
        return datetime.date.fromisoformat(str(obj.get("date") or "")[:10])
    except ValueError:
        return None


def history_date(line):
    match = HISTORY_DATE.match(line)
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def clean_history_line(line):
    """A history line as the corpus has it, made fit to print inside （）: the source wraps some lines in brackets and
    cut off the opening one ("…修订）"), and writes some titles with ASCII angle brackets (<…>) or （…） inside 《》."""
    line = " ".join(line.split())
    line = line.replace("<", "〈").replace(">", "〉")
    # Brackets inside a title 《…》 are the nested title marks 〈〉.
    line = re.sub(r"《([^》]*)》", lambda m: "《" + m.group(1).replace("（", "〈").replace("）", "〉") + "》", line)
    while line.endswith("）") and line.count("）") > line.count("（"):
        line = line[:-1].rstrip()
    while line.startswith("（") and line.count("（") > line.count("）"):
        line = line[1:].lstrip()
    if line.startswith("（") and line.endswith("）") and line.count("（") == 1:
        line = line[1:-1].strip()
    return line


def document_fields(obj):
    """Fields of a DocumentPage derived from one corpus line (only those the line lets us know)."""
    history = [clean_history_line(line) for line in obj.get("history") or [] if isinstance(line, str)]
    history = [line for line in history if line]
    category = obj.get("category") or ""
    fields = {"document_type": CATEGORY_TYPES.get(category, DocumentType.OTHER)}

    # The latest line carrying an order number is the act that published this version, and its date the 成文日期.
    # Otherwise (or when that date is after the version's, as in 6 lines where the corpus's file date is a day early)
    # the latest dated line not after the version's date; "…施行" lines give the day it took effect, not the day it was
    # made. With no dated line (63 texts have no history), the version's date, the date the corpus names it by.
    version = _version_date(obj)
    number_line = next((line for line in reversed(history) if ORDER_NUMBER.search(line)), None)
    if number_line:
        fields["document_number"] = ORDER_NUMBER.search(number_line).group(1)
    dated = [date for date in (history_date(line) for line in history if not line.endswith("施行"))
             if date and (version is None or date <= version)]
    number_date = history_date(number_line) if number_line else None
    if number_date and (version is None or number_date <= version):
        fields["written_date"] = number_date
    else:
        fields["written_date"] = dated[-1] if dated else version

    if category == "部门规章" and obj.get("subcategory"):
        fields["issuer"] = obj["subcategory"]
    elif category == "行政法规":
        fields["issuer"] = "国务院"
    else:
        npc = next((NPC.search(line).group(1) for line in reversed(history) if NPC.search(line)), None)
        if npc:
            fields["issuer"] = npc
    if history:
        fields["history"] = history
    return fields
