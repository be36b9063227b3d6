"""The server's stop (Ctrl-C, SIGTERM): uvicorn stops taking requests, lets those under way
finish, then runs the application's lifespan shutdown, which is where the builds are
finished or abandoned (`Builds.stop`), so that the server exits with nothing writing in any
meeting's outputs and everything there as `reportkit build` accepts it."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import anyio.to_thread
from starlette.applications import Starlette

from reportkit.web.builds import Builds

# How long running builds are given to end once the server is asked to stop. A meeting's
# reports and their PDFs take seconds, the largest meetings' under a minute; waiting that
# long spares a rebuild, but the person pressing Ctrl-C (or a service manager, systemd
# kills after 90 s) should not wait for more. A second Ctrl-C or SIGTERM abandons them
# at once.
GRACE_SECONDS = 30.0


def lifespan(builds: Builds) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def serving(_: Starlette) -> AsyncIterator[None]:
        yield
        # In a thread: the event loop stays free to hear a second Ctrl-C.
        await anyio.to_thread.run_sync(stop_builds, builds, GRACE_SECONDS)

    return serving


def stop_builds(builds: Builds, grace: float) -> None:
    """`builds.stop(grace)`, saying on stderr what it waits for and what it abandoned."""
    running = builds.busy()
    if running:
        print(
            f"stopping: waiting up to {grace:g} s for {running} running "
            f"build{'s' * (running != 1)} to end (Ctrl-C again to abandon them now)",
            file=sys.stderr,
            flush=True,
        )
    for meeting in builds.stop(grace):
        print(
            f"{meeting.name}: its build was abandoned; its reports are as they were before "
            "it, or as it left them built — build it again",
            file=sys.stderr,
            flush=True,
        )
