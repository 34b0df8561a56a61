"""What the public's submissions share (依申请公开 applications, mailbox letters): a 查询号 the sender keeps to look
the submission up, and attachments kept where the web server never serves them."""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.mail import send_mail
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from . import antispam
from .lookup import find_own, remember, remembered


def new_tracking_number():
    # No 0/O/1/I: read out over the phone without confusion.
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "GK" + "".join(secrets.choice(alphabet) for _ in range(10))


class PrivateStorage(FileSystemStorage):
    """Files of applicants and replies: outside MEDIA_ROOT, so the web server never serves them; our views hand
    them out after checking who asks."""

    @property
    def base_location(self):
        # Default: beside MEDIA_ROOT (…/media → …/private-media), never inside it.
        media = os.path.abspath(settings.MEDIA_ROOT or "media")
        return getattr(settings, "PRIVATE_MEDIA_ROOT", None) or os.path.join(os.path.dirname(media), "private-media")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


private_storage = PrivateStorage()


def private_file_response(field, filename=None):
    """A private attachment as a download, for a view that has already checked who asks. Never indexed."""
    response = FileResponse(field.open("rb"), as_attachment=True, filename=filename or field.name.rsplit("/", 1)[-1])
    response["X-Robots-Tag"] = "noindex"
    return response


class SubmissionFlow:
    """The public side of a submission, shared by 依申请公开 and the mailbox: a form protected by a question and a
    rate limit; on success a receipt with the 查询号 (on screen, and by e-mail when an address is given); a status
    page where the sender finds the submission again with the 查询号 and the last four digits of the phone.
    Subclasses name their form, model, templates and URL names, and may add to the saved record or the context."""

    scope = status_scope = ""
    form_class = model = None
    form_template = done_template = status_template = ""
    form_url_name = done_url_name = status_url_name = ""
    object_name = "submission"  # the record's name in the templates
    error_name = "error"  # the lookup's error message's name in the status template

    def save(self, form):
        return form.save()

    def receipt_mail(self, record, status_url):
        """(subject, body) of the receipt e-mail."""
        raise NotImplementedError

    def after_submit(self, request, record):
        pass

    def status_context(self, request, record):
        return {}

    # views -----------------------------------------------------------------------------------------------------
    def _render_form(self, request, form, status=200):
        return render(request, self.form_template, {"form": form, "question": antispam.new_question(request, self.scope)},
                      status=status)

    def submit(self, request):
        if request.method != "POST":
            return self._render_form(request, self.form_class(request=request, scope=self.scope))
        if antispam.rate_limited(request, self.scope):
            return antispam.too_many(request)
        form = self.form_class(request.POST, request.FILES, request=request, scope=self.scope)
        if not form.is_valid():
            return self._render_form(request, form, status=400)
        record = self.save(form)
        antispam.count_submission(request, self.scope)
        remember(request, f"{self.scope}-receipt", record.tracking_number)
        self.after_submit(request, record)
        if record.email:
            subject, body = self.receipt_mail(record, request.build_absolute_uri(reverse(self.status_url_name)))
            send_mail(subject, body, None, [record.email])
        return redirect(self.done_url_name)

    def done(self, request):
        numbers = remembered(request, f"{self.scope}-receipt")
        if not numbers:
            return redirect(self.form_url_name)
        record = self.model.objects.filter(tracking_number=numbers[-1]).first()
        return render(request, self.done_template, {self.object_name: record})

    def status(self, request):
        form, record, error = find_own(request, self.model, self.status_scope)
        if form is None:
            return antispam.too_many(request)
        context = {"form": form, self.object_name: record, self.error_name: error, **self.status_context(request, record)}
        return render(request, self.status_template, context, status=404 if error else 200)

    def views(self):
        """(submit, done, status) as view functions, never cached: each carries a form token or a receipt."""
        return never_cache(self.submit), never_cache(self.done), never_cache(self.status)
