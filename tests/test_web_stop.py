"""`reportkit serve` while builds run, as real server processes: the page answers while a
build runs, builds beyond `--builds` wait for their turn, and stopping the server (SIGTERM,
Ctrl-C) finishes or abandons the builds, leaving the meeting's outputs as the command line
builds on them, with no process of the server left behind."""

from __future__ import annotations

import multiprocessing
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest
from starlette.testclient import TestClient

from reportkit.web import create_app
from reportkit.web.builds import ABANDONED, NOT_BEGUN, Builds, Stopping
from reportkit.web.meetings import Meetings
from tests.commands import reportkit_cli
from tests.conftest import SAMPLE, member_states
from tests.web_pages import hidden, paragraphs, table_rows
from tests.workbooks import big_meeting, write_workbook

TOKEN = "a-stop-test-token"
# Ends a test whose build never ends; never an assertion about speed.
PATIENCE = 300.0


@dataclass
class Server:
    process: subprocess.Popen[str]
    browser: httpx2.Client

    def upload(self, meeting: str, workbook: Path) -> None:
        csrf = hidden(self.browser.get("/").text, "csrf")
        answer = self.browser.post(
            f"/meetings/{meeting}/upload",
            data={"csrf": csrf},
            files=[("workbooks", (workbook.name, workbook.read_bytes()))],
            follow_redirects=False,
        )
        assert answer.status_code == 303, answer.text

    def page(self, meeting: str) -> str:
        answer = self.browser.get(f"/meetings/{meeting}")
        assert answer.status_code == 200
        return answer.text

    def stopped(self) -> str:
        """What the server said on stderr, once it has exited with status 0."""
        assert self.process.wait(timeout=PATIENCE) == 0, self.process.stderr
        assert self.process.stderr is not None
        return self.process.stderr.read()


@contextmanager
def serving(folder: Path, *args: str) -> Iterator[Server]:
    """`reportkit serve FOLDER ARGS` on a free port, signed in; stopped with Ctrl-C at the
    end unless the test stopped it."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reportkit",
            "serve",
            str(folder),
            "--port=0",
            f"--token={TOKEN}",
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        with httpx2.Client(base_url=url.split("/?")[0], timeout=60) as browser:
            assert browser.get(url, follow_redirects=True).status_code == 200
            yield Server(process, browser)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=PATIENCE)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                raise


@pytest.fixture(scope="module")
def big_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A meeting of many delegates: its report and PDF take seconds to make."""
    folder = tmp_path_factory.mktemp("big")
    return write_workbook(folder / "big.xlsx", big_meeting(member_states(), delegates=40))


@pytest.fixture
def meetings(tmp_path: Path) -> Path:
    folder = tmp_path / "meetings"
    for name in ("first", "second"):
        (folder / name).mkdir(parents=True)
    return folder


def status(page: str) -> list[str]:
    """What the meeting page says of its build while it is under way."""
    return paragraphs(page, "running") + paragraphs(page, "waiting")


def listed(server: Server) -> list[str]:
    """The meetings page's first column: each meeting and what its build is doing."""
    rows = table_rows(server.browser.get("/").text, "meetings")
    return [" ".join(row[0].split()) for row in rows[1:]]


def running(page: str) -> bool:
    return any(line.startswith("A build is running") for line in status(page))


def done(server: Server, meeting: str) -> str:
    """The meeting's page once its build has ended."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        page = server.page(meeting)
        if not status(page):
            return page
        time.sleep(0.3)
    pytest.fail(f"the build of {meeting} did not end")


def leftovers(outputs: Path) -> list[str]:
    """Temporary files and folders a build leaves only when it is killed midway."""
    found = [p for p in outputs.rglob("*") if p.name.endswith(".part")]
    found += (outputs / ".reportkit").glob("pdf-*")
    return sorted(str(p.relative_to(outputs)) for p in found)


def processes_about(folder: Path) -> list[str]:
    """The command lines of running processes naming `folder`: the server, its workers
    (forked from it) and LibreOffice (its profile is in a meeting's outputs)."""
    lines = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if str(folder) in line:
            lines.append(line)
    return lines


def built_by_the_command_line(meeting: Path, workbook: str) -> None:
    result = reportkit_cli("build", workbook, "-o", "outputs", cwd=meeting, timeout=PATIENCE)
    assert result.returncode == 0, result.stderr
    assert (meeting / "outputs" / workbook).with_suffix(".docx").is_file()
    assert leftovers(meeting / "outputs") == []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="looks for processes in /proc")
