"""Who applies and how an application ends, in the words of table 三 of the annual report (2021 format,
国办公开办函〔2021〕30号; docs/specs/annual-report-format.md): the queue records each application under exactly the rows
the report counts. The annual report (gongkai.reports) reads its table 三 from here."""

TABLE_B_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE_B_APPLICANTS = [
    ("natural", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("nonprofit", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other", "其他"),
]
TABLE_B_COLUMNS = TABLE_B_APPLICANTS + [("total", "总计")]
TABLE_B_RESULT_GROUPS = [
    ("granted", "（一）予以公开", []),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", []),
    ("refused", "（三）不予公开", [
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    ]),
    ("unable", "（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
    ("not_processed", "（五）不予处理", [
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
    ]),
    ("other_handling", "（六）其他处理", [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ]),
]
TABLE_B_RESULTS_HEADING = "三、本年度办理结果"
TABLE_B_RESULT_TOTAL = ("results_total", "（七）总计")
TABLE_B_HEAD_ROWS = [("received", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量")]
TABLE_B_TAIL_ROW = ("carried_forward", "四、结转下年度继续办理")


def table_b_rows(report_format="2021"):
    """Every data row of table B in order: (key, label, group key or None, group label or None).
    In the 2019 trial format （六）其他处理 is a single row."""
    rows = [(key, label, None, None) for key, label in TABLE_B_HEAD_ROWS]
    for group, group_label, items in TABLE_B_RESULT_GROUPS:
        if report_format == "2019" and group == "other_handling":
            items = []
        if items:
            rows += [(f"{group}_{n}", item, group, group_label) for n, item in enumerate(items, start=1)]
        else:
            rows.append((group, group_label, None, None))
    rows.append((TABLE_B_RESULT_TOTAL[0], TABLE_B_RESULT_TOTAL[1], None, None))
    rows.append((TABLE_B_TAIL_ROW[0], TABLE_B_TAIL_ROW[1], None, None))
    return rows
