"""Every CSV and Excel file the site makes is written here, so that none can carry a live formula.

Text typed by the public (a name, a comment) reaches the 公开办's and the 办公室's spreadsheets. A cell that begins
with =, +, -, @, a tab or a carriage return is a formula to Excel and LibreOffice (“CSV injection”,
=HYPERLINK(…) sending a neighbouring cell to another site). Following OWASP's advice, such text gets a leading
apostrophe in CSV; in XLSX it is stored as text with Excel's own “quote prefix” mark, so it shows as typed and is
never evaluated. Numbers stay numbers (a negative count in an annual report table is not text)."""

import csv
import io

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def is_formula_like(value):
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralise(value):
    """The CSV form of one cell."""
    return "'" + value if is_formula_like(value) else value


def plain(value):
    """Decimals (report tables) as numbers, lazy translations as text."""
    if hasattr(value, "as_tuple"):
        return float(value)
    if value is None or isinstance(value, (int, float, str)) or hasattr(value, "isoformat"):
        return value
    return str(value)


def csv_content(rows):
    """Rows as CSV text, with a byte-order mark so that Excel opens the UTF-8 file as UTF-8."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([neutralise(plain(cell)) for cell in row])
    return out.getvalue()


def xlsx_content(sheets, empty_title="Sheet1"):
    """sheets: (title, rows, number of bold heading rows) each; the result is the workbook's bytes (with one empty
    sheet called `empty_title` when there is nothing to write)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows, bold_rows in sheets:
        sheet = workbook.create_sheet(title=str(title)[:31])
        for number, row in enumerate(rows, start=1):
            sheet.append([plain(cell) for cell in row])
            for cell in sheet[number]:
                if is_formula_like(cell.value):
                    cell.data_type, cell.quotePrefix = "s", True
                if number <= bold_rows:
                    cell.font = Font(bold=True)
    if not workbook.worksheets:
        workbook.create_sheet(title=empty_title)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def download(content, filename):
    """An attachment response; the type follows the file name's extension."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[filename.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def table_download(kind, filename, header, rows, title="Sheet1"):
    """One table with a heading row, as `kind` (csv or xlsx); `filename` without its extension."""
    rows = [header, *rows]
    content = csv_content(rows) if kind == "csv" else xlsx_content([(title, rows, 1)])
    return download(content, f"{filename}.{kind}")


class SafeSpreadsheetExportMixin:
    """For Wagtail's list_export views (snippets, reports): its CSV writer copies cells as they are, and its XLSX
    writer stores formula-like text as text without the quote-prefix mark (so an edit of the cell would run it)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise(value) if export_format == "csv" else value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            if is_formula_like(cell.value):
                cell.data_type, cell.quotePrefix = "s", True
            yield cell