def test_sigterm_while_a_build_runs_lets_it_finish_then_exits_0(
    meetings: Path, big_workbook: Path
) -> None:
    with serving(meetings) as server:
        server.upload("first", big_workbook)
        assert running(server.page("first"))
        server.process.send_signal(signal.SIGTERM)
        said = server.stopped()
    assert said.splitlines()[-1] == "stopped"
    assert "stopping: waiting up to 30 s for 1 running build to end" in said
    assert "abandoned" not in said
    outputs = meetings / "first" / "outputs"
    assert sorted(p.name for p in outputs.glob("big.*")) == ["big.docx", "big.pdf"]
    assert processes_about(meetings) == []
    built_by_the_command_line(meetings / "first", big_workbook.name)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="looks for processes in /proc")
def test_a_second_signal_abandons_the_build_and_leaves_nothing_behind(
    meetings: Path, big_workbook: Path
) -> None:
    outputs = meetings / "first" / "outputs"
    with serving(meetings) as server:
        server.upload("first", big_workbook)
        deadline = time.monotonic() + PATIENCE
        while not (outputs / "big.docx").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        # The report is built; LibreOffice makes its PDF, which takes seconds more.
        assert running(server.page("first"))
        server.process.send_signal(signal.SIGTERM)
        server.process.send_signal(signal.SIGINT)
        said = server.stopped()
    assert "first: its build was abandoned" in said
    assert said.splitlines()[-1] == "stopped"
    assert processes_about(meetings) == []
    assert leftovers(outputs) == []
    assert not (outputs / "big.pdf").exists()
    built_by_the_command_line(meetings / "first", big_workbook.name)


def test_other_pages_answer_while_a_build_runs(meetings: Path, big_workbook: Path) -> None:
    with serving(meetings) as server:
        server.upload("first", big_workbook)
        assert running(server.page("first"))
        assert listed(server) == ["first building…", "second"]
        assert "No workbook yet: " in server.page("second")
        assert running(server.page("first"))  # the pages above came while it ran
        assert "big.xlsx (en): built" in done(server, "first")


def test_builds_beyond_the_bound_wait_for_their_turn(meetings: Path, big_workbook: Path) -> None:
    with serving(meetings, "--builds", "1") as server:
        server.upload("first", big_workbook)
        server.upload("second", SAMPLE)
        first, second = server.page("first"), server.page("second")
        assert running(first)
        assert paragraphs(second, "waiting") == [
            "This build waits for its turn: other meetings' builds are running, and it "
            "starts when one of them ends. This page refreshes itself until it ends."
        ]
        assert '<meta http-equiv="refresh" content="3">' in second
        assert listed(server) == ["first building…", "second waiting…"]
        assert "big.xlsx (en): built" in done(server, "first")
        assert f"{SAMPLE.name} (en): built" in done(server, "second")


def test_a_build_asked_for_once_the_server_stops_is_refused_with_503(meetings: Path) -> None:
    """uvicorn closes its connections before the app's shutdown, so this is seen through
    the ASGI test client, whose context runs the app's startup and shutdown."""
    (meetings / "first" / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    with TestClient(create_app(meetings, TOKEN)) as client:
        assert client.get(f"/?token={TOKEN}").status_code == 200
        csrf = hidden(client.get("/").text, "csrf")
    answer = client.post("/meetings/first/build", data={"csrf": csrf})
    assert answer.status_code == 503
    assert (
        "The server is stopping, so nothing more is built now. Anything you uploaded is "
        "saved: build again once the server is back." in answer.text
    )
    assert not (meetings / "first" / "outputs").exists()


def test_builds_still_running_when_the_grace_ends_are_abandoned(
    meetings: Path, big_workbook: Path
) -> None:
    """`Builds.stop` in this process, its grace shorter than the build: the build's
    workers are killed, nothing of theirs is left, and the meeting's page says why."""
    (meetings / "first" / big_workbook.name).write_bytes(big_workbook.read_bytes())
    (meetings / "second" / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    found = Meetings(meetings)
    first, second = found.find("first"), found.find("second")
    assert first is not None and second is not None
    builds = Builds(at_once=1)
    assert builds.start(first) and builds.start(second)
    outputs = first.outputs
    deadline = time.monotonic() + PATIENCE
    while not (outputs / "big.docx").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert builds.stop(grace=0.5) == [first]
    assert multiprocessing.active_children() == []
    assert leftovers(outputs) == []
    assert not (outputs / "big.pdf").exists()
    for meeting, why in ((first, ABANDONED), (second, NOT_BEGUN)):
        build = builds.of(meeting)
        assert build is not None and build.finished is not None
        assert build.stopped == (why,)
    assert not second.outputs.exists()
    with pytest.raises(Stopping):
        builds.start(second)
