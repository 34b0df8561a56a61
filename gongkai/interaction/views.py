from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core import antispam
from gongkai.core.submissions import SubmissionFlow

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


class MailboxFlow(SubmissionFlow):
    """A letter to the 局长信箱, its receipt and the writer's page for the reply."""

    scope, status_scope = SCOPE, STATUS_SCOPE
    form_class, model = MessageForm, Message
    form_template = "gongkai_interaction/write.html"
    done_template = "gongkai_interaction/done.html"
    status_template = "gongkai_interaction/status.html"
    form_url_name, done_url_name, status_url_name = "mailbox_write", "mailbox_done", "mailbox_status"
    object_name, error_name = "message", "error"

    def receipt_mail(self, message, status_url):
        return (_("【留言】已收到您的留言，查询号 %(number)s") % {"number": message.tracking_number},
                _("查询号：%(number)s\n请凭查询号和联系电话后四位在 %(url)s 查看答复。") % {
                    "number": message.tracking_number, "url": status_url})


write, done, status = MailboxFlow().views()


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
