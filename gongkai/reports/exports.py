"""A report's statistics tables as rows of cells, for CSV, XLSX and JSON downloads that match the page."""

from gongkai.core.spreadsheets import csv_content, plain, xlsx_content

from . import statistics

TABLE_TYPES = {
    "proactive_table": ("proactive", "表二 主动公开政府信息情况"),
    "applications_table": ("applications", "表三 收到和处理政府信息公开申请情况"),
    "review_litigation_table": ("review_litigation", "表四 政府信息公开行政复议、行政诉讼情况"),
    "proactive_table_2019": ("proactive", "表二 主动公开政府信息情况"),
    "applications_table_2019": ("applications", "表三 收到和处理政府信息公开申请情况"),
}
# The format each table type belongs to; 表四 is the same in both.
TABLE_FORMATS = {"proactive_table": "2021", "applications_table": "2021",
                 "proactive_table_2019": "2019", "applications_table_2019": "2019"}


def statistics_blocks(page):
    """(block type, value) of every statistics table in the report, in page order."""
    for child in statistics_children(page.body):
        yield child.block_type, child.value


def statistics_children(body):
    """The bound blocks of the statistics tables in a report body (saved or just submitted), in page order."""
    for block in body:
        if block.block_type != "section":
            continue
        for child in block.value["content"]:
            if child.block_type in TABLE_TYPES:
                yield child


def table_problems(body):
    """What still disagrees in the tables once their totals are computed (表三 一+二 ≠ 总计+四)."""
    return [problem for child in statistics_children(body) for problem in child.block.consistency_errors(child.value)]


def _rows_a(value, report_format="2021"):
    rows = []
    for key, heading, table_rows, columns in statistics.table_a_subtables(report_format):
        rows.append([heading])
        rows.append([statistics.TABLE_A_FIRST_HEADER] + [label for _k, label in columns])
        for row, label in table_rows:
            rows.append([label] + [value[key][row][column] for column, _l in columns])
    return rows


def _rows_b(value, report_format="2021"):
    rows = [["", "", ""] + [label for _k, label in statistics.TABLE_B_COLUMNS]]
    for key, label, _group, group_label in statistics.table_b_rows(report_format):
        results = key not in ("received", "carried_over", "carried_forward")
        path = [statistics.TABLE_B_RESULTS_HEADING if results else label, group_label or (label if results else ""),
                label if group_label else ""]
        rows.append(path + [value[key][column] for column, _l in statistics.TABLE_B_COLUMNS])
    return rows


def _rows_c(value):
    header_1, header_2, header_3, data = [], [], [], []
    for group, label, sub in statistics.TABLE_C_GROUPS:
        for outcome, outcome_label in statistics.TABLE_C_OUTCOMES:
            header_1.append(label)
            header_2.append(sub or "")
            header_3.append(outcome_label)
            data.append(value[group][outcome])
    return [header_1, header_2, header_3, data]


ROWS = {"proactive_table": _rows_a, "applications_table": _rows_b, "review_litigation_table": _rows_c,
        "proactive_table_2019": lambda v: _rows_a(v, "2019"), "applications_table_2019": lambda v: _rows_b(v, "2019")}


def report_tables(page):
    """[(title, rows)] for every statistics table of the report."""
    return [(TABLE_TYPES[block_type][1], ROWS[block_type](value)) for block_type, value in statistics_blocks(page)]


def format_mismatches(body, report_format):
    """Names of statistics tables that do not belong to the report's format."""
    wrong = []
    for block in body:
        if block.block_type != "section":
            continue
        for child in block.value["content"]:
            table_format = TABLE_FORMATS.get(child.block_type)
            if (table_format and table_format != report_format) or (report_format == "free" and child.block_type in TABLE_TYPES):
                wrong.append(str(child.block.label))
    return wrong


def as_csv(page):
    rows = []
    for index, (title, table) in enumerate(report_tables(page)):
        rows += ([[]] if index else []) + [[title]] + [list(row) for row in table]
    return csv_content(rows)


def as_xlsx(page):
    sheets = [(title.split(" ", 1)[0], [[title], *table], 1) for title, table in report_tables(page)]
    return xlsx_content(sheets, empty_title="报告")


def as_json(page):
    tables = {}
    for block_type, value in statistics_blocks(page):
        key, title = TABLE_TYPES[block_type]
        tables[key] = {"title": title, "values": _jsonable(value)}
    return {"title": page.title, "year": page.year, "format": page.report_format, "tables": tables}


def _jsonable(value):
    if hasattr(value, "items"):
        return {k: _jsonable(v) for k, v in value.items()}
    return plain(value)
