"""Dates and times in the wording of OIC / COMCEC reports: "November 1st, 2022", "13.15 – 13.30".

Names of months and days are spelled out here rather than taken from `strftime`, whose
`%B` follows the machine's locale.
"""

from __future__ import annotations

from datetime import date, time

from reportkit.model import Meeting

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


def date_line(meeting: Meeting) -> str:
    """The line under the title: "(November 1st, 2022; Virtual Meeting)"."""
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
