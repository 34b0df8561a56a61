"""Following the links between documents and their 政策解读.

A link is stored on the 解读 (InterpretedDocument), by page. Readers see it in their own language: both sides are
matched by translation key, so an English 解读 lists the English version of its document, or the Chinese one while
the document is not translated (and the other way round), whichever version of the 解读 carries the link rows.
Public lists show live, public pages only; the editors' checks also see drafts (a 解读 written to go out with its
document is a draft until the pair is approved)."""

from collections import defaultdict

from django.db.models import Q

from gongkai.core import site_cache

from .models import DocumentPage, InterpretationPage, InterpretedDocument


def _in_language(pages, locale_id, request=None):
    """One page per translation key: the version in locale_id, else the site's default language, else any."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant

    # The locales the page being served has already read: no query of its own.
    default = site_cache.locales(request).get(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    default_id = default.pk if default else None
    chosen = {}
    for page in pages:
        current = chosen.get(page.translation_key)
        rank = 0 if page.locale_id == locale_id else 1 if page.locale_id == default_id else 2
        if current is None or rank < current[0]:
            chosen[page.translation_key] = (rank, page)
    return {key: page for key, (rank, page) in chosen.items()}


def _follow(pages, own, other, model, locale_id, request, order):
    """{translation key of each page: [live public pages of `model` at the other end of its links]}, in `order`."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    rows = list(InterpretedDocument.objects.filter(**{f"{own}__translation_key__in": keys}).order_by(*order)
                .values_list(f"{own}__translation_key", f"{other}__translation_key"))
    found = _in_language(
        site_cache.public(model.objects.live(), request).filter(translation_key__in={key for _own, key in rows})
        .select_related("locale"), locale_id, request)
    result = defaultdict(list)
    for own_key, other_key in rows:
        page = found.get(other_key)
        if page is not None and page not in result[own_key]:
            result[own_key].append(page)
    return dict(result)


def interpretations_of(documents, locale_id, request=None):
    """{document translation key: [live public 解读, newest first]} in the reader's language."""
    result = _follow(documents, "document", "interpretation", InterpretationPage, locale_id, request, ["pk"])
    for pages in result.values():
        pages.sort(key=lambda page: (page.date, page.pk), reverse=True)
    return result


def documents_of(interpretations, locale_id, request=None):
    """{解读 translation key: [live public documents it explains, in the order the editor gave]}."""
    return _follow(interpretations, "interpretation", "document", DocumentPage, locale_id, request,
                   ["interpretation__locale_id", "sort_order", "pk"])


def linked_pages(pages, request=None):
    """{page pk: [pages at the other end of its links]} for a mix of documents and 解读 (other pages get none), each in
    its own language: what a page of search results, a catalogue page or a feed shows beside each entry."""
    found = {}
    for model, lookup in ((DocumentPage, interpretations_of), (InterpretationPage, documents_of)):
        by_locale = defaultdict(list)
        for page in pages:
            if isinstance(page, model):
                by_locale[page.locale_id].append(page)
        for locale_id, group in by_locale.items():
            linked = lookup(group, locale_id, request)
            for page in group:
                if linked.get(page.translation_key):
                    found[page.pk] = linked[page.translation_key]
    return found


def counts_by_form(interpretations):
    """{form: how many} of a queryset of 解读: what the 年度报表 and the annual report count."""
    from django.db.models import Count

    return dict(interpretations.order_by().values_list("form").annotate(n=Count("pk")).values_list("form", "n"))


def link_data(page, request=None):
    """A linked page as the API and feeds give it."""
    data = {"id": page.pk, "title": page.title, "url": page.get_full_url(request) or "", "locale": page.locale.language_code}
    if isinstance(page, DocumentPage):
        data.update(index_number=page.index_number, document_number=page.document_number)
    else:
        data.update(form=page.form, form_display=page.get_form_display())
    return data


# ---- for editors: drafts count ------------------------------------------------------------------

def _family(document):
    """The pks of a document and its translations."""
    return set(DocumentPage.objects.filter(translation_key=document.translation_key).values_list("pk", flat=True))


def _revision_documents(page):
    """The document pks a 解读's latest revision names (a draft's links live there until it is published)."""
    revision = page.latest_revision
    rows = (revision.content.get("interpreted_documents") or []) if revision is not None else []
    return {row["document"] for row in rows if row.get("document")}


def pending_interpretations(document):
    """Every 解读 that names this document (or a translation of it) as published, or in its latest draft: what the
    editor sees in the document's editor, and what the publishing rule accepts."""
    if document.pk is None:
        return []
    family = _family(document)
    linked = set(InterpretedDocument.objects.filter(document_id__in=family).values_list("interpretation_id", flat=True))
    drafts = list(InterpretationPage.objects.filter(Q(live=False) | Q(has_unpublished_changes=True)).select_related("latest_revision"))
    in_draft = {page.pk for page in drafts if _revision_documents(page) & family}
    # A live 解读 keeps its published link while a draft of it is unpublished; a never-published one whose latest
    # revision dropped the link no longer names the document.
    dropped = {page.pk for page in drafts if not page.live and page.latest_revision_id is not None} - in_draft
    return list(InterpretationPage.objects.filter(pk__in=(linked - dropped) | in_draft).select_related("locale").order_by("-date", "-pk"))


def paired_pages(page):
    """The pages that go out with this one: a document's 解读, or a 解读's documents (drafts included)."""
    page = page.specific
    if isinstance(page, DocumentPage):
        return pending_interpretations(page)
    if isinstance(page, InterpretationPage):
        ids = {link.document_id for link in page.interpreted_documents.all()} | _revision_documents(page)
        return list(DocumentPage.objects.filter(pk__in=ids))
    return []
