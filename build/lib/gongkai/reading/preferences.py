"""Reading preferences (适老化): larger text, high contrast, wider line spacing, a plain mode and Traditional
characters. Kept in a cookie and applied on the server, so they work without JavaScript, persist across visits
and never flash the default look first."""

from django.utils.translation import gettext_lazy as _

COOKIE = "gk_reading"
COOKIE_AGE = 365 * 24 * 3600
# name → (the value that turns it on, label to switch it on, label to switch it off)
OPTIONS = {
    "text": ("large", _("大字"), _("标准字号")),
    "contrast": ("high", _("高对比度"), _("标准配色")),
    "spacing": ("wide", _("宽行距"), _("标准行距")),
    "mode": ("plain", _("简约模式"), _("标准模式")),
    "script": ("hant", _("繁體"), _("简体")),
}


def read(request):
    """The reader's current preferences, ignoring anything unknown in the cookie."""
    raw = request.COOKIES.get(COOKIE, "")
    chosen = {}
    for part in raw.split(","):
        name, _sep, value = part.partition("-")
        if name in OPTIONS and value == OPTIONS[name][0]:
            chosen[name] = value
    return chosen


def serialise(chosen):
    return ",".join(f"{name}-{value}" for name, value in sorted(chosen.items()))


def wants_traditional(request):
    return read(request).get("script") == "hant"
