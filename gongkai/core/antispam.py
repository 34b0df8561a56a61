"""Flood and spam protection that needs no outside service, for the public forms (applications, mailbox,
comments): a per-address rate limit in the cache, an arithmetic question kept in the session (readable by screen
readers, works offline), and a honeypot field that people never see."""

import math
import secrets
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DEFAULT_LIMITS = {"default": (5, 3600)}  # submissions per address per window (seconds)
NUMBER_WORDS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def _limit(scope):
    limits = {**DEFAULT_LIMITS, **getattr(settings, "GONGKAI_RATE_LIMITS", {})}
    return limits.get(scope, limits["default"])


def client_address(request):
    """The client's address. Behind a proxy, REMOTE_ADDR is the proxy's: name the header the proxy sets (and that
    clients cannot forge past it) in GONGKAI_CLIENT_IP_HEADER, e.g. HTTP_X_REAL_IP."""
    header = getattr(settings, "GONGKAI_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


def _key(request, scope):
    return f"gongkai:rate:{scope}:{client_address(request)}"


def _used(key, now):
    """(submissions, end of the window) for a key; (0, None) when there is no window running."""
    value = cache.get(key)
    if isinstance(value, (list, tuple)) and len(value) == 2 and value[1] > now:
        return value
    return 0, None


def rate_limited(request, scope):
    """True when this address has used up its submissions for the window."""
    count, _window = _limit(scope)
    return _used(_key(request, scope), time.time())[0] >= count


def count_submission(request, scope):
    """The window's end is stored with the count. Django's incr() on the file and database caches re-sets the key
    with the default timeout, so “5 an hour” became “5 every 5 minutes”; here the window holds on any backend, and
    each write's timeout is what is left of it."""
    _count, window = _limit(scope)
    key, now = _key(request, scope), time.time()
    used, ends = _used(key, now)
    ends = ends or now + window
    cache.set(key, (used + 1, ends), timeout=max(1, math.ceil(ends - now)))


def too_many(request):
    """The answer to an address that has used up its submissions: 429 and a page saying when to try again."""
    from django.shortcuts import render

    return render(request, "gongkai_core/too_many.html", status=429)


def new_question(request, scope):
    """A fresh sum for the form; the answer stays on the server, in the session."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    request.session[f"gongkai:question:{scope}"] = a + b
    return _("%(a)s 加 %(b)s 等于几？（请填阿拉伯数字）") % {"a": NUMBER_WORDS[a], "b": NUMBER_WORDS[b]}


class ProtectedForm(forms.Form):
    """Adds the question and the honeypot to a public form. Give it the request and a scope name."""

    answer = forms.CharField(label=gettext_lazy("验证问题"), max_length=4, widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    website = forms.CharField(label=gettext_lazy("网址（请留空）"), required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def __init__(self, *args, request=None, scope="default", **kwargs):
        super().__init__(*args, **kwargs)
        self.request, self.scope = request, scope

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("提交未通过检查，请刷新页面后重试。"))
        expected = self.request.session.pop(f"gongkai:question:{self.scope}", None) if self.request else None
        # Full-width digits from a Chinese input method count; isdigit() alone also passes “²”, which int() refuses.
        given = unicodedata.normalize("NFKC", cleaned.get("answer") or "").strip()
        if expected is None or not (given.isascii() and given.isdigit()) or int(given) != expected:
            self.add_error("answer", _("验证问题的答案不对，请回答新的问题。"))
        return cleaned
