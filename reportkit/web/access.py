"""Who may use the page: whoever holds the server's token, shown once in the URL printed at
start. The token then lives in an HttpOnly, SameSite=Strict cookie, out of reach of any
script and of other sites' forms; forms also carry a CSRF value derived from it, since a
cookie alone is sent with whatever request a browser is tricked into making."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from urllib.parse import urlencode

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from reportkit.web.language import page_text

COOKIE = "reportkit_token"
CSRF_FIELD = "csrf"
SIGN_IN = "/sign-in"
# Shipped assets hold nothing of a meeting; the sign-in page needs its stylesheet.
OPEN_PREFIX = "/static/"


class Access:
    """The server's token and what is derived from it."""

    def __init__(self, token: str) -> None:
        self._token = token.encode("utf-8")
        self.csrf = hmac.new(self._token, b"reportkit csrf", hashlib.sha256).hexdigest()

    def valid(self, given: str | None) -> bool:
        """Compared in constant time, so the answer's timing tells nothing of the token."""
        return given is not None and hmac.compare_digest(given.encode("utf-8"), self._token)

    def signed_in(self, response: Response, secure: bool) -> Response:
        response.set_cookie(
            COOKIE,
            self._token.decode("utf-8"),
            httponly=True,
            samesite="strict",
            secure=secure,
        )
        return response

    async def form(self, request: Request) -> FormData:
        """The POSTed form, once its CSRF value is this server's (else 403)."""
        form = await request.form(max_files=50, max_fields=50)
        given = form.get(CSRF_FIELD)
        if not isinstance(given, str) or not hmac.compare_digest(given, self.csrf):
            raise HTTPException(
                403, page_text("This form is out of date or did not come from this page.")
            )
        return form


def local_target(given: object) -> str:
    """Where to go after signing in: a path on this server, never another site."""
    if isinstance(given, str) and given.startswith("/") and not given.startswith(("//", "/\\")):
        return given
    return "/"


class RequireToken:
    """Every request but the shipped assets and the sign-in itself needs the token.

    `?token=` in a URL signs the browser in and is taken off the address at once (a
    redirect to the same URL without it), so it stays out of history and bookmarks."""

    def __init__(
        self, app: ASGIApp, access: Access, refuse: Callable[[Request, str], Response]
    ) -> None:
        self.app = app
        self.access = access
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(OPEN_PREFIX):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given = request.query_params.get("token")
        if given is not None:
            response = self._from_query(request, given)
        elif scope["path"] == SIGN_IN or self.access.valid(request.cookies.get(COOKIE)):
            await self.app(scope, receive, send)
            return
        else:
            response = self.refuse(request, "")
        await response(scope, receive, send)

    def _from_query(self, request: Request, given: str) -> Response:
        if not self.access.valid(given):
            return self.refuse(
                request, page_text("That token is not the server's. Check the address.")
            )
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        # A path such as `//elsewhere` would send the browser to another site.
        where = local_target(request.url.path) + (f"?{urlencode(rest)}" if rest else "")
        response = RedirectResponse(where, status_code=303)
        return self.access.signed_in(response, request.url.scheme == "https")
