"""The statistics tables of the 2021 annual report format (国办公开办函〔2021〕30号) and their consistency rules
(勾稽关系). Labels are the official ones, character for character; docs/specs/annual-report-format.md."""

from gongkai.applications.outcomes import (  # noqa: F401  (table B, for this module's users)
    TABLE_B_APPLICANTS,
    TABLE_B_COLUMNS,
    TABLE_B_HEAD_ROWS,
    TABLE_B_NOTE,
    TABLE_B_RESULT_GROUPS,
    TABLE_B_RESULT_TOTAL,
    TABLE_B_RESULTS_HEADING,
    TABLE_B_TAIL_ROW,
    table_b_rows,
)

# ---- Table A: 主动公开政府信息情况 ------------------------------------------------------------------
TABLE_A_SUBTABLES = [
    # (key, heading, rows, columns)
    ("item1", "第二十条第（一）项", [("rules", "规章"), ("normative", "行政规范性文件")],
     [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")]),
    ("item5", "第二十条第（五）项", [("licensing", "行政许可")], [("decisions", "本年处理决定数量")]),
    ("item6", "第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")], [("decisions", "本年处理决定数量")]),
    ("item8", "第二十条第（八）项", [("fees", "行政事业性收费")], [("amount", "本年收费金额（单位：万元）")]),
]
TABLE_A_FIRST_HEADER = "信息内容"

# The 2019 trial format (国办公开办函〔2019〕60号). 本年增/减 may be negative; 采购总金额 is in 万元.
_PROJECTS_2019 = [("previous", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")]
TABLE_A_2019_SUBTABLES = [
    ("item1", "第二十条第（一）项", [("rules", "规章"), ("normative", "规范性文件")],
     [("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total_public", "对外公开总数量")]),
    ("item5", "第二十条第（五）项", [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")], _PROJECTS_2019),
    ("item6", "第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")], _PROJECTS_2019),
    ("item8", "第二十条第（八）项", [("fees", "行政事业性收费")], [("previous", "上一年项目数量"), ("change", "本年增/减")]),
    ("item9", "第二十条第（九）项", [("procurement", "政府集中采购")], [("projects", "采购项目数量"), ("amount", "采购总金额")]),
]
# Cells that are not non-negative integers: signed changes and decimal amounts (万元).
SIGNED_COLUMNS = {"change"}
DECIMAL_CELLS = {("item8", "amount"), ("item9", "amount")}


def table_a_subtables(report_format="2021"):
    return TABLE_A_2019_SUBTABLES if report_format == "2019" else TABLE_A_SUBTABLES

# ---- Table B: 收到和处理政府信息公开申请情况: defined with the applications counted in it (imported above) ----

# ---- Table C: 政府信息公开行政复议、行政诉讼情况 --------------------------------------------------------------
TABLE_C_OUTCOMES = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计")]
TABLE_C_GROUPS = [
    ("review", "行政复议", None),
    ("direct_suit", "行政诉讼", "未经复议直接起诉"),
    ("suit_after_review", "行政诉讼", "复议后起诉"),
]

# ---- Consistency rules ------------------------------------------------------------------------------


def _n(value):
    return value or 0


def table_b_result_keys(report_format="2021"):
    """The rows （一） to （六） that （七）总计 adds up (rule 3): the ungrouped outcomes and every item of a group."""
    return [key for key, _label, group, _gl in table_b_rows(report_format)
            if group or key in ("granted", "partial", "other_handling")]


def check_table_b(table, table_name="表三", report_format="2021"):
    """Rules 1–3 of docs/specs/annual-report-format.md. Returns messages naming the column or row and the rule, with both sides' values."""
    errors = []
    all_rows = table_b_rows(report_format)
    rows = {key: table.get(key) or {} for key, *_rest in all_rows}
    for column, column_label in TABLE_B_COLUMNS:
        left = _n(rows["received"].get(column)) + _n(rows["carried_over"].get(column))
        right = _n(rows["results_total"].get(column)) + _n(rows["carried_forward"].get(column))
        if left != right:
            errors.append(f"{table_name} {column_label}列：一+二 ≠ 总计+四（{left} ≠ {right}）")
    for key, label, _group, group_label in all_rows:
        row = rows[key]
        applicants = sum(_n(row.get(column)) for column, _label in TABLE_B_APPLICANTS)
        if applicants != _n(row.get("total")):
            name = f"{group_label}{label}" if group_label else label
            errors.append(f"{table_name} “{name}”行：各类申请人之和 ≠ 总计（{applicants} ≠ {_n(row.get('total'))}）")
    result_keys = table_b_result_keys(report_format)
    for column, column_label in TABLE_B_COLUMNS:
        parts = sum(_n(rows[key].get(column)) for key in result_keys)
        total = _n(rows["results_total"].get(column))
        if parts != total:
            errors.append(f"{table_name} {column_label}列：（一）至（六）各项之和 ≠ （七）总计（{parts} ≠ {total}）")
    return errors


def check_table_c(table, table_name="表四"):
    """Rule 4: each 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""
    errors = []
    for group, label, sub_label in TABLE_C_GROUPS:
        values = table.get(group) or {}
        parts = sum(_n(values.get(key)) for key, _l in TABLE_C_OUTCOMES[:-1])
        if parts != _n(values.get("total")):
            name = f"{label}（{sub_label}）" if sub_label else label
            errors.append(f"{table_name} {name}：结果维持+结果纠正+其他结果+尚未审结 ≠ 总计（{parts} ≠ {_n(values.get('total'))}）")
    return errors


def in_force_warnings(table_a, previous_table_a, table_name="表二"):
    """Rule 5 (a warning): this year's 现行有效件数 = last year's + 本年制发件数 − 本年废止件数."""
    warnings = []
    if not previous_table_a:
        return warnings
    for row, label in TABLE_A_SUBTABLES[0][2]:
        now = (table_a.get("item1") or {}).get(row) or {}
        before = (previous_table_a.get("item1") or {}).get(row) or {}
        expected = _n(before.get("in_force")) + _n(now.get("issued")) - _n(now.get("repealed"))
        if _n(now.get("in_force")) != expected:
            warnings.append(
                f"{table_name} {label}：现行有效件数 {_n(now.get('in_force'))} 与上年现行有效件数加本年制发、减本年废止"
                f"（{expected}）不一致"
            )
    return warnings

