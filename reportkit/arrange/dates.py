"""Dates and times in the wording of OIC / COMCEC reports: "November 1st, 2022", "13.15 – 13.30".

Two styles of date line, as the published reports print them: `ordinal`, "(November 1st,
2022; Virtual Meeting)", the technical meetings' style, and `venue-first`, "(Ankara, 10-11
May 2017)", the Follow-up Committee's and Sessions'. Both join a range of days with a
hyphen, as those reports do; times are joined with a spaced en dash ("13.15 – 13.30").
Names of months and days are spelled out here rather than taken from `strftime`, whose
`%B` follows the machine's locale.
"""

from __future__ import annotations

from datetime import date, time

from reportkit.model import DateStyle, Meeting

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def long_date(day: date) -> str:
    return f"{_month(day)} {ordinal(day.day)}, {day.year}"


def date_range(start: date, end: date | None) -> str:
    """One day, a run of days in one month, or a span across months or years."""
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{_month(start)} {ordinal(start.day)}-{ordinal(end.day)}, {start.year}"
    if start.year == end.year:
        return (
            f"{_month(start)} {ordinal(start.day)} - {_month(end)} {ordinal(end.day)}, {start.year}"
        )
    return f"{long_date(start)} - {long_date(end)}"


def day_month_range(start: date, end: date | None) -> str:
    """Day first: "10 May 2017", "10-11 May 2017", "30 April-2 May 2017", and across years
    "30 December 2017-2 January 2018"."""
    if end is None or end == start:
        return f"{start.day} {_month(start)} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{end.day} {_month(start)} {start.year}"
    if start.year == end.year:
        return f"{start.day} {_month(start)}-{end.day} {_month(end)} {start.year}"
    return f"{start.day} {_month(start)} {start.year}-{end.day} {_month(end)} {end.year}"


def date_line(meeting: Meeting) -> str:
    """The line under the title, in the meeting's date style."""
    if meeting.date_style is DateStyle.VENUE_FIRST:
        days = day_month_range(meeting.date, meeting.end_date)
        return f"({meeting.venue}, {days})" if meeting.venue else f"({days})"
    parts = [date_range(meeting.date, meeting.end_date)]
    if meeting.venue:
        parts.append(meeting.venue)
    return f"({'; '.join(parts)})"


def day_heading(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {long_date(day)}"


def time_slot(start: time, end: time) -> str:
    return f"{start:%H.%M} – {end:%H.%M}"


def _month(day: date) -> str:
    """English month names whatever the machine's locale, so builds agree everywhere."""
    return MONTHS[day.month - 1]
