"""Builds started from the page. Each runs the batch from a thread of its own, and the
batch makes every report and PDF in worker processes (`isolated`), with the command line's
bounds: the server's process only waits, so a hung LibreOffice or a runaway template never
keeps it from answering, and stopping those workers stops the build.

One build at a time per meeting: a second press of the button while one runs is refused;
the CLI's locks keep a command-line build and the page's from writing one report at once.
At most `at_once` builds run across meetings (each may use every CPU); the others wait for
their turn, in the order they were asked for.

At the server's stop (`stop`) no build is started any more, the running ones are given a
grace period, and what is left is abandoned: its workers are killed, so none writes after
the server is gone, and their temporary files removed (`leftovers`).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from starlette.exceptions import HTTPException

from reportkit.batch.run import Outcome, run_batch
from reportkit.problems import InputError
from reportkit.web.language import page_text
from reportkit.web.leftovers import tidy
from reportkit.web.meetings import Meeting


@dataclass(frozen=True)
class Build:
    """A meeting's build, waiting, running or done: its outcomes and what stopped it all."""

    started: datetime  # when it was asked for, then when its turn came
    finished: datetime | None = None
    outcomes: tuple[Outcome, ...] = ()
    stopped: tuple[str, ...] = ()
    no_pdf: str = ""  # why no PDF is made, when LibreOffice is not there
    said: tuple[str, ...] = ()  # what was done before it started, for the page to show
    waiting: bool = False  # for its turn, `at_once` builds of other meetings running


class Stopping(HTTPException):
    """A build asked for while the server stops: refused, for the page to say why."""

    def __init__(self) -> None:
        super().__init__(
            503,
            page_text(
                "The server is stopping, so nothing more is built now. Anything you uploaded "
                "is saved: build again once the server is back."
            ),
        )


NOT_BEGUN = page_text("The server stopped before this build began: build again.")
ABANDONED = page_text("The server stopped before this build ended: build again.")


@dataclass
class Builds:
    """The builds of this server's life, by meeting folder."""

    at_once: int = field(default_factory=lambda: os.cpu_count() or 1)
    _builds: dict[Path, Build] = field(default_factory=dict)
    _queue: deque[Meeting] = field(default_factory=deque)
    _running: dict[Path, tuple[Meeting, threading.Thread]] = field(default_factory=dict)
    _stopping: bool = False
    _hurried: bool = False
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def of(self, meeting: Meeting) -> Build | None:
        with self._changed:
            return self._builds.get(meeting.path)

    def running(self, meeting: Meeting) -> bool:
        """Whether the meeting's build is under way, waiting for its turn or running."""
        build = self.of(meeting)
        return build is not None and build.finished is None

    def start(self, meeting: Meeting, said: tuple[str, ...] = ()) -> bool:
        """Build the meeting's workbooks now, or when its turn comes; False when a build of
        it is under way. `Stopping` once the server stops."""
        with self._changed:
            if self._stopping:
                raise Stopping
            current = self._builds.get(meeting.path)
            if current is not None and current.finished is None:
                return False
            self._builds[meeting.path] = Build(datetime.now(), said=said, waiting=True)
            self._queue.append(meeting)
            self._next()
        return True

    def busy(self) -> int:
        """How many builds are running (not waiting)."""
        with self._changed:
            return len(self._running)

    def stop(self, grace: float) -> list[Meeting]:
        """Start no build any more, give the running ones `grace` seconds to end (less if
        `hurry` is called), then abandon the rest; returns, once nothing is writing in any
        meeting's outputs, the meetings whose build was abandoned."""
        with self._changed:
            self._stopping = True
            while self._queue:
                self._end(self._queue.popleft().path, stopped=(NOT_BEGUN,))
            self._changed.wait_for(lambda: not self._running or self._hurried, timeout=grace)
            abandoned = list(self._running.values())
            for meeting, _ in abandoned:
                self._end(meeting.path, stopped=(ABANDONED,))
        if not abandoned:
            return []
        _kill_workers(threads=[thread for _, thread in abandoned])
        for meeting, _ in abandoned:
            tidy(meeting)
        return [meeting for meeting, _ in abandoned]

    def hurry(self) -> None:
        """Abandon the running builds now rather than at the end of `stop`'s grace."""
        with self._changed:
            self._hurried = True
            self._changed.notify_all()

    def _next(self) -> None:
        """Start the builds whose turn has come (the condition held)."""
        while self._queue and len(self._running) < self.at_once:
            meeting = self._queue.popleft()
            self._builds[meeting.path] = replace(
                self._builds[meeting.path], started=datetime.now(), waiting=False
            )
            thread = threading.Thread(
                target=self._run, args=(meeting,), name=f"build {meeting.name}", daemon=True
            )
            self._running[meeting.path] = (meeting, thread)
            thread.start()

    def _end(self, path: Path, **done: object) -> None:
        """Record the build at `path` as finished (the condition held)."""
        build = self._builds[path]
        if build.finished is None:
            self._builds[path] = replace(build, finished=datetime.now(), waiting=False, **done)

    def _run(self, meeting: Meeting) -> None:
        pdf, no_pdf = _libreoffice()
        outcomes: list[Outcome] = []
        stopped: list[str] = []
        try:
            outcomes = [
                _without_traceback(o)
                for o in run_batch(
                    meeting.workbook_paths(), meeting.outputs, pdf=pdf, isolated=True
                )
            ]
        except InputError as error:
            stopped = [meeting.relative(p.line(error.source)) for p in error.problems]
        except Exception:
            traceback.print_exc(file=sys.stderr)
            stopped = ["sorry, reportkit hit a bug (the details are in the server's log)"]
        with self._changed:
            self._end(meeting.path, outcomes=tuple(outcomes), stopped=tuple(stopped), no_pdf=no_pdf)
            del self._running[meeting.path]
            if not self._stopping:
                self._next()
            self._changed.notify_all()


# How long abandoned builds' threads are given to notice their workers are gone: each
# step of a batch whose workers were killed ends at once, but a step may start new ones.
_KILLED_SECONDS = 10.0


def _kill_workers(threads: list[threading.Thread]) -> None:
    """Kill this process's worker processes, which are all builds' (the batch's and the
    PDFs'), until the builds' threads have ended: a thread may start the batch's next step,
    and new workers with it, before it notices its workers are gone. A worker's own
    children die with it (`reportkit.render.child`, LibreOffice's guard)."""
    deadline = time.monotonic() + _KILLED_SECONDS
    while True:
        for worker in multiprocessing.active_children():
            worker.kill()
            worker.join()
        for thread in threads:
            thread.join(timeout=0.1)
        if not any(t.is_alive() for t in threads) or time.monotonic() > deadline:
            return


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
