"""Working days for the deadlines of 第三十三条: Chinese public holidays and 调休 working weekends come from the
chinesecalendar library; an editable override (WorkdayOverride) covers years it does not know yet or local
arrangements. Years neither covers fall back to Monday–Friday, and say so."""

import datetime

import chinese_calendar


def _overrides(start, end):
    from .models import WorkdayOverride

    return dict(WorkdayOverride.objects.filter(date__range=(start, end)).values_list("date", "is_workday"))


def is_workday(day, overrides=None):
    if overrides is not None and day in overrides:
        return overrides[day]
    if overrides is None:
        found = _overrides(day, day)
        if day in found:
            return found[day]
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:  # a year the library does not cover yet
        return day.weekday() < 5


def covered(year):
    """Whether the holiday calendar knows this year (otherwise only weekends and overrides count)."""
    try:
        chinese_calendar.is_workday(datetime.date(year, 6, 1))
        return True
    except NotImplementedError:
        return False


def add_workdays(start, count, paused=()):
    """The date on which the `count`-th working day after `start` falls, not counting days inside a paused
    window (begin, end] — while waiting for 补正 or a third party. While a window is still open (end None) the
    clock is stopped and there is no date: None."""
    if any(end is None for _begin, end in paused):
        return None
    if count <= 0:
        return start
    pause_days = sum((end - begin).days for begin, end in paused)
    overrides = _overrides(start, start + datetime.timedelta(days=count * 3 + 120 + pause_days))
    day, counted = start, 0
    while counted < count:
        day += datetime.timedelta(days=1)
        if any(begin < day <= end for begin, end in paused):
            continue
        if is_workday(day, overrides):
            counted += 1
    return day


def workdays_between(start, end, paused=()):
    """Working days after `start` up to and including `end`, less paused days (negative if end < start)."""
    if end < start:
        return -workdays_between(end, start, paused)
    overrides = _overrides(start, end)
    count, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if any(begin < day and (stop is None or day <= stop) for begin, stop in paused):
            continue
        if is_workday(day, overrides):
            count += 1
    return count
