"""What the public forms share beyond spam protection: phone numbers, finding one's own submission again with its
查询号 and the last four digits of the phone number given with it, and what a browser may see without asking again."""

import time

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import antispam


def clean_phone(value):
    phone = value.strip()
    if sum(ch.isdigit() for ch in phone) < 7 or any(ch not in "0123456789-+() " for ch in phone):
        raise forms.ValidationError(_("请填写有效的电话号码"))
    return phone


def phone_last_four(phone):
    return "".join(ch for ch in phone if ch.isdigit())[-4:]


class TrackingLookupForm(forms.Form):
    tracking_number = forms.CharField(label=gettext_lazy("查询号"), max_length=20)
    phone_last_four = forms.CharField(label=gettext_lazy("联系电话后四位"), min_length=4, max_length=4,
                                      widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))

    def clean_tracking_number(self):
        return "".join(self.cleaned_data["tracking_number"].split()).upper()


def find_own(request, model, scope):
    """(form, found object or None, error message); rate-limited so numbers cannot be guessed by brute force.
    Returns None for the form when the address has made too many attempts."""
    form, found, error = TrackingLookupForm(request.POST or None), None, ""
    if request.method == "POST":
        if antispam.rate_limited(request, scope):
            return None, None, ""
        antispam.count_submission(request, scope)
        if form.is_valid():
            candidate = model.objects.filter(tracking_number=form.cleaned_data["tracking_number"]).first()
            if candidate and phone_last_four(candidate.phone) == form.cleaned_data["phone_last_four"]:
                found = candidate
            else:
                error = _("查询号或电话号码后四位不正确。")
    return form, found, error


# A browser that submitted, or gave the 查询号 and phone digits, may see the receipt and the reply letter without
# the digits for an hour, and only until the browser is closed: on a shared computer, the next person must not.
ACCESS_SECONDS = 3600


def remember(request, name, value):
    """Let this browser see `value` (a 查询号, an application's id) under `name` for ACCESS_SECONDS."""
    key, now = f"gongkai:access:{name}", time.time()
    kept = {v: until for v, until in (request.session.get(key) or {}).items() if until > now}
    kept.pop(str(value), None)
    kept[str(value)] = now + ACCESS_SECONDS  # newest last
    request.session[key] = kept
    if not request.user.is_authenticated:
        request.session.set_expiry(0)  # the session cookie ends with the browser


def remembered(request, name):
    """The values this browser may still see under `name`, oldest first."""
    now = time.time()
    return [v for v, until in (request.session.get(f"gongkai:access:{name}") or {}).items() if until > now]
