"""The language a page is written in: English, French or Arabic, the OIC's working
languages and the editions reportkit builds. Chosen by the switch at the top of every page
(remembered in a cookie), else by the browser's Accept-Language, else English.

Page text is written in English in the templates and the code, and looked up in
`words/fr.json` and `words/ar.json`, keyed by that English text: a translator edits one
plain file per language, and a test holds every key used to have its translation. What the
library says of a workbook (its problems, the build's lines) stays as the command line
prints it, in English."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from starlette.requests import Request

NAMES = {"en": "English", "fr": "Français", "ar": "العربية"}
RIGHT_TO_LEFT = frozenset({"ar"})
COOKIE = "reportkit_lang"
QUERY = "lang"
WORDS = Path(__file__).resolve().parent / "words"


@dataclass(frozen=True)
class PageLanguage:
    """A callable the templates know as `_`: the text in this language, with its named
    `%(placeholders)s` filled."""

    code: str
    words: Mapping[str, str]

    @property
    def direction(self) -> str:
        return "rtl" if self.code in RIGHT_TO_LEFT else "ltr"

    def __call__(self, text: str, **values: object) -> str:
        said = self.words.get(text, text)
        return said % values if values else said


def page_language(request: Request) -> PageLanguage:
    code = switched(request) or request.cookies.get(COOKIE) or ""
    if code not in NAMES:
        code = accepted(request.headers.get("accept-language", ""))
    return PageLanguage(code, words(code))


def switched(request: Request) -> str | None:
    """The language the switch asked for in this request, to remember; None when none
    (or one the page is not written in) was asked for."""
    asked = request.query_params.get(QUERY)
    return asked if asked in NAMES else None


def accepted(header: str) -> str:
    """The browser's most wanted language the page is written in (`fr-CA;q=0.8` counts as
    French), English when it wants none of them."""
    best, best_weight = "en", 0.0
    for part in header.split(","):
        tag, _, parameters = part.strip().partition(";")
        primary = tag.strip().split("-")[0].lower()
        weight = _weight(parameters)
        if primary in NAMES and weight > best_weight:
            best, best_weight = primary, weight
    return best


def _weight(parameters: str) -> float:
    name, _, value = parameters.strip().partition("=")
    if name.strip() != "q":
        return 1.0
    try:
        return max(0.0, min(1.0, float(value)))
    except ValueError:
        return 0.0


@cache
def words(code: str) -> Mapping[str, str]:
    """English text → this language's, from `words/<code>.json`; English's own is empty."""
    path = WORDS / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def page_text(text: str) -> str:
    """Marks English page text said where the request's language is not at hand (an
    exception's detail, a refusal): `Pages.render` translates it when the page is made."""
    return text
