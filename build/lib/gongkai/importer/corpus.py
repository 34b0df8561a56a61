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


def history_date(line):
    match = HISTORY_DATE.match(line)
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def document_fields(obj):
    """Fields of a DocumentPage derived from one corpus line (only those the line lets us know)."""
    history = [line for line in obj.get("history") or [] if isinstance(line, str)]
    category = obj.get("category") or ""
    fields = {"document_type": CATEGORY_TYPES.get(category, DocumentType.OTHER)}

    # The latest line carrying an order number is the act that published this version.
    number_line = next((line for line in reversed(history) if ORDER_NUMBER.search(line)), None)
    if number_line:
        fields["document_number"] = ORDER_NUMBER.search(number_line).group(1)
        fields["written_date"] = history_date(number_line)
    elif history:
        fields["written_date"] = history_date(history[-1])

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
