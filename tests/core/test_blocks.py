"""Paragraph text for search and snippets comes from gongkai.core.blocks.html_text, a regex stripper that stands in for
Wagtail's HTML-parser-based one; it must give the same words."""

import gzip
import json
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.rich_text import get_text_for_indexing

from gongkai.core.blocks import ParagraphBlock, html_text
from gongkai.importer.service import rich_text

SAMPLES = [
    "<h2>第一章 总则</h2><p>第一条 为了规范&nbsp;科技成果转化，制定本办法。</p><p>第二条&lt;说明&gt; A &amp; B</p>",
    '<ul><li>一</li><li>二</li></ul><ol><li><b>三</b></li></ol><p>见<a href="https://example.gov.cn/?a=1&amp;b=2">链接</a></p>',
    '<p>上<br/>下<br />左<hr/>右</p><p><a linktype="page" id="3">内部链接</a> 与 <a linktype="document" id="1">文件</a></p>',
    "<p>H<sub>2</sub>O 与 10<sup>3</sup>，“引号”、（括号）</p>",
]


def words(text):
    return " ".join(text.split())


@pytest.mark.parametrize("html", SAMPLES)
def test_html_text_gives_the_words_wagtail_gives(html):
    assert words(html_text(html)) == words(get_text_for_indexing(html))


def test_a_line_break_without_a_slash_also_separates_words():
    assert html_text("<p>上<br>下</p>") == "上 下"  # Wagtail's stripper would join them


def test_the_regulations_corpus_reads_the_same():
    path = Path(settings.GONGKAI_DEMO_DATA_DIR) / "regulations.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        bodies = [rich_text(json.loads(line)["body"], "text") for _, line in zip(range(100), handle)]
    assert all(words(html_text(body)) == words(get_text_for_indexing(body)) for body in bodies)


def test_paragraph_search_text_and_html():
    from wagtail.rich_text import RichText

    block = ParagraphBlock()
    value = RichText("<p>科技&amp;创新</p>")
    assert block.get_searchable_content(value) == ["科技&创新"]
    assert block.render(value) == '<div class="block-paragraph"><p>科技&amp;创新</p></div>'
