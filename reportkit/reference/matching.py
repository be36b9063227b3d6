"""How close a typed name is to a known one: one measure for `reportkit delegations
--search`, for the names an unknown delegation's error suggests, and for the names a
template's unknown tag suggests. One measure, so that what the search finds is what the
error suggests ("Bosnia" finds, and suggests, "Bosnia and Herzegovina")."""

from __future__ import annotations

# A name as close as this is found by a search; a little less still makes a suggestion.
FOUND = 80
SUGGESTED = 70


def closeness(wanted: str, key: str) -> float:
    """0–100: full for a name with a word that starts what was typed ("bosnia", "herz" in
    "bosnia and herzegovina"; both as `match_key` gives them), otherwise how alike the two
    are, so that a typo still finds the name. Only at a word's start: "eu" or "ab" inside
    words would make every unknown short name "close" to a dozen others."""
    if wanted and f" {key}".find(f" {wanted}") >= 0:
        return 100.0
    # Loaded here (17 ms at start otherwise): only an unknown name (a delegation, a template's
    # tag) or a search is measured.
    from rapidfuzz import fuzz

    return fuzz.ratio(wanted, key)


def closest(wanted: str, keys: list[str], cutoff: float, limit: int) -> list[tuple[str, float]]:
    """The `limit` keys closest to `wanted`, at least `cutoff` close, closest first."""
    scored = ((key, closeness(wanted, key)) for key in keys)
    return sorted((match for match in scored if match[1] >= cutoff), key=lambda m: -m[1])[:limit]
