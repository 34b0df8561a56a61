"""Table B of the annual report, computed from the year's applications."""

import datetime

from . import outcomes
from .models import InformationRequest


def table_b(year):
    """Rows of table B (2021 format) as {row: {column: count}}. By construction 一 + 二 = （七）+ 四 in every column."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    value = {key: {column: 0 for column, _l in outcomes.TABLE_B_COLUMNS} for key, *_rest in outcomes.table_b_rows("2021")}

    def add(row, applicant):
        value[row][applicant] += 1
        value[row]["total"] += 1

    requests = InformationRequest.objects.filter(received_on__lte=end).exclude(answered_on__lt=start)
    for request in requests.only("applicant_type", "received_on", "answered_on", "outcome"):
        applicant = request.applicant_type
        add("received" if request.received_on >= start else "carried_over", applicant)
        if request.answered_on is not None and request.answered_on <= end and request.outcome:
            add(request.outcome, applicant)
            add("results_total", applicant)
        else:
            add("carried_forward", applicant)
    return value
