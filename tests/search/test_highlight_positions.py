"""The highlighter's fast path (text whose every character normalises to exactly one) must agree with the
character-by-character mapping it skips."""

from hypothesis import given, settings
from hypothesis import strategies as st

from search import highlight


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
