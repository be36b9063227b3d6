"""The change note written beside a rebuilt report (`<name>.changes.md`).

It tells the secretariat, before they send the report out, what the corrected workbook
changed, and — when their edited copy was merged rather than replaced — which corrections
arrived as tracked changes, where their own edits and the workbook's collided, and where
the copy of their file from before the build is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportkit.changes.report import ChangeReport

if TYPE_CHECKING:
    from reportkit.publish.report import MergeNote


def change_notes(title: str, changes: ChangeReport | None, merge: MergeNote) -> str:
    if changes is not None:
        text = changes.markdown(title)
    else:
        text = f"# Changes: {title}\n\nNo earlier build of this report to compare with.\n"
    out = [text.rstrip("\n"), ""]
    if merge.applied or merge.conflicts:
        out += [
            "## Merged into the edited report",
            "",
            "Your edits in Word are kept. The workbook's corrections were applied as tracked "
            "changes by reportkit: accept or reject each in Word's Review pane.",
            "",
            *[f"- {line}" for line in merge.applied],
            "",
        ]
    if merge.conflicts:
        out += ["## Conflicts", "", *[f"- {line}" for line in merge.conflicts], ""]
    if merge.kept:
        reason = "rebuilt from the workbook alone" if merge.fresh else "changed by this build"
        out += [
            "## Your copy",
            "",
            f"The report was {reason}; the file as it was before is kept at `{merge.kept}`.",
            "",
        ]
    return "\n".join(out).rstrip("\n") + "\n"
