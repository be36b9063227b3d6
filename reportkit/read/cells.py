"""Turning raw Excel cell values into clean Python values.

Cells arrive pasted from e-mails and registration systems: OOXML `_xHHHH_` escapes that
a reader may leave in place, Alt+Enter line breaks stored as vertical tabs, non-breaking
spaces, characters XML cannot hold. Everything downstream may assume clean NFC text.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
LINE_BREAKS = re.compile(r"\r\n|\r|\x0b|\u2028|\u2029")
# What XML 1.0 cannot hold (outside its `Char`), and CR, as line breaks are LF by then.
# Named directly: the same class written as the negation of what may stay takes 10 ms to
# compile, at every start.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u3000]+")

EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)


def clean_text(value: str) -> tuple[str, bool]:
    """Clean one cell's text; the flag says whether unprintable characters were dropped.

    Line breaks survive as `\\n` (multi-line cells mean something: one bullet per line);
    runs of spaces collapse and each line is trimmed.
    """
    if _already_clean(value):
        return value, False
    return full_clean(value)


def full_clean(value: str) -> tuple[str, bool]:
    """`clean_text` without its shortcut for text that is clean already."""
    text = _OOXML_ESCAPE.sub(lambda m: chr(int(m[1], 16)), value)
    text = LINE_BREAKS.sub("\n", text)
    cleaned = XML_ILLEGAL.sub("", text)
    dropped = cleaned != text
    cleaned = unicodedata.normalize("NFC", cleaned)
    lines = [_SPACES.sub(" ", line).strip() for line in cleaned.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines), dropped


def _already_clean(value: str) -> bool:
    """Text the cleaning would leave as it is: most cells, checked at C speed. `isprintable`
    is false for every line break, tab, control character, non-ASCII space and unassigned or
    private character, each of which the full cleaning handles."""
    return (
        value.isprintable()
        and "_x" not in value
        and "  " not in value
        and value == value.strip()
        and unicodedata.is_normalized("NFC", value)
    )


def one_line(text: str) -> str:
    """Fields printed on one line (names, headings) take line breaks as spaces."""
    if "\n" not in text:
        return text
    return " ".join(part for part in text.split("\n") if part)


def as_text(value: object) -> str:
    """Any cell value as the text a reader of the sheet would see."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value)


_EXCEL_EPOCH = datetime(1899, 12, 30)

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%d %B, %Y",
    "%A, %d %B %Y",
    "%A, %B %d, %Y",
    "%Y/%m/%d",
)
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(st|nd|rd|th)\b", re.IGNORECASE)


def to_date(value: object) -> date | None:
    """An Excel date, a date serial number, or a date typed as text in a common form."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return (_EXCEL_EPOCH + timedelta(days=int(value))).date()
        return None
    if isinstance(value, str):
        text = _ORDINAL_SUFFIX.sub("", value.strip())
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
    return None


_DAY_MONTH = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s*$")


def swapped_reading(value: object) -> date | None:
    """The other date a text such as `05/10/2024` could mean, when both readings are dates.

    Text dates are read day first (5 October 2024), as outside the United States; a day
    and month both 12 or less might have been typed month first, which is worth saying.
    """
    if not isinstance(value, str):
        return None
    match = _DAY_MONTH.match(value)
    if match is None:
        return None
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    if first == second or first > 12 or second > 12:
        return None
    return date(year, first, second)


_TIME_TEXT = re.compile(
    r"^\s*(\d{1,2})\s*(?:[.:h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$", re.IGNORECASE
)


def to_time(value: object) -> time | None:
    """An Excel time, a fraction of a day, or a time typed as `13.15`, `13:15`, `1:15 pm`."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        return time(*divmod(minutes, 60)) if 0 <= minutes < 24 * 60 else None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1:
            minutes = round(value * 24 * 60)
            return time(*divmod(minutes, 60)) if minutes < 24 * 60 else None
        return None
    if isinstance(value, str):
        match = _TIME_TEXT.match(value)
        if not match:
            return None
        hour, minute = int(match[1]), int(match[2] or 0)
        meridiem = (match[3] or "").replace(".", "").lower()
        if meridiem:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    return None


# A time typed in a cell formatted as time comes back from the reader as a day of January
# 1900 when Excel stored it as a number (`9.30` → 9.3 → 9 January 1900, 07:12): day 1 of
# Excel's 1900 date system is 1 January 1900, so its day 0 is 31 December 1899.
_NUMBER_AS_DATE = datetime(1900, 1, 25)
_DAY_ZERO = datetime(1899, 12, 31)


def typed_number(value: object) -> float | None:
    """The number a cell holds where a time was meant: `9.30` typed in Excel is the number 9.3.

    Fractions of a day (below 1) are Excel's own times, not numbers typed for a time.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and value >= 1:
        return float(value)
    if isinstance(value, datetime) and value < _NUMBER_AS_DATE:
        return round((value - _DAY_ZERO) / timedelta(days=1), 6)
    return None


def number_as_time(number: float) -> time | None:
    """9.3 → 09.30, 10.15 → 10.15, 10 → 10.00: hours, then minutes as the two decimals."""
    hours = int(number)
    minutes = round((float(number) - hours) * 100, 6)
    if not minutes.is_integer() or hours > 23 or minutes > 59:
        return None
    return time(hours, int(minutes))


def format_number(number: float) -> str:
    """9.3 as `9.3`, 10.0 as `10`: the number as Excel shows it in a General cell."""
    return f"{number:g}"
