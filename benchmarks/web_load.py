"""Load test of the web page: many people at once on one `reportkit serve`, then the state.

    python benchmarks/web_load.py                 # 20 clients, 2 more sharing one meeting
    python benchmarks/web_load.py --clients 40 --shared 3 --no-pdf

Starts a real `reportkit serve` on a free port of 127.0.0.1 (never another address) over a
temporary folder, then runs every client at once, each a thread with a cookie jar of its
own, doing what a person does in a browser: signs in through the printed `/?token=`
address, makes a meeting of its own, uploads the shipped sample (which starts its build),
reloads the meeting page until the build has ended, downloads the report through the
page's link and opens it with python-docx. The `--shared` clients upload into one meeting
at the same moment: the page must answer a second upload during the build with 409 (it is
saved, not built), and that client presses Build once the build has ended, as the page
asks.

Then the server is stopped with Ctrl-C (SIGINT), which must end it with status 0, and each
meeting is checked: its state store records one build of the report, with the hash of the
file on disk (and of the file each client downloaded), and its PDF's; nothing temporary is left; and
`reportkit build` run in the meeting folder afterwards finds the report up to date.

Prints, per phase, the median and 95th percentile of the clients' latencies, the wall time
and every failure; exits 1 if a client failed, the state is inconsistent, or the server did
not stop cleanly. PDFs are made as the page makes them, whenever LibreOffice is found;
`--no-pdf` runs the server as on a machine without it (`REPORTKIT_SOFFICE` naming no
program). Needs httpx2 (the `test` extras). Speed is measured here, never asserted in tests:
tests/test_web_load.py runs the same load and asserts only that all went well.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx2
from docx import Document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The repository root is put on the path first, so that reportkit and tests/ import.
from reportkit.base.hashing import digest  # noqa: E402
from reportkit.problems import InputError  # noqa: E402
from reportkit.publish.history import report_history  # noqa: E402
from reportkit.publish.pdf import made_from  # noqa: E402
from reportkit.publish.pdf_export import PdfKind  # noqa: E402
from reportkit.state import STATE_DIR, StateStore  # noqa: E402
from tests.web_pages import hidden, links, paragraphs  # noqa: E402

SAMPLE = ROOT / "inputs" / "comcec-digital-2022.xlsx"
REPORT = "comcec-digital-2022.docx"
PDF = "comcec-digital-2022.pdf"
SHARED_MEETING = "shared"
TOKEN = "load-test-token"
HOST = "127.0.0.1"
SERVE = (sys.executable, "-m", "reportkit", "serve")
# A name no PATH holds: the server then works as without LibreOffice (`--no-pdf`).
NO_SOFFICE = "reportkit-load-no-libreoffice"
POLL_SECONDS = 0.25
REQUEST_SECONDS = 120.0
PHASES = ("sign-in", "new meeting", "upload response", "build until done", "download")
# Every GET of the meeting page while its build runs, pooled: whether the page still
# answers promptly while the builds work.
PAGE_WHILE_BUILDING = "page while building"


class ClientFailed(RuntimeError):
    """What a person would have seen go wrong, in one line."""


@dataclass
class ClientRun:
    """One client's run: how long each phase took, and what went wrong if anything."""

    name: str
    meeting: str
    seconds: dict[str, float] = field(default_factory=dict)
    page_seconds: list[float] = field(default_factory=list)
    refused: int = 0  # uploads or builds answered 409: a build of the meeting was running
    docx_sha256: str = ""
    failure: str = ""


@dataclass
class Server:
    """The server's run, as far as it is known."""

    ready_seconds: float = 0.0  # from start until it first answered
    returncode: int | None = None
    log: str = ""


@dataclass(frozen=True)
class Load:
    """A whole run: the clients, the state checks' findings, the server's end."""

    clients: list[ClientRun]
    wall_seconds: float
    inconsistencies: list[str]
    server: Server

    @property
    def failures(self) -> list[str]:
        return [f"{c.name}: {c.failure}" for c in self.clients if c.failure]

    @property
    def ok(self) -> bool:
        return not self.failures and not self.inconsistencies and self.server.returncode == 0


def soffice_found() -> bool:
    return bool(shutil.which("soffice") or shutil.which("libreoffice"))


