"""Builds started from the page, each in a thread of its own calling the batch (which runs
the reports in worker processes, with its bounds), so that the server's event loop goes on
answering requests while LibreOffice works. One build at a time per meeting: a second press
of the button while one runs is refused; the CLI's locks keep a command-line build and the
page's from writing one report at once."""

from __future__ import annotations

import sys
import threading
import traceback
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from reportkit.batch.run import Outcome, run_batch
from reportkit.problems import InputError
from reportkit.web.meetings import Meeting


@dataclass(frozen=True)
class Build:
    """A meeting's build, running or done: its outcomes and the lines that stopped it all."""

    started: datetime
    finished: datetime | None = None
    outcomes: tuple[Outcome, ...] = ()
    stopped: tuple[str, ...] = ()
    no_pdf: str = ""  # why no PDF is made, when LibreOffice is not there
    said: tuple[str, ...] = ()  # what was done before it started, for the page to show


@dataclass
class Builds:
    """The builds of this server's life, by meeting folder."""

    _builds: dict[Path, Build] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def of(self, meeting: Meeting) -> Build | None:
        with self._lock:
            return self._builds.get(meeting.path)

    def running(self, meeting: Meeting) -> bool:
        build = self.of(meeting)
        return build is not None and build.finished is None

    def start(self, meeting: Meeting, said: tuple[str, ...] = ()) -> bool:
        """Start building the meeting's workbooks; False when a build of it is running."""
        with self._lock:
            current = self._builds.get(meeting.path)
            if current is not None and current.finished is None:
                return False
            self._builds[meeting.path] = Build(datetime.now(), said=said)
        threading.Thread(
            target=self._run, args=(meeting,), name=f"build {meeting.name}", daemon=True
        ).start()
        return True

    def _run(self, meeting: Meeting) -> None:
        pdf, no_pdf = _libreoffice()
        outcomes: list[Outcome] = []
        stopped: list[str] = []
        try:
            outcomes = [
                _without_traceback(o)
                for o in run_batch(meeting.workbook_paths(), meeting.outputs, pdf=pdf)
            ]
        except InputError as error:
            stopped = [meeting.relative(p.line(error.source)) for p in error.problems]
        except Exception:
            traceback.print_exc(file=sys.stderr)
            stopped = ["sorry, reportkit hit a bug (the details are in the server's log)"]
        with self._lock:
            self._builds[meeting.path] = replace(
                self._builds[meeting.path],
                finished=datetime.now(),
                outcomes=tuple(outcomes),
                stopped=tuple(stopped),
                no_pdf=no_pdf,
            )


def _without_traceback(outcome: Outcome) -> Outcome:
    """A bug's traceback goes to the server's log, not to the page."""
    if not outcome.bug:
        return outcome
    print("\n".join(outcome.messages), file=sys.stderr, flush=True)
    return replace(
        outcome, messages=["sorry, reportkit hit a bug (the details are in the server's log)"]
    )


def _libreoffice() -> tuple[bool, str]:
    """Whether PDFs are made (LibreOffice found, as `build --pdf` finds it), else why not."""
    from reportkit.publish.pdf import find_soffice

    try:
        find_soffice()
    except InputError as error:
        return False, error.problems[0].said
    return True, ""
