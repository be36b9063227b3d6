"""What became of a report in a build.

Apart from publishing (`report`, which loads python-docx through the report's stamp): a
batch that finds every report up to date says so without loading it.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    BUILT = "built"
    MERGED = "merged"
    UNCHANGED = "unchanged"
    FAILED = "failed"
