"""Tidying a meeting's outputs after the server abandoned its build at stop.

Every file a build writes is written beside its target and renamed into place, and every
record is a SQLite transaction, so a worker killed midway leaves the old file or the new
one and a consistent state store; what it leaves besides is its temporary files. Those are
removed when the same file is next written, which may be long in coming (a PDF, a change
note), so here they are removed at once, once the workers that wrote them are dead.
"""

from __future__ import annotations

from reportkit.base.write import remove_all_leftovers
from reportkit.publish.pdf import remove_abandoned
from reportkit.state.folder import STATE_DIR
from reportkit.web.meetings import Meeting, plain_folder


def tidy(meeting: Meeting) -> None:
    """Remove what the meeting's abandoned build left in `outputs/`: the temporary files of
    its dead workers, and the folders of a LibreOffice conversion killed midway."""
    outputs = meeting.outputs
    if not plain_folder(outputs):
        return
    remove_all_leftovers(outputs)
    state = outputs / STATE_DIR
    if plain_folder(state):
        remove_abandoned(state)
