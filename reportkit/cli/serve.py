"""`reportkit serve`: the web page over a folder of meetings (`reportkit.web`), served by
uvicorn; starlette and uvicorn load only when it runs, so `reportkit --help` stays fast."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from reportkit.cli.help import USAGE, epilog

if TYPE_CHECKING:
    import socket

    from reportkit.web.server import Server

TOKEN_VARIABLE = "REPORTKIT_TOKEN"
BACKLOG = 2048  # uvicorn's own


@click.command(
    short_help="Serve a web page to upload workbooks and download reports.",
    epilog=epilog(
        [
            "reportkit serve                         # the meetings in this folder",
            "reportkit serve meetings/ --port 8080",
            "reportkit serve meetings/ --host 0.0.0.0 --max-upload 50",
            "reportkit serve meetings/ --builds 1    # one build at a time",
            "REPORTKIT_TOKEN=… reportkit serve meetings/",
        ],
        [
            (0, "stopped with Ctrl-C or SIGTERM"),
            (1, "the address cannot be used (taken, or not this machine's)"),
            USAGE,
        ],
    ),
)
@click.argument(
    "folder",
    default=".",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free one).",
)
@click.option(
    "--token",
    help=f"The token the page asks for [default: {TOKEN_VARIABLE}, else a new random one].",
)
@click.option(
    "--max-upload",
    default=20,
    show_default=True,
    type=click.IntRange(min=1),
    help="Largest upload taken at once, in MB.",
)
@click.option(
    "--builds",
    type=click.IntRange(min=1),
    help="Builds run at once, across meetings; the others wait for their turn "
    "[default: the number of CPUs].",
)
def serve(
    folder: Path, host: str, port: int, token: str | None, max_upload: int, builds: int | None
) -> None:
    """Serve the web page for the meetings in FOLDER (default: this folder).

    Each meeting is a sub-folder of FOLDER holding its workbooks; its reports and build
    state are in its outputs/ folder, as `reportkit build -o outputs` run there leaves
    them, so the page and the command line work on the same files. The page asks for a
    token: open the address printed at start, which carries it. Listening on an address
    other than this machine's own (loopback) lets the network reach the page: put it
    behind a proxy serving HTTPS.

    Builds run in worker processes, so the page answers while they run. Ctrl-C or SIGTERM
    stops the server: no build starts any more, running builds are given 30 seconds to
    end, then abandoned (a second Ctrl-C or SIGTERM at once), their reports left as
    before or as built, never half-written.
    """
    # Loaded here, not with the module: `reportkit --help` would pay for OpenSSL's start.
    import ipaddress
    import secrets

    token = token or os.environ.get(TOKEN_VARIABLE) or secrets.token_urlsafe(24)
    listening = _listen(host, port)
    bound_host, bound_port = listening.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    if not ipaddress.ip_address(bound_host.split("%")[0]).is_loopback:
        click.echo(
            f"warning: listening on {bound_host}, reachable from the network — anyone who "
            "reaches it with the token can use the page; serve it behind an HTTPS proxy",
            err=True,
        )
    try:
        # Made before the address is printed, so that the page answers as soon as it is.
        server = _server(folder, token, max_upload, builds)
        click.echo(f"http://{shown_host}:{bound_port}/?token={token}")
        server.run(sockets=[listening])
    except KeyboardInterrupt:
        # uvicorn shuts down cleanly on Ctrl-C (and SIGTERM, see _interrupt), then raises it
        # again for its caller; here it is how the server is meant to stop, at any moment,
        # not an abort.
        click.echo("stopped", err=True)


def _server(folder: Path, token: str, max_upload: int, builds: int | None) -> Server:
    import uvicorn

    from reportkit.read.safety import MiB
    from reportkit.web import create_app
    from reportkit.web.server import Server

    app = create_app(folder, token, max_upload * MiB, builds)
    signal.signal(signal.SIGTERM, _interrupt)
    config = uvicorn.Config(app, lifespan="on", access_log=False, log_level="warning")
    return Server(config, app.state.builds)


def _interrupt(sig: int, frame: FrameType | None) -> None:
    """SIGTERM (a service manager's stop) ends the server as Ctrl-C does. uvicorn handles
    both while it runs, then raises the signal again: Python's default for SIGTERM would
    end the process with no word and a status saying it was killed."""
    raise KeyboardInterrupt


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to HOST:PORT, so that a taken port is one line and the address printed
    is the one really listened on (`--port 0` picks a free one)."""
    import socket

    try:
        family, kind, protocol, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM
        )[0]
        listening = socket.socket(family, kind, protocol)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind(address)
        listening.listen(BACKLOG)  # from now on a browser's request waits for the server
    except OSError as error:
        click.echo(
            f"{host}:{port}: cannot listen there ({error.strerror}) — choose another "
            "--host or --port",
            err=True,
        )
        raise SystemExit(1) from None
    return listening
