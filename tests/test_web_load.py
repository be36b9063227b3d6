"""The web page under load (issue 23): many clients at once on a real `reportkit serve`, each
signing in, uploading the sample, waiting for its build and downloading the report, then the
meetings' files and build state checked. `benchmarks/web_load.py` runs the same load and
times it; here only whether everything went well is asserted, never how fast.

The twenty clients build without PDFs, as on a machine without LibreOffice: on two cores,
twenty LibreOffice processes starting at once take about the whole of the PDF step's time
limit, and at times more (benchmarks/README.md), and would starve the LibreOffice runs of
the tests beside this one. A few clients at once make their PDFs with the real LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.web_load import PDF, REPORT, SHARED_MEETING, check_state, run_load

SECONDS = 300  # each client gives up then: a hung build fails the test, never hangs it


def test_twenty_clients_at_once_all_get_their_report_and_the_state_holds(tmp_path: Path) -> None:
    load = run_load(tmp_path, clients=20, shared=2, pdf=False, seconds=SECONDS)
    assert load.failures == []
    assert load.inconsistencies == []
    assert load.server.returncode == 0, load.server.log[-3000:]
    assert len(load.clients) == 22
    assert all(run.docx_sha256 for run in load.clients)
    meetings = sorted(p.name for p in tmp_path.iterdir())
    assert meetings == [*(f"load-{n:02d}" for n in range(1, 21)), SHARED_MEETING]


def test_clients_at_once_with_pdfs_leave_a_consistent_state_whose_checks_can_fail(
    tmp_path: Path,
) -> None:
    load = run_load(tmp_path, clients=3, shared=2, pdf=True, seconds=SECONDS)
    assert load.failures == []
    assert load.inconsistencies == []
    assert load.server.returncode == 0, load.server.log[-3000:]
    outputs = tmp_path / "load-01" / "outputs"
    (outputs / f".{REPORT}.part").write_bytes(b"half a report")
    with (outputs / PDF).open("ab") as pdf:
        pdf.write(b"%% changed")
    (outputs / REPORT).write_bytes((tmp_path / "load-02" / "outputs" / REPORT).read_bytes()[:-1])
    assert check_state(tmp_path / "load-01") == [
        f"load-01: left behind: outputs/.{REPORT}.part",
        f"load-01: the state's hash of {REPORT} is not the file's",
        f"load-01: the state's record of {PDF} is not the files'",
    ]
    assert check_state(tmp_path / "load-02") == []
