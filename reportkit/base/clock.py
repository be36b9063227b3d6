"""Time as reportkit stamps it: reproducible when the reproducible-builds convention asks."""

from __future__ import annotations

import os
from datetime import UTC, datetime


def source_date() -> datetime | None:
    """SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set: builds then never read the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)


def build_time() -> datetime:
    """When this build happens (UTC, whole seconds): SOURCE_DATE_EPOCH, else the clock."""
    return source_date() or datetime.now(UTC).replace(tzinfo=None, microsecond=0)
