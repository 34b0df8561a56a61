from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from . import devices


@hooks.register("register_account_menu_item")
def two_factor_item(request):
    on = devices.enrolled(request.user)
    return {
        "url": reverse("two_factor_manage"),
        "label": _("两步验证（已开启）") if on else _("开启两步验证"),
        "help_text": _("登录时除密码外还需输入手机身份验证器应用显示的验证码"),
    }
