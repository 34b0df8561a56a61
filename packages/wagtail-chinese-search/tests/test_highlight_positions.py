"""The highlighter's fast path (text whose every character normalises to exactly one) must agree with the
character-by-character mapping it skips."""

from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail_chinese_search import highlight
from wagtail_chinese_search import normalise as folding
from wagtail_chinese_search import text as search_text


def slow(original):
    normal, positions = highlight._normalised_char_by_char(original)
    return normal, list(positions)


SAMPLES = ["政府信息公開工作年度報告", "ＡＢＣ１２３（科技）", "第①条 科技成果轉化", "Straße İstanbul ㈱ ﬁle", "普通的简体文字", "ΟΔΥΣΣΕΥΣ"]


def test_samples_agree():
    for sample in SAMPLES:
        normal, positions = highlight._normalised_with_positions(sample)
        assert (normal, list(positions)) == slow(sample), sample


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("政府公開开ＡＢａｂAB１2（）①㈱ﬁİß條条ΣΑ ，。、\n"), max_size=40))
def test_generated_text_agrees(original):
    normal, positions = highlight._normalised_with_positions(original)
    assert (normal, list(positions)) == slow(original)


def test_no_character_normalises_to_nothing():
    # The fast path's premise: equal lengths can only mean one character for each.
    assert all(normal.lower() for normal in folding._table().values())
    assert all(chr(code).lower() for code in range(0x20, 0x10000) if not 0xD800 <= code <= 0xDFFF)


def test_normalise_changes_exactly_the_characters_the_table_maps():
    every_char = "".join(chr(code) for code in range(0x20, 0x10000) if not 0xD800 <= code <= 0xDFFF)
    assert search_text.normalise(every_char) == every_char.translate(folding._table()).lower()
