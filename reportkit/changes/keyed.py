"""Rows keyed for comparison between two versions of a sheet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def keyed(items: Iterable[T], key: Callable[[T], K]) -> dict[tuple[K, int], T]:
    """Items by key and occurrence, so two rows with one key are two things, not one."""
    values = list(items)
    return dict(zip(_numbered(key(v) for v in values), values, strict=True))


def _numbered(keys: Iterable[K]) -> list[tuple[K, int]]:
    seen: Counter[K] = Counter()
    numbered = []
    for key in keys:
        numbered.append((key, seen[key]))
        seen[key] += 1
    return numbered
