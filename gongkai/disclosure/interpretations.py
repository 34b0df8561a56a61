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


def _linked_in_latest_revision(page, family):
    revision = page.latest_revision
    if revision is None:
        return False
    return any(row.get("document") in family for row in revision.content.get("interpreted_documents") or [])


def pending_interpretations(document):
    """Every 解读 that names this document (or a translation of it) as published, or in its latest draft: what the
    editor sees in the document's editor, and what the publishing rule accepts."""
    if document.pk is None:
        return []
    family = _family(document)
    linked = set(InterpretedDocument.objects.filter(document_id__in=family).values_list("interpretation_id", flat=True))
    drafts = InterpretationPage.objects.filter(Q(live=False) | Q(has_unpublished_changes=True)).select_related("latest_revision")
    # Drafts changed since publishing carry their links in the latest revision only.
    linked |= {page.pk for page in drafts if _linked_in_latest_revision(page, family)}
    pages = InterpretationPage.objects.filter(pk__in=linked).select_related("locale").order_by("-date", "-pk")
    # A live 解读 whose latest draft dropped the link still links it while the draft is unpublished; one whose draft
    # dropped it and was never published does not.
    return [page for page in pages if page.live or _linked_in_latest_revision(page, family) or page.latest_revision_id is None]


def paired_pages(page):
    """The pages that go out with this one: a document's 解读, or a 解读's documents (drafts included)."""
    page = page.specific
    if isinstance(page, DocumentPage):
        return pending_interpretations(page)
    if isinstance(page, InterpretationPage):
        ids = {link.document_id for link in page.interpreted_documents.all()}
        revision = page.latest_revision
        if revision is not None:
            ids |= {row.get("document") for row in revision.content.get("interpreted_documents") or [] if row.get("document")}
        return list(DocumentPage.objects.filter(pk__in=ids))
    return []
