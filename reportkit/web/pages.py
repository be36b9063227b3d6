"""The page's answers, one method a route: each finds what the request names (a meeting, a
report) among what is there, never by building a path from it, and answers with a page
rendered on the server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import ImmutableMultiDict, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from reportkit.base.outdir import NotAFile, read_own
from reportkit.problems import InputError
from reportkit.publish.history import report_history
from reportkit.read.safety import MiB
from reportkit.state import STATE_DIR
from reportkit.web.access import Access, local_target
from reportkit.web.builds import Builds
from reportkit.web.edited import built_reports, take_report
from reportkit.web.findings import table
from reportkit.web.language import COOKIE, NAMES, page_language, page_text, switched
from reportkit.web.meetings import Meeting, Meetings, plain_folder
from reportkit.web.outcomes import shown
from reportkit.web.overview import Refusals, overview
from reportkit.web.preview_pages import previews_of
from reportkit.web.starting import FIELDS, Fields, start_meeting, starter_workbook
from reportkit.web.uploads import Upload, take

LANGUAGE_KEPT = 400 * 24 * 3600  # seconds: the longest browsers keep a cookie
MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    # A change note is read in the browser as the text it is (Markdown, meant to be read plain).
    ".md": "text/plain; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class Pages:
    def __init__(
        self,
        meetings: Meetings,
        builds: Builds,
        access: Access,
        templates: Jinja2Templates,
        max_upload: int,
    ) -> None:
        self.meetings = meetings
        self.builds = builds
        self.access = access
        self.templates = templates
        self.max_upload = max_upload
        self.refusals = Refusals()

    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        """The page in the request's language; a `message` that is page text (not one the
        library said of a file) is translated here."""
        language = page_language(request)
        response = self.templates.TemplateResponse(
            request,
            name,
            {
                "csrf": self.access.csrf,
                "max_upload_mb": self.max_upload // MiB,
                "_": language,
                "lang": language.code,
                "direction": language.direction,
                "languages": NAMES,
                **context,
                "message": language(context.get("message", "")),
            },
            status_code=status,
        )
        if switched(request):
            response.set_cookie(COOKIE, language.code, samesite="lax", max_age=LANGUAGE_KEPT)
        return response

    async def home(self, request: Request, message: str = "", status: int = 200) -> Response:
        meetings = [
            overview(m, self.builds.of(m), self.refusals.of(m)) for m in self.meetings.all()
        ]
        return self.render(
            request,
            "meetings.html",
            status,
            meetings=meetings,
            message=message,
            today=date.today().isoformat(),
        )

    async def create(self, request: Request) -> Response:
        """A new meeting's folder; its page then offers the starter workbook with the
        fields the form gave, as `reportkit new` writes it."""
        form = await self.access.form(request)
        name = form.get("name")
        fields = _fields(form)
        started = start_meeting(self.meetings, name if isinstance(name, str) else "", fields)
        if started.meeting is None:
            return await self.home(request, started.problem, 400)
        query = fields.query()
        return RedirectResponse(
            _meeting_url(started.meeting) + (f"?{query}" if query else ""), status_code=303
        )

    async def meeting(self, request: Request) -> Response:
        meeting = self._meeting(request)
        query = _fields(request.query_params).query()
        starter = f"{_meeting_url(meeting)}/starter.xlsx" + (f"?{query}" if query else "")
        if self.builds.running(meeting):  # its PDFs are being made: previewed when it ends
            return self._meeting_page(request, meeting, starter=starter)
        previews = await run_in_threadpool(previews_of, self.meetings, meeting)
        return self._meeting_page(request, meeting, previews=previews, starter=starter)

    async def starter(self, request: Request) -> Response:
        """The meeting's starter workbook, made now from the fields in the address."""
        meeting = self._meeting(request)
        data = await run_in_threadpool(starter_workbook, _fields(request.query_params))
        if data is None:
            raise HTTPException(400, page_text("The day is not a date: give it as 2024-10-05."))
        return _sent(data, f"{meeting.name}.xlsx")

    def _meeting_page(
        self, request: Request, meeting: Meeting, status: int = 200, **context: Any
    ) -> Response:
        build = self.builds.of(meeting)
        return self.render(
            request,
            "meeting.html",
            status,
            meeting=meeting,
            build=build,
            running=self.builds.running(meeting),
            outcomes=[shown(o, meeting) for o in build.outcomes] if build else [],
            edited=built_reports(meeting),
            notes=meeting.notes(),
            **{"checked": [], "previews": [], "starter": "", **context},
        )

    async def upload(self, request: Request) -> Response:
        meeting = self._meeting(request)
        form = await self.access.form(request)
        try:
            files = [f for f in form.getlist("workbooks") if isinstance(f, UploadFile)]
            uploads = [Upload(f.filename or "", await f.read()) for f in files]
        finally:
            await form.close()
        uploads = [u for u in uploads if u.name or u.data]  # a form sent with no file chosen
        if not uploads:
            return self._meeting_page(
                request,
                meeting,
                400,
                message=page_text("Choose one or more .xlsx workbooks to upload."),
            )
        checked = await run_in_threadpool(take, meeting, uploads)
        if all(c.accepted for c in checked):
            if self.builds.start(meeting):
                return RedirectResponse(_meeting_url(meeting), status_code=303)
            return self._meeting_page(
                request,
                meeting,
                409,
                message=page_text(
                    "Saved, but a build of this meeting is running: build again when it ends."
                ),
            )
        tables = [table(c.problems) for c in checked]
        self.refusals.note(meeting, tables, sum(1 for c in checked if c.refusal))
        return self._meeting_page(
            request,
            meeting,
            400 if any(c.refusal for c in checked) else 422,
            checked=list(zip(checked, tables, strict=True)),
            message=page_text(
                "Nothing was saved or built: put right what is said below and upload again."
            ),
        )

    async def build(self, request: Request) -> Response:
        meeting = self._meeting(request)
        await self.access.form(request)
        if not meeting.workbooks():
            return self._meeting_page(
                request, meeting, 400, message=page_text("Upload a workbook first.")
            )
        if not self.builds.start(meeting):
            return self._meeting_page(
                request,
                meeting,
                409,
                message=page_text("A build of this meeting is already running."),
            )
        return RedirectResponse(_meeting_url(meeting), status_code=303)

    async def upload_report(self, request: Request) -> Response:
        meeting = self._meeting(request)
        form = await self.access.form(request)
        try:
            chosen = form.get("report")
            edited = (
                Upload(chosen.filename or "", await chosen.read())
                if isinstance(chosen, UploadFile)
                else None
            )
        finally:
            await form.close()
        if edited is None or not (edited.name or edited.data):
            message = page_text("Choose the edited report (.docx) to upload.")
            return self._meeting_page(request, meeting, 400, message=message)
        if self.builds.running(meeting):
            message = page_text(
                "A build of this meeting is running: upload the report again when it ends."
            )
            return self._meeting_page(request, meeting, 409, message=message)
        taken = await run_in_threadpool(take_report, meeting, edited)
        _ = page_language(request)
        if taken.refusal:
            message = _("%(name)s was not saved: %(why)s", name=taken.name, why=_(taken.refusal))
            return self._meeting_page(request, meeting, 400, message=message)
        said = [
            _(
                "%(name)s uploaded: the build merges the workbook's corrections into it.",
                name=taken.name,
            )
        ]
        if taken.kept:
            said.append(
                _(
                    "The report it replaced held changes no build had merged yet: "
                    "it is kept at %(kept)s.",
                    kept=taken.kept,
                )
            )
        if self.builds.start(meeting, tuple(said)):
            return RedirectResponse(_meeting_url(meeting), status_code=303)
        said.append(_("A build of this meeting is running: build again when it ends."))
        return self._meeting_page(request, meeting, 409, message=" ".join(said))

    async def report(self, request: Request) -> Response:
        missing = page_text("There is no such report in this meeting.")
        return await self._file(request, self.meetings.report, missing)

    async def note(self, request: Request) -> Response:
        missing = page_text("There is no such change note in this meeting.")
        return await self._file(request, self.meetings.note, missing)

    async def workbook(self, request: Request) -> Response:
        missing = page_text("There is no such workbook in this meeting.")
        return await self._file(request, self.meetings.workbook, missing)

    async def kept(self, request: Request) -> Response:
        missing = page_text("There is no such kept copy in this meeting.")
        return await self._file(request, self.meetings.kept, missing)

    async def _file(
        self, request: Request, find: Callable[[Meeting, str], Path | None], missing: str
    ) -> Response:
        """The meeting's file the address names, as `find` finds it (never a path built from
        the address), else 404 saying `missing`."""
        meeting = self._meeting(request)
        name = request.path_params["name"]
        path = find(meeting, name)
        data = await run_in_threadpool(_own_bytes, path) if path else None
        if data is None:
            raise HTTPException(404, missing)
        shown = "inline" if name.endswith(".md") else "attachment"
        return _sent(data, name, shown)

    async def history(self, request: Request) -> Response:
        """What `reportkit history` lists of one of the meeting's reports."""
        meeting = self._meeting(request)
        name = request.path_params["name"]
        known = name in {r.name for r in meeting.reports()}
        if not known or not plain_folder(meeting.outputs / STATE_DIR):
            raise HTTPException(404, page_text("There is no such report in this meeting."))
        try:
            records = await run_in_threadpool(report_history, meeting.outputs / name)
        except InputError as error:
            said = error.problems[0]
            raise HTTPException(404, meeting.relative(said.said)) from None
        # The record names the workbook where the server keeps it: the page gives its name.
        builds = [(record, Path(record.workbook).name) for record in records]
        kept = {listed.name for listed in meeting.kept()}
        return self.render(
            request, "history.html", meeting=meeting, report=name, builds=builds, kept=kept
        )

    async def sign_in(self, request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=5)
        token = form.get("token")
        if not self.access.valid(token if isinstance(token, str) else None):
            return self.refuse_sign_in(request, page_text("That token is not the server's."))
        response = RedirectResponse(local_target(form.get("next")), status_code=303)
        return self.access.signed_in(response, request.url.scheme == "https")

    def refuse_sign_in(self, request: Request, message: str) -> Response:
        target = request.url.path if request.method == "GET" else "/"
        return self.render(request, "sign_in.html", 401, message=message, next=target)

    def too_big(self, request: Request, limit: int) -> Response:
        path = request.url.path
        back = path.rpartition("/")[0] if path.endswith(("/upload", "/edited")) else "/"
        _ = page_language(request)
        message = _(
            "The upload is bigger than this server takes (%(most)s MB at most): "
            "upload fewer workbooks at once, or smaller ones.",
            most=limit // MiB,
        )
        return self.render(request, "message.html", 413, message=message, back=back)

    async def error(self, request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        return self.render(
            request, "message.html", error.status_code, message=error.detail, back="/"
        )

    def _meeting(self, request: Request) -> Meeting:
        meeting = self.meetings.find(request.path_params["meeting"])
        if meeting is None:
            raise HTTPException(404, page_text("There is no such meeting."))
        return meeting


def _meeting_url(meeting: Meeting) -> str:
    return f"/meetings/{quote(meeting.name, safe='')}"


def _sent(data: bytes, name: str, shown: str = "attachment") -> Response:
    """The file's bytes under its own name: downloaded, or `inline` to be read in the browser."""
    return Response(
        data,
        media_type=MEDIA_TYPES[Path(name).suffix],
        headers={"Content-Disposition": f"{shown}; filename*=UTF-8''{quote(name)}"},
    )


def _own_bytes(path: Path) -> bytes | None:
    """The file's bytes if it is still a regular file and not a link when opened."""
    try:
        return read_own(path)
    except (NotAFile, OSError):
        return None


def _fields(given: ImmutableMultiDict[str, Any]) -> Fields:
    """The new meeting's fields from a form or an address's query; anything but text
    (a file) taken as not given."""
    typed = {name: value if isinstance(value := given.get(name), str) else "" for name in FIELDS}
    editions = tuple(e for e in given.getlist("editions") if isinstance(e, str))
    return Fields(**typed, editions=editions)