def run_load(folder: Path, clients: int, shared: int, pdf: bool, seconds: float) -> Load:
    """`clients` clients in meetings of their own and `shared` in one more, all at once,
    on a server over `folder`; each client gives up after `seconds`."""
    names = [f"load-{n:02d}" for n in range(1, clients + 1)]
    meetings = [*names, *([SHARED_MEETING] * shared)]
    env = {**os.environ} if pdf else {**os.environ, "REPORTKIT_SOFFICE": NO_SOFFICE}
    with serving(folder, env) as (address, server):
        start = time.perf_counter()
        ready = threading.Barrier(len(meetings))
        deadline = time.monotonic() + seconds
        with ThreadPoolExecutor(max_workers=len(meetings)) as pool:
            futures = [
                pool.submit(client, f"client {n}", address, meeting, pdf, ready, deadline)
                for n, meeting in enumerate(meetings, start=1)
            ]
            runs = [future.result() for future in futures]
        wall = time.perf_counter() - start
    inconsistencies = [
        problem for meeting in dict.fromkeys(meetings) for problem in check_state(folder / meeting)
    ]
    inconsistencies += _downloads_differ(folder, runs)
    inconsistencies += _up_to_date(folder, list(dict.fromkeys(meetings)))
    return Load(runs, wall, inconsistencies, server)


@contextmanager
def serving(folder: Path, env: dict[str, str]) -> Iterator[tuple[str, Server]]:
    """`reportkit serve` on a free port of 127.0.0.1, yielding the address it printed; then
    Ctrl-C, after which the returned `Server` holds its exit status and its log. The log
    goes to a file: a pipe nobody reads would stop the server once it filled."""
    server = Server()
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        process = subprocess.Popen(
            [*SERVE, str(folder), "--host", HOST, "--port", "0", "--token", TOKEN],
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            env=env,
        )
        try:
            assert process.stdout is not None
            address = process.stdout.readline().strip()
            if not address.startswith(f"http://{HOST}:"):
                raise RuntimeError(f"the server did not print its address: {address!r}")
            server.ready_seconds = _answering(address.split("/?")[0]) - start
            yield address, server
        finally:
            process.send_signal(signal.SIGINT)
            try:
                server.returncode = process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.seek(0)
            server.log = log.read()


def _answering(base: str) -> float:
    """When the server first answered: it prints its address before loading the web
    application, and the clients' first requests should not measure that."""
    for _ in range(int(REQUEST_SECONDS / POLL_SECONDS)):
        try:
            if httpx2.get(f"{base}/static/style.css", timeout=REQUEST_SECONDS).status_code == 200:
                return time.perf_counter()
        except httpx2.TransportError:
            pass
        time.sleep(POLL_SECONDS)
    raise RuntimeError(f"the server did not answer within {REQUEST_SECONDS:g} s")


def client(
    name: str, address: str, meeting: str, pdf: bool, ready: threading.Barrier, deadline: float
) -> ClientRun:
    """One person's visit, start to finish; a failure is recorded, never raised."""
    run = ClientRun(name, meeting)
    try:
        ready.wait(timeout=REQUEST_SECONDS)
        with httpx2.Client(timeout=REQUEST_SECONDS) as browser:
            _visit(browser, address, run, pdf, deadline)
    except (ClientFailed, httpx2.HTTPError, threading.BrokenBarrierError) as error:
        run.failure = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return run


def _visit(
    browser: httpx2.Client, address: str, run: ClientRun, pdf: bool, deadline: float
) -> None:
    base = address.split("/?")[0]
    with _timed(run, "sign-in"):
        home = browser.get(address, follow_redirects=True)
        _expect(home, 200, "signing in")
        csrf = hidden(home.text, "csrf")
    page_url = f"{base}/meetings/{run.meeting}"
    with _timed(run, "new meeting"):
        made = browser.post(f"{base}/meetings", data={"csrf": csrf, "name": run.meeting})
        _expect(made, 303, "making the meeting")
        if made.headers["location"] != f"/meetings/{run.meeting}":
            raise ClientFailed(f"making the meeting led to {made.headers['location']}")
    with _timed(run, "upload response"):
        files = [("workbooks", (SAMPLE.name, SAMPLE.read_bytes()))]
        uploaded = browser.post(f"{page_url}/upload", data={"csrf": csrf}, files=files)
    with _timed(run, "build until done"):
        if uploaded.status_code == 409 and "a build of this meeting is running" in uploaded.text:
            run.refused += 1
            _build_again(browser, page_url, csrf, run, deadline)
        else:
            _expect(uploaded, 303, "uploading the sample")
        page = _page_when_built(browser, page_url, run, deadline)
    _check_outcome(page, pdf)
    with _timed(run, "download"):
        report = next((link for link in links(page) if link.endswith(f"/reports/{REPORT}")), "")
        if not report:
            raise ClientFailed(f"the meeting page has no link to {REPORT}")
        downloaded = browser.get(f"{base}{report}")
        _expect(downloaded, 200, "downloading the report")
    text = "\n".join(p.text for p in Document(io.BytesIO(downloaded.content)).paragraphs)
    if "Digital Transformation" not in text:
        raise ClientFailed("the downloaded report is not the sample's")
    run.docx_sha256 = hashlib.sha256(downloaded.content).hexdigest()


