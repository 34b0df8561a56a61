from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token

from . import devices
from .forms import TokenForm
from .middleware import mode


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _signed_in(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return view(request, *args, **kwargs)

    return never_cache(wrapped)


@_signed_in
def verify(request):
    """The second step of signing in."""
    if request.user.is_verified() or not devices.enrolled(request.user):
        return redirect(_next(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("验证码不正确、已过期或已用过。连续输错后需等待更久才能再试。"))
    return render(request, "gongkai_two_step/verify.html", {"form": form, "next": _next(request)})


@_signed_in
def setup(request):
    """Link an authenticator app: scan the code, give one code back, receive backup codes."""
    user = request.user
    if devices.enrolled(user):
        # Someone holding only the password must not be able to add an authenticator of their own.
        return redirect("two_factor_manage" if user.is_verified() else "two_factor_verify")
    device = devices.pending_device(user)
    form = TokenForm(request.POST or None)
    form.fields["token"].help_text = _("身份验证器应用显示的 6 位数字")
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = devices.new_backup_codes(user)
            otp_login(request, device)
            return render(request, "gongkai_two_step/codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("token", _("验证码不正确。请确认手机时间准确，并输入应用当前显示的 6 位数字。"))
    import segno

    qr = segno.make(device.config_url, error="m")
    return render(request, "gongkai_two_step/setup.html", {
        "form": form, "next": _next(request), "secret": _grouped(device.bin_key),
        "qr": qr.svg_inline(scale=5, dark="#1a1a1a", title=_("身份验证器二维码")),
        "required": mode() == "required",
    })


def _grouped(key):
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


@_signed_in
def manage(request):
    user = request.user
    enrolled = devices.enrolled(user)
    if enrolled and not user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={reverse('two_factor_manage')}")
    if request.method == "POST" and enrolled:
        action = request.POST.get("action")
        if action == "codes":
            return render(request, "gongkai_two_step/codes.html", {"codes": devices.new_backup_codes(user), "next": reverse("two_factor_manage")})
        if action == "disable" and mode() != "required":
            devices.remove_all(user)
            messages.success(request, _("两步验证已关闭。"))
            return redirect("two_factor_manage")
    return render(request, "gongkai_two_step/manage.html", {"enrolled": enrolled, "required": mode() == "required"})
