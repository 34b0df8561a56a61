"""Finding personal data in text that is about to be published (a mailbox reply, a question shown to the public).

An exact substring test misses what a hurried editor leaves in: “李 红梅”, “139-1234-5678”, “１３９１２３４５６７８”,
“李紅梅”. Both the text and the identities are folded the same way before comparing: NFKC (full-width to ASCII),
Traditional to Simplified, lower case, Chinese digits to ASCII digits, and every space and punctuation mark dropped.
Beyond the sender's own details, any identity-card number, mobile number or house-number address is reported too,
except the publishing office's own contact details."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九幺两", "0012345678912")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

ID_NUMBER = re.compile(r"(?<![0-9a-z])(\d{17}[\dx]|\d{15})(?![0-9a-z])")
MOBILE = re.compile(r"(?<!\d)(?:86)?(1[3-9]\d{9})(?!\d)")
# Road + number, or building/unit/room numbers: how a home address is written. 文号 such as 〔2018〕3号 do not match.
HOUSE_NUMBER = re.compile(r"(?:路|街|巷|道|弄|胡同|村|屯|小区|花园|家园)\d+号|\d+(?:号楼|栋|幢|单元|室)")
# The shortest value of each kind worth comparing: a one-character name or a 3-digit number matches by chance.
MINIMUM = {"name": 2, "number": 6, "text": 4}


def fold(text):
    """The form in which text and identities are compared."""
    import zhconv

    text = unicodedata.normalize("NFKC", str(text or ""))
    text = zhconv.convert(text, "zh-hans").lower().translate(CHINESE_DIGITS)
    return "".join(ch for ch in text if ch.isalnum())


def _valid_id_number(number):
    if len(number) == 15:
        return True
    total = sum(int(d) * w for d, w in zip(number[:17], ID_WEIGHTS))
    return ID_CHECK[total % 11] == number[17].upper()


@dataclass
class Finding:
    key: str  # the key of the text it was found in, as given
    field: str  # that text's label
    kind: str  # what was found: 姓名, 联系电话 …
    sample: str  # a masked hint for the editor: “139…”

    def __str__(self):
        return _("“%(field)s”中仍有个人信息（%(kind)s：%(sample)s），请删去后再公开") % {
            "field": self.field, "kind": self.kind, "sample": self.sample}


def _hint(value):
    """Enough for the editor to find it in the text; the office sees the whole message anyway."""
    value = str(value)
    return value if len(value) <= 4 else value[:4] + "…"


def find_personal_data(fields, identities=(), allowed=(), labels=None):
    """Findings in `fields` ({key: text}, shown to people as labels[key], or the key): any of `identities`
    ((kind label, value, "name"|"number"|"text")), and any ID number, mobile number or house-number address not
    among `allowed` (the office's own details)."""
    labels = labels or {}
    allowed_folded = [fold(value) for value in allowed if value]
    wanted = []
    for kind, value, style in identities:
        folded = fold(value)
        if len(folded) >= MINIMUM[style]:
            wanted.append((kind, value, folded))
    findings = []
    for key, text in fields.items():
        label = labels.get(key, key)
        folded = fold(text)
        if not folded:
            continue
        for kind, value, needle in wanted:
            if needle in folded:
                findings.append(Finding(key, label, kind, _hint(value)))
        for kind, pattern, check in ((_("身份证号"), ID_NUMBER, _valid_id_number), (_("手机号码"), MOBILE, None),
                                     (_("门牌地址"), HOUSE_NUMBER, None)):
            for match in pattern.finditer(folded):
                found = match.group(1) if pattern.groups else match.group(0)
                if check and not check(found):
                    continue
                if any(found in own for own in allowed_folded) or any(found in needle for _k, _v, needle in wanted):
                    continue
                if not any(f.key == key and f.kind == kind for f in findings):
                    findings.append(Finding(key, label, kind, _hint(found)))
    return findings
