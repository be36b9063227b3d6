"""The previews of a meeting's reports on its page, and the route serving their pictures:
each Word report with the pictures of its PDF's first pages (`previews`), or one line on
why there are none. A picture is found as a report is (`Meetings.report`), by a plain PDF
name in the meeting's `outputs/` and a page number, never by a path the client sends."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from reportkit.web.language import page_text
from reportkit.web.meetings import Meeting, Meetings
from reportkit.web.previews import MOST_PAGES, Preview, picture, preview

NO_PDF = page_text(
    "there is no PDF of this report (the build makes one when LibreOffice is on the server)"
)
# More digits than any preview's page number: refused before Python reads them as a number.
MOST_DIGITS = len(str(MOST_PAGES))


@dataclass(frozen=True)
class Shown:
    """A Word report of the meeting and its PDF's preview ("" for `pdf` when it has none)."""

    report: str
    pdf: str
    preview: Preview


def previews_of(meetings: Meetings, meeting: Meeting) -> list[Shown]:
    """Each Word report in the meeting's `outputs/` with its PDF's preview, drawn if new;
    slow the first time (poppler draws each page), so run it off the event loop."""
    reports = meeting.reports()
    names = {listed.name for listed in reports}
    shown = []
    for listed in reports:
        if not listed.name.endswith(".docx"):
            continue
        pdf = f"{Path(listed.name).stem}.pdf"
        path = meetings.report(meeting, pdf) if pdf in names else None
        if path is None:
            shown.append(Shown(listed.name, "", Preview(why=NO_PDF)))
        else:
            shown.append(Shown(listed.name, pdf, preview(meeting.outputs, path)))
    return shown


class PreviewPages:
    def __init__(self, meetings: Meetings) -> None:
        self.meetings = meetings

    async def picture(self, request: Request) -> Response:
        """One page's PNG of a report PDF's preview."""
        meeting = self.meetings.find(request.path_params["meeting"])
        name = request.path_params["name"]
        page = request.path_params["page"]
        pdf = self.meetings.report(meeting, name) if meeting and name.endswith(".pdf") else None
        number = int(page) if page.isascii() and page.isdigit() and len(page) <= MOST_DIGITS else 0
        data = None
        if meeting and pdf and number:
            data = await run_in_threadpool(picture, meeting.outputs, pdf, number)
        if data is None:
            raise HTTPException(
                404, page_text("There is no such page of a report in this meeting.")
            )
        return Response(data, media_type="image/png")