def _build_again(
    browser: httpx2.Client, page_url: str, csrf: str, run: ClientRun, deadline: float
) -> None:
    """The upload was saved while another build ran: once that ends, press Build (again,
    should yet another client have pressed it first)."""
    for _ in range(10):
        _page_when_built(browser, page_url, run, deadline)
        answer = browser.post(f"{page_url}/build", data={"csrf": csrf})
        if answer.status_code == 303:
            return
        _expect(answer, 409, "pressing Build")
        run.refused += 1
    raise ClientFailed("Build was refused 10 times: a build of the meeting was always running")


def _page_when_built(browser: httpx2.Client, page_url: str, run: ClientRun, deadline: float) -> str:
    """The meeting page once no build of it runs, read every POLL_SECONDS: at most until
    `deadline`, and never more often than that allows, so the loop ends by itself."""
    for _ in range(int(max(0.0, deadline - time.monotonic()) / POLL_SECONDS) + 1):
        start = time.perf_counter()
        answer = browser.get(page_url)
        _expect(answer, 200, "reading the meeting page")
        if not (paragraphs(answer.text, "running") or paragraphs(answer.text, "waiting")):
            return answer.text
        run.page_seconds.append(time.perf_counter() - start)
        if time.monotonic() >= deadline:
            break
        time.sleep(POLL_SECONDS)
    raise ClientFailed("the build was still running when the client gave up")


def _check_outcome(page: str, pdf: bool) -> None:
    """The build the page shows ended well: the report built (or found up to date, when a
    client's second build followed another's), nothing said against it, and the PDF."""
    if not any(f"{SAMPLE.name} (en): {status}" in page for status in ("built", "unchanged")):
        raise ClientFailed("the meeting page does not say the sample was built")
    if refused := paragraphs(page, "refused"):
        raise ClientFailed("the meeting page says: " + " ".join(refused))
    shown = {link.rpartition("/")[2] for link in links(page) if "/reports/" in link}
    wanted = {REPORT, PDF} if pdf else {REPORT}
    if shown != wanted:
        # What the build said of its files (a PDF not made, say): paths as the meeting's.
        said = [line for line in paragraphs(page, "") if line.startswith("outputs/")]
        raise ClientFailed(
            f"the meeting page lists {sorted(shown)}, not {sorted(wanted)}: {' '.join(said)}"
        )


def _expect(answer: httpx2.Response, status: int, doing: str) -> None:
    if answer.status_code != status:
        said = paragraphs(answer.text, "message") or [answer.text[:200]]
        raise ClientFailed(f"{doing}: {answer.status_code} ({' '.join(said)})")


@contextmanager
def _timed(run: ClientRun, phase: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    run.seconds[phase] = time.perf_counter() - start


def check_state(meeting: Path) -> list[str]:
    """What is wrong with a meeting's files and build state after the load, if anything:
    its history (as `reportkit history` reads it) must hold one build of the report, with
    the hash of the file on disk, and a PDF there must be recorded as made from that file."""
    outputs = meeting / "outputs"
    report = outputs / REPORT
    if not report.is_file():
        return [f"{meeting.name}: no {REPORT} in outputs/"]
    found = [f"{meeting.name}: {line}" for line in _leftovers(meeting)]
    try:
        builds = report_history(report)
    except InputError as error:
        return [*found, f"{meeting.name}: {error.problems[0].said}"]
    on_disk = digest(report)
    if len(builds) != 1:
        found.append(f"{meeting.name}: the state holds {len(builds)} builds of {REPORT}, not 1")
    if builds[-1].report_hash != on_disk:
        found.append(f"{meeting.name}: the state's hash of {REPORT} is not the file's")
    store = StateStore.open_to_read(outputs)
    try:
        recorded = store.pdf(REPORT)
    finally:
        store.close()
    made = outputs / PDF
    # A PDF not made is its client's failure; one made (or recorded) must be the state's.
    if made.exists() or recorded is not None:
        files = (
            (made_from(report.read_bytes(), PdfKind.TAGGED), digest(made))
            if made.is_file()
            else None
        )
        if recorded != files:
            found.append(f"{meeting.name}: the state's record of {PDF} is not the files'")
    return found


def _leftovers(meeting: Path) -> list[str]:
    """Temporary files of an upload, a write or a PDF step that should be gone: anything in
    the meeting or its outputs/ but the workbook, the reports and the state folder, an
    atomic write's `.part`, the PDF step's working folder, LibreOffice's lock files."""
    outputs = meeting / "outputs"
    expected = {SAMPLE.name, "outputs"}, {REPORT, PDF, STATE_DIR}
    extra = [
        path
        for folder, names in zip((meeting, outputs), expected, strict=True)
        for path in folder.iterdir()
        if path.name not in names
    ]
    extra += outputs.rglob("*.part")
    extra += outputs.rglob(".~lock.*")
    extra += (outputs / STATE_DIR).glob("pdf-*")
    return [f"left behind: {path.relative_to(meeting)}" for path in sorted(set(extra))]


def _downloads_differ(folder: Path, runs: list[ClientRun]) -> list[str]:
    """Every client downloaded the report now on disk (the builds are reproducible, so a
    second build of the shared meeting writes the same bytes)."""
    return [
        f"{run.name}: downloaded a {REPORT} other than the one in {run.meeting}/outputs/"
        for run in runs
        if run.docx_sha256 and run.docx_sha256 != digest(folder / run.meeting / "outputs" / REPORT)
    ]


def _up_to_date(folder: Path, meetings: list[str]) -> list[str]:
    """`reportkit build` in each meeting folder, as a person runs it there after the page's
    builds, must find the report up to date: the page and the command line agree."""

    def build(meeting: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "reportkit", "build", SAMPLE.name, "-o", "outputs"],
            cwd=folder / meeting,
            capture_output=True,
            text=True,
            timeout=REQUEST_SECONDS,
            check=False,
        )
        said = result.stderr.splitlines()
        if result.returncode == 0 and said == [f"outputs/{REPORT}: up to date"]:
            return ""
        return f"{meeting}: reportkit build exited {result.returncode}, saying {said}"

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return [line for line in pool.map(build, meetings) if line]


