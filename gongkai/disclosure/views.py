"""Admin: the 主题分类 rules as editors read them, the documents whose suggested topic nobody has confirmed, and a
new 解读 started from its document."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from .classification import rules_table
from .models import DocumentPage


def topic_review(request):
    # Only documents this editor may change: the ones in the columns their groups can edit.
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(request.user, ["change", "publish"])
    waiting = (DocumentPage.objects.filter(topic_confirmed=False, pk__in=editable.values("pk"))
               .select_related("topic").order_by("topic__code", "title"))
    page = Paginator(waiting, 50).get_page(request.GET.get("p"))
    return render(request, "gongkai_disclosure/admin/topic_review.html", {
        "rules": rules_table(), "documents": page, "waiting": page.paginator.count,
    })


# ---- 政策解读 ------------------------------------------------------------------------------------

def interpretation_columns(user, locale):
    """Columns in the document's language where this editor may add a 解读, the one holding most 解读 first."""
    from collections import Counter

    from .models import InterpretationPage

    candidates = []
    for model in InterpretationPage.allowed_parent_page_models():
        for column in model.objects.filter(locale=locale).order_by("path"):
            if InterpretationPage.can_create_at(column) and column.permissions_for_user(user).can_add_subpage():
                candidates.append(column)
    held = Counter(path[: -InterpretationPage.steplen] for path in InterpretationPage.objects.filter(locale=locale).values_list("path", flat=True))
    return sorted(candidates, key=lambda column: -held[column.path])


class NewInterpretationForm(forms.Form):
    column = forms.TypedChoiceField(label=_("发布在栏目"), coerce=int)
    form = forms.ChoiceField(label=_("解读形式"))
    title = forms.CharField(label=_("标题"), max_length=255)

    def __init__(self, *args, columns=(), **kwargs):
        from .models import InterpretationForm

        super().__init__(*args, **kwargs)
        # Columns below the home page (depth 2) are shown with their parents: 政务公开 / 政策解读.
        self.fields["column"].choices = [
            (column.pk, " / ".join(page.title for page in column.get_ancestors(inclusive=True) if page.depth > 2)) for column in columns]
        self.fields["form"].choices = InterpretationForm.choices


def new_interpretation(request, document_id):
    """A 解读 draft for a document, in one step from the document's editor: the editor chooses the column and the
    form, and lands in the new draft's editor with the document already linked."""
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404, redirect
    from django.utils import timezone

    from gongkai.core.slugs import readable_slug, unique_slug

    from .models import InterpretationPage, InterpretedDocument

    document = get_object_or_404(DocumentPage, pk=document_id)
    if not document.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    columns = interpretation_columns(request.user, document.locale)
    form = NewInterpretationForm(request.POST or None, columns=columns,
                                 initial={"title": (_("《%(title)s》政策解读") % {"title": document.title})[:255]})
    if request.method == "POST" and form.is_valid():
        column = next(column for column in columns if column.pk == form.cleaned_data["column"])
        title = form.cleaned_data["title"]
        page = InterpretationPage(
            title=title, form=form.cleaned_data["form"], locale=column.locale, owner=request.user, live=False,
            date=timezone.localdate(), slug=unique_slug(readable_slug(title) or "jiedu", column.get_children()),
        )
        page.interpreted_documents = [InterpretedDocument(document=document)]
        column.add_child(instance=page)
        page.save_revision(user=request.user, log_action=True)
        messages.success(request, _("已新建解读草稿，已关联《%(title)s》。写好正文后，可与文件一同送审。") % {"title": document.title})
        return redirect("wagtailadmin_pages:edit", page.pk)
    return render(request, "gongkai_disclosure/admin/new_interpretation.html", {
        "document": document, "form": form, "columns": columns})
