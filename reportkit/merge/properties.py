"""The properties of a merged report: reportkit's merge, not the person's last save.

The merged file is the person's copy with the workbook's corrections written into it, so
it kept what Word wrote when they saved it: Word's app.xml (its page and word counts, now
wrong), their name as the last to modify it and the date of that save. The file on disk is
reportkit's writing of that date, so its package says so, as a build's does (`clean_package`):
reportkit as the application and the last to modify it, modified at the merge. When it was
created, and by whom, stay the person's copy's.
"""

from __future__ import annotations

from datetime import datetime

from docx.document import Document

from reportkit.render.package import clean_package


def mark_merged(document: Document, when: datetime) -> None:
    clean_package(document)
    properties = document.core_properties
    properties.last_modified_by = "reportkit"
    properties.modified = when
