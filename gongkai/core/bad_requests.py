"""Requests no page can answer are refused with a 400 that says why, before any view or database sees them.

PostgreSQL cannot hold NUL in text, so a NUL anywhere in a path or query (?locale=%00, a 查询号 in a URL) used to
end in a server error deep inside the ORM; other control characters have no business in an address either. This
is the one place that holds for every public URL, the API's included; views bound their own parameters' ranges
and lengths (cms/api.py, search/forms.py, gongkai/columns/models.py)."""

import re

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def problem(request):
    """What is wrong with the request's address, or None."""
    if CONTROL.search(request.path):
        return _("网址中含有控制字符（如 NUL），无法处理。")
    for key, values in request.GET.lists():
        if CONTROL.search(key) or any(CONTROL.search(value) for value in values):
            return _("参数“%(name)s”中含有控制字符（如 NUL），无法处理。") % {"name": CONTROL.sub("", key)[:50]}
    return None


def bad_request(request, message):
    if request.path.startswith("/api/"):
        return JsonResponse({"message": message}, status=400, json_dumps_params={"ensure_ascii": False})
    return render(request, "400.html", {"message": message}, status=400)


class RejectMalformedRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        message = problem(request)
        if message:
            return bad_request(request, message)
        return self.get_response(request)
