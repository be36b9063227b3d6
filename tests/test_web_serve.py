"""`reportkit serve` as a person starts it: a real server process on a free port, reached
through the address it prints; and what it says when it cannot listen."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2

from tests.commands import reportkit_cli


@contextmanager
def serving(
    *args: str, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`reportkit serve ARGS` running: yields the line it printed first and the process, and
    stops it with Ctrl-C at the end, which must end it cleanly."""
    process = subprocess.Popen(
        [sys.executable, "-m", "reportkit", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        yield first, process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""


def test_the_printed_address_opens_the_meetings_page(tmp_path: Path) -> None:
    (tmp_path / "comcec-38").mkdir()
    with serving(str(tmp_path), "--port", "0", "--token", "tok-123") as (url, _):
        assert url.startswith("http://127.0.0.1:")
        assert url.endswith("/?token=tok-123")
        with httpx2.Client(follow_redirects=True, timeout=30) as browser:
            page = browser.get(url)
            assert page.status_code == 200
            assert "<h1>Meetings</h1>" in page.text
            assert 'href="/meetings/comcec-38"' in page.text
            assert str(page.url).endswith("/")  # the token taken off the address
            base = url.split("/?")[0]
            assert httpx2.get(f"{base}/", timeout=30).status_code == 401


def test_the_token_comes_from_the_environment_else_is_made_up(tmp_path: Path) -> None:
    env = {**os.environ, "REPORTKIT_TOKEN": "from-the-environment"}
    with serving(str(tmp_path), "--port", "0", env=env) as (url, _):
        assert url.endswith("/?token=from-the-environment")
    env.pop("REPORTKIT_TOKEN")
    with serving(str(tmp_path), "--port", "0", env=env) as (url, _):
        made = url.split("?token=")[1]
        assert len(made) >= 32
        assert made != "from-the-environment"


def test_a_taken_port_is_one_line_and_exit_status_1(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = reportkit_cli("serve", str(tmp_path), "--port", str(port), timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"127.0.0.1:{port}: cannot listen there (Address already in use) — choose another"
        " --host or --port"
    ]


def test_listening_beyond_this_machine_warns(tmp_path: Path) -> None:
    with serving(str(tmp_path), "--host", "0.0.0.0", "--port", "0", "--token", "t") as (
        url,
        process,
    ):
        assert process.stderr is not None
        warning = process.stderr.readline()
    assert warning.startswith("warning: listening on 0.0.0.0, reachable from the network")
    assert url.startswith("http://0.0.0.0:")
