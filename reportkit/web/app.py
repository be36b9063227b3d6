"""The web application, made by `create_app` for one folder of meetings and one token."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from reportkit.read.safety import MiB
from reportkit.web.access import SIGN_IN, Access, RequireToken
from reportkit.web.builds import Builds
from reportkit.web.headers import SafeHeaders
from reportkit.web.limits import LimitBody
from reportkit.web.meetings import Meetings
from reportkit.web.pages import Pages
from reportkit.web.preview_pages import PreviewPages
from reportkit.web.requestlog import RequestLog
from reportkit.web.stop import lifespan

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_UPLOAD = 20 * MiB


def create_app(
    folder: Path, token: str, max_upload: int = DEFAULT_MAX_UPLOAD, builds: int | None = None
) -> Starlette:
    """The page over the meetings in `folder`, for whoever holds `token`; a request body
    over `max_upload` bytes is refused; at most `builds` builds run at once (default: one
    per CPU). The app's `state.builds` is its `Builds`, stopped at the app's shutdown."""
    access = Access(token)
    meetings = Meetings(folder)
    running = Builds(builds) if builds else Builds()
    pages = Pages(meetings, running, access, _templates(), max_upload)
    previews = PreviewPages(meetings)
    routes = [
        Route("/", pages.home, methods=["GET"]),
        Route("/meetings", pages.create, methods=["POST"]),
        Route("/meetings/{meeting}", pages.meeting, methods=["GET"]),
        Route("/meetings/{meeting}/upload", pages.upload, methods=["POST"]),
        Route("/meetings/{meeting}/build", pages.build, methods=["POST"]),
        Route("/meetings/{meeting}/reports/{name}", pages.report, methods=["GET"]),
        Route("/meetings/{meeting}/edited", pages.upload_report, methods=["POST"]),
        Route("/meetings/{meeting}/history/{name}", pages.history, methods=["GET"]),
        Route("/meetings/{meeting}/kept/{name}", pages.kept, methods=["GET"]),
        Route("/meetings/{meeting}/workbooks/{name}", pages.workbook, methods=["GET"]),
        Route("/meetings/{meeting}/starter.xlsx", pages.starter, methods=["GET"]),
        Route("/meetings/{meeting}/notes/{name}", pages.note, methods=["GET"]),
        Route("/meetings/{meeting}/preview/{name}/{page}.png", previews.picture, methods=["GET"]),
        Route(SIGN_IN, pages.sign_in, methods=["POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [
        Middleware(RequestLog),
        Middleware(SafeHeaders),
        Middleware(RequireToken, access=access, refuse=pages.refuse_sign_in),
        Middleware(LimitBody, limit=max_upload, refuse=pages.too_big),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: pages.error},
        lifespan=lifespan(running),
    )
    app.state.builds = running
    return app


def _templates() -> Jinja2Templates:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["urlquote"] = lambda text: quote(str(text), safe="")
    # Text always read left to right (a date and time) set apart inside a sentence that may
    # be Arabic, where it would otherwise be laid out in the wrong order.
    environment.filters["ltr"] = lambda text: f"\u2066{text}\u2069"
    return Jinja2Templates(env=environment)
