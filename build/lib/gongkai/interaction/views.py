from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gongkai.core import antispam
from gongkai.core.lookup import find_own, remember, remembered

from .forms import CommentForm, MessageForm
from .models import Message, MessageStatus
from .statistics import response_statistics

SCOPE, STATUS_SCOPE, COMMENT_SCOPE = "mailbox", "mailbox-status", "consultation"


def mailbox(request):
    """Published questions and replies (personal data removed), and how quickly the bureau answers."""
    published = Message.objects.filter(published=True, status=MessageStatus.REPLIED).order_by("-replied_at")
    page = Paginator(published, 20).get_page(request.GET.get("page"))
    return render(request, "gongkai_interaction/mailbox.html", {
        "items": page, "stats": response_statistics(year=timezone.localdate().year), "year": timezone.localdate().year})


def _render_write(request, form, status=200):
    return render(request, "gongkai_interaction/write.html", {"form": form, "question": antispam.new_question(request, SCOPE)}, status=status)


@never_cache
def write(request):
    if request.method != "POST":
        return _render_write(request, MessageForm(request=request, scope=SCOPE))
    if antispam.rate_limited(request, SCOPE):
        return antispam.too_many(request)
    form = MessageForm(request.POST, request.FILES, request=request, scope=SCOPE)
    if not form.is_valid():
        return _render_write(request, form, status=400)
    message = form.save()
    antispam.count_submission(request, SCOPE)
    remember(request, "mailbox-receipt", message.tracking_number)
    if message.email:
        send_mail(_("【留言】已收到您的留言，查询号 %(number)s") % {"number": message.tracking_number},
                  _("查询号：%(number)s\n请凭查询号和联系电话后四位在 %(url)s 查看答复。") % {
                      "number": message.tracking_number, "url": request.build_absolute_uri(reverse("mailbox_status"))},
                  None, [message.email])
    return redirect("mailbox_done")


@never_cache
def done(request):
    numbers = remembered(request, "mailbox-receipt")
    if not numbers:
        return redirect("mailbox_write")
    return render(request, "gongkai_interaction/done.html", {"message": Message.objects.filter(tracking_number=numbers[-1]).first()})


@never_cache
def status(request):
    form, message, error = find_own(request, Message, STATUS_SCOPE)
    if form is None:
        return antispam.too_many(request)
    return render(request, "gongkai_interaction/status.html", {"form": form, "message": message, "error": error},
                  status=404 if error else 200)


def consultation(request, page):
    """A consultation page: comments are taken while it is open; afterwards it shows the feedback summary."""
    form, status = None, 200
    if page.is_open():
        if request.method == "POST":
            if antispam.rate_limited(request, COMMENT_SCOPE):
                return antispam.too_many(request)
            form = CommentForm(request.POST, request=request, scope=COMMENT_SCOPE)
            if form.is_valid():
                comment = form.save(commit=False)
                comment.page = page
                comment.save()
                antispam.count_submission(request, COMMENT_SCOPE)
                return redirect(page.url + "?thanks=1")
            status = 400
        else:
            form = CommentForm(request=request, scope=COMMENT_SCOPE)
    elif request.method == "POST":
        status = 410  # closed: the comment is not taken
    context = page.get_context(request)
    context.update({"form": form, "question": antispam.new_question(request, COMMENT_SCOPE) if form else "",
                    "thanks": request.GET.get("thanks") == "1", "comment_count": page.comments.count(),
                    "closed_post": status == 410})
    return TemplateResponse(request, "gongkai_interaction/consultation_page.html", context, status=status)
