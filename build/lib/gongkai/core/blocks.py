"""StreamField blocks shared by every content page: one family of body blocks, so that
articles, documents and reports are edited the same way and render the same way."""

import re
from html import unescape

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

# These become a space, which keeps words apart once the tags are gone (as wagtail.rich_text.get_text_for_indexing does).
_BLOCK_END = re.compile(r"</(?:p|h\d|li|blockquote)>|<(?:br|hr)\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link", "superscript", "subscript"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_searchable_content(self, value):
        # Rich text in the database is well-formed HTML written by the editor or the importer, so two regular
        # expressions give the same words as Wagtail's HTML-parser-based stripping at a twentieth of the cost; search
        # results cut their snippets from this text for every hit on every request.
        if not self.search_index:
            return []
        return [html_text(value.source)]

    def render_basic(self, value, context=None):
        # What a template with {{ value|richtext }} gave, without rendering two templates for every paragraph
        # (one of ours and Wagtail's richtext wrapper): an annual report has dozens of paragraphs.
        return format_html('<div class="block-paragraph">{}</div>', mark_safe(expand_db_html(value.source)) if value else "")

    def get_api_representation(self, value, context=None):
        # The API gives rich text as the HTML a browser shows, with page and document links resolved.
        return expand_db_html(value.source) if value else ""

    class Meta:
        icon = "pilcrow"
        label = _("段落")


def html_text(source):
    """The text of a rich text HTML string, block elements separated by a space."""
    return unescape(_TAG.sub("", _BLOCK_END.sub(" ", source or ""))).strip()


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("图片"))
    alt = blocks.CharBlock(
        label=_("替代文本"), required=False, max_length=255,
        help_text=_("读屏软件朗读的图片说明；留空则使用图片标题"),
    )
    caption = blocks.CharBlock(label=_("图注"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("图片")
        template = "gongkai_core/blocks/image.html"


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        label = _("表格")
        template = "gongkai_core/blocks/table.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("文件"))
    title = blocks.CharBlock(label=_("显示名称"), required=False, max_length=255, help_text=_("留空则使用文件标题"))

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        if document is None:
            return None
        return {
            "id": document.pk,
            "title": value.get("title") or document.title,
            "url": document.url,
            "file_extension": document.file_extension,
            "file_size": document.get_file_size(),
        }

    class Meta:
        icon = "doc-full"
        label = _("附件")
        template = "gongkai_core/blocks/attachment.html"


class FigureBlock(blocks.StructBlock):
    """A numbered figure as printed in official reports ("图 1 8 个一级栏目"): an image, or the
    text the figure shows when there is no image, always with its caption."""

    image = ImageChooserBlock(label=_("图片"), required=False)
    content = ParagraphBlock(label=_("图示内容"), required=False)
    caption = blocks.CharBlock(label=_("图题"), max_length=255, help_text=_("如：图 1 8 个一级栏目"))

    class Meta:
        icon = "image"
        label = _("插图")
        template = "gongkai_core/blocks/figure.html"


class ContactDetailsBlock(blocks.StaticBlock):
    """The office's contact details from the site settings, so pages such as the 政府信息公开指南 never
    carry a stale copy of an address or phone number."""

    class Meta:
        icon = "mail"
        label = _("联系方式")
        admin_text = _("显示“设置 → 网站信息”中的名称、地址、办公时间、电话、传真和电子邮箱。")
        template = "gongkai_core/blocks/contact_details.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    image = ImageBlock()
    table = TableBlock()
    attachment = AttachmentBlock()
    contact_details = ContactDetailsBlock()

    class Meta:
        label = _("正文")


class AttachmentsBlock(blocks.StreamBlock):
    attachment = AttachmentBlock()

    class Meta:
        label = _("附件")
