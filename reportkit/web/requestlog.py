"""One line on stderr per request, for whoever runs the server: when, who, what, how it
ended, how long it took. The path is logged as sent (percent-encoded) and without its query,
so that neither the token nor a hostile URL's control characters reach the log."""

from __future__ import annotations

import sys
from datetime import datetime
from time import perf_counter

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class RequestLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = perf_counter()
        status = 500  # unless a response starts: the app failed before answering

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            print(_line(scope, status, perf_counter() - start), file=sys.stderr, flush=True)


def _line(scope: Scope, status: int, seconds: float) -> str:
    client = scope.get("client")
    who = client[0] if client else "-"
    path = scope.get("raw_path") or scope["path"].encode("utf-8")
    shown = path.decode("ascii", "backslashreplace")
    when = datetime.now().astimezone().isoformat(timespec="seconds")
    return f"{when} {who} {scope['method']} {shown} {status} {seconds * 1000:.0f} ms"