def percentile(values: list[float], percent: float) -> float:
    """Linear interpolation between the closest ranks, as spreadsheets compute it."""
    ordered = sorted(values)
    rank = (len(ordered) - 1) * percent / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_rows(runs: list[ClientRun]) -> list[tuple[str, float, float, int]]:
    """(phase, median, 95th percentile, how many) of the clients' latencies, phase by phase."""
    rows = []
    for phase in PHASES:
        values = [run.seconds[phase] for run in runs if phase in run.seconds]
        if values:
            rows.append((phase, statistics.median(values), percentile(values, 95), len(values)))
    polls = [seconds for run in runs for seconds in run.page_seconds]
    if polls:
        rows.append(
            (PAGE_WHILE_BUILDING, statistics.median(polls), percentile(polls, 95), len(polls))
        )
    return rows


def summary(load: Load, clients: int, shared: int, pdf: bool) -> str:
    own = [run for run in load.clients if run.meeting != SHARED_MEETING]
    sharing = [run for run in load.clients if run.meeting == SHARED_MEETING]
    lines = [
        f"{clients} clients at once, each in a meeting of its own, and {shared} sharing one "
        f"({'with' if pdf else 'without'} PDFs), on {os.cpu_count()} cores",
        "",
        "| phase (own meetings) | median | 95th percentile | requests |",
        "| --- | --- | --- | --- |",
        *(f"| {p} | {m:.2f} s | {q:.2f} s | {n} |" for p, m, q, n in latency_rows(own)),
        "",
        f"wall time: {load.wall_seconds:.1f} s, from the clients' start to the last download "
        f"(the server answered {load.server.ready_seconds:.1f} s after it was started)",
    ]
    if sharing:
        waits = ", ".join(f"{run.seconds.get('build until done', 0):.1f} s" for run in sharing)
        lines.append(
            f"shared meeting: {sum(run.refused for run in sharing)} upload(s) or build(s) "
            f"answered 409 while a build ran; upload to built: {waits}"
        )
    lines.append(f"failures: {len(load.failures)}")
    lines += (f"  {line}" for line in load.failures)
    lines.append(f"state inconsistencies: {len(load.inconsistencies)}")
    lines += (f"  {line}" for line in load.inconsistencies)
    lines.append(f"server stopped with Ctrl-C: exit status {load.server.returncode}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20, help="clients in meetings of their own")
    parser.add_argument("--shared", type=int, default=2, help="clients sharing one meeting")
    parser.add_argument(
        "--pdf",
        action=argparse.BooleanOptionalAction,
        default=soffice_found(),
        help="make PDFs, as the page does when LibreOffice is found (default: when found)",
    )
    parser.add_argument("--seconds", type=float, default=600, help="each client gives up then")
    options = parser.parse_args(argv)
    if options.clients < 1 or options.shared < 0:
        parser.error("--clients must be at least 1, --shared at least 0")
    if options.pdf and not soffice_found():
        parser.error("--pdf: LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="reportkit-web-load-") as temp:
        load = run_load(Path(temp), options.clients, options.shared, options.pdf, options.seconds)
    print(summary(load, options.clients, options.shared, options.pdf))
    if load.server.returncode != 0:
        print("server log (end):\n" + load.server.log[-3000:])
    return 0 if load.ok else 1


if __name__ == "__main__":
    sys.exit(main())
