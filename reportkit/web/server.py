"""uvicorn's server, taught how the page's builds stop: a second Ctrl-C or SIGTERM abandons
the running builds at once instead of at the end of their grace (`reportkit.web.stop`),
and a forced exit still runs the app's shutdown, which stops them."""

from __future__ import annotations

import socket
import threading
from types import FrameType

import uvicorn
from uvicorn.lifespan.on import LifespanOn

from reportkit.web.builds import Builds


class Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, builds: Builds) -> None:
        super().__init__(config)
        self.builds = builds

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.should_exit:  # asked to stop before: hurry
            # In a thread: a signal handler must not wait for a lock the code it
            # interrupted may hold.
            threading.Thread(target=self.builds.hurry, daemon=True).start()
        super().handle_exit(sig, frame)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await super().shutdown(sockets)
        if isinstance(self.lifespan, LifespanOn) and not self.lifespan.shutdown_event.is_set():
            # uvicorn skips the app's shutdown on a forced exit (a second Ctrl-C while
            # requests are still under way); without it the builds' workers would go on
            # writing, and the app's waiting for it would end in a traceback.
            await self.lifespan.shutdown()
