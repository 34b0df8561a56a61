"""The public site on phones, in Chromium: every page type at 360, 390 and 414 px, in Chinese and English and in the
reading modes, must not scroll sideways; catalogues turn into cards whose 发文字号 reads across; statutory tables
scroll inside their frame with the row labels in view; footer links wrap as whole words."""

import gzip
import json
from pathlib import Path

import pytest

from tests.accessibility.test_public_pages import demo_content, public_urls, run_axe

WIDTHS = (360, 390, 414)
# Reading modes change sizes, spacing and layout: each is tried at the narrowest width.
MODES = ("text-large", "contrast-high,spacing-wide", "mode-plain", "script-hant", "text-large,spacing-wide,mode-plain")

# Lines of the real corpus that stress a phone layout: long titles, a law without an order number, a history line the
# corpus cut ("…修订）"), a ministry rule with a long 发文字号.
CORPUS_IDS = {12, 15, 126, 147, 159}


def import_regulations():
    from django.conf import settings

    from gongkai.importer.service import ContentImporter

    lines = []
    with gzip.open(Path(settings.GONGKAI_DEMO_DATA_DIR) / "regulations.jsonl.gz", "rt", encoding="utf-8") as corpus:
        for line in corpus:
            if json.loads(line)["id"] in CORPUS_IDS:
                lines.append(line)
    assert len(lines) == len(CORPUS_IDS)
    outcome = ContentImporter(parent=ContentImporter.resolve_parent("column:policies"), default_type="document").run(lines)
    assert outcome.failed == 0, outcome.errors


def phone_urls():
    from gongkai.disclosure.models import DocumentPage

    law = DocumentPage.objects.live().filter(title="体育法").order_by("-date").first()
    return public_urls() + ["/affairs/policies/", law.url, "/interaction/draft-rules/", "/en/news/work/", "/en/interaction/"]


WIDTH_CHECK = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > width + 1 && !element.closest('.table-scroll') && !element.closest('.visually-hidden'))
      wide.push(element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ')[0] : ''));
  }
  const brokenLinks = [...document.querySelectorAll('.site-footer__links a')]
    .filter(link => link.getClientRects().length > 1).map(link => link.textContent);
  const numbers = [...document.querySelectorAll('.catalogue tbody tr')].map(row => {
    const cell = row.querySelector('.catalogue__number');
    return {row: row.getBoundingClientRect().width, cell: cell.getBoundingClientRect().width, text: cell.textContent};
  });
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5), brokenLinks, numbers};
}"""


@pytest.mark.django_db(transaction=True)
def test_every_page_type_fits_a_phone(live_server, browser, axe_source):
    demo_content()
    import_regulations()
    urls = phone_urls()
    problems = []
    visits = [(width, "", url) for width in WIDTHS for url in urls] + [(WIDTHS[0], mode, url) for mode in MODES for url in urls]
    contexts = {}
    catalogue_cards = 0
    for width, mode, url in visits:
        if (width, mode) not in contexts:
            context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=True, has_touch=True,
                                          device_scale_factor=2)
            if mode:
                context.add_cookies([{"name": "gk_reading", "value": mode, "url": live_server.url}])
            contexts[(width, mode)] = context.new_page()
        page = contexts[(width, mode)]
        page.goto(live_server.url + url)
        found = page.evaluate(WIDTH_CHECK)
        label = f"{url} at {width}px{' [' + mode + ']' if mode else ''}"
        if found["scroll"] > found["width"]:
            problems.append(f"{label}: {found['scroll']}px wide ({', '.join(found['wide'])})")
        if found["brokenLinks"]:
            problems.append(f"{label}: footer links broken across lines: {found['brokenLinks']}")
        for row in found["numbers"]:
            catalogue_cards += 1
            # A card's 发文字号 reads across the card, not one character a line as in a squeezed table column.
            if row["cell"] < row["row"] * 0.6:
                problems.append(f"{label}: 发文字号 “{row['text']}” squeezed to {row['cell']:.0f}px of {row['row']:.0f}px")
    assert catalogue_cards > 0, "no catalogue was checked"
    for page in contexts.values():
        page.context.close()
    assert problems == []

    check_statistics_tables(live_server, browser)
    check_axe_on_phone(live_server, browser, axe_source, urls)


def check_statistics_tables(live_server, browser):
    """A statutory table wider than the phone scrolls inside its frame; its row labels stay where they were."""
    page = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True).new_page()
    page.goto(live_server.url + "/disclosure/annual-reports/2021/")
    frames = page.locator(".stats-table")
    assert frames.count() == 3
    frame = frames.nth(1)  # 表二, the widest
    sizes = frame.evaluate("(f) => ({scroll: f.scrollWidth, client: f.clientWidth, focusable: f.tabIndex >= 0})")
    assert sizes["scroll"] > sizes["client"] and sizes["focusable"], sizes
    label = frame.locator("tbody th[scope=row]").nth(1)
    before = label.bounding_box()["x"]
    frame.evaluate("(f) => { f.scrollLeft = 300; }")
    assert abs(label.bounding_box()["x"] - before) < 1, "the row labels scrolled out of view"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    page.context.close()


def check_axe_on_phone(live_server, browser, axe_source, urls):
    """What a phone layout changes (cards from a table, scrolling frames) stays accessible."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, bypass_csp=True)
    page = context.new_page()
    problems = []
    for url in ["/", "/affairs/policies/", "/disclosure/annual-reports/2021/", "/feeds/", "/interaction/", urls[3], "/en/"]:
        page.goto(live_server.url + url)
        problems += [f"{url}: {violation}" for violation in run_axe(page, axe_source)]
    context.close()
    assert problems == []
