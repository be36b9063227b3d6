"""Running one function in a child process that is stopped when it takes too long or too much.

Why a child process: a Python signal handler runs between bytecodes, so it cannot stop one
long C-level operation (`9 ** (9 ** 9)` never returns to the interpreter), and memory
allocated in this process cannot be bounded from inside it. A forked child is bounded by
the kernel instead: `RLIMIT_AS` caps its address space (an allocation past it fails and
Python raises `MemoryError`), and this process kills it with SIGKILL at the wall-clock
deadline whatever it is doing.

Should this process die first (kill -9 included), the child dies with it rather than
render on at full CPU for nobody: on Linux the kernel kills it (`kill_with_parent`,
PR_SET_PDEATHSIG), even inside one C-level operation; elsewhere a thread in the child
looks for its parent every quarter second, and `RLIMIT_CPU` is the backstop for an
operation that keeps that thread from running.

`fork` rather than a fresh interpreter: the child starts in milliseconds with everything
imported and its arguments already in memory, nothing pickled. It is POSIX only
(`available()`). The result comes back through a pipe, length-prefixed rather than read
to EOF, since a pipe end inherited by some other fork would hold EOF back.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import selectors
import signal
import struct
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import NoReturn

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

_HEADER = struct.Struct("<cQ")  # what follows (_RESULT or _TRACEBACK), and its length
_RESULT, _TRACEBACK = b"R", b"T"
_OUT_OF_MEMORY = 75  # the child's exit status after a MemoryError: it allocates nothing
_CHUNK = 1 << 20
_STATM = "/proc/self/statm"  # Linux: the first field is the address space size, in pages
_PR_SET_PDEATHSIG = 1  # prctl(2), <linux/prctl.h>
_PARENT_LOOK_SECONDS = 0.25


class LimitExceeded(Exception):
    """The child was stopped at one of its limits."""


class TimeLimitExceeded(LimitExceeded):
    """The child ran past its deadline (or its CPU time) and was killed."""


class MemoryLimitExceeded(LimitExceeded):
    """The child could not get more memory (or the kernel killed it for want of memory)."""


class ChildCrashed(Exception):
    """The child ended without a result and at no limit: a signal or an exit status."""


class ChildFailed(Exception):
    """The function raised in the child; the message is the child's traceback."""


def available() -> bool:
    """Whether this platform can run a limited child (POSIX: fork and setrlimit)."""
    return hasattr(os, "fork") and resource is not None


def run_limited(work: Callable[[], bytes], seconds: float, memory_bytes: int) -> bytes:
    """`work()` run in a forked child given `seconds` of wall-clock time and `memory_bytes`
    of memory beyond what this process already holds; returns what it returned.

    Raises `TimeLimitExceeded` or `MemoryLimitExceeded` at a limit, `ChildFailed` if `work`
    raised anything but `MemoryError`, `ChildCrashed` if the child died otherwise.
    """
    read_end, write_end = os.pipe()
    parent = os.getpid()
    _prctl()  # looked up here, so that the child need not load ctypes
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _child(work, write_end, seconds, memory_bytes, parent)
    os.close(write_end)
    received: tuple[bytes, bytes] | None = None
    try:
        received = _receive(read_end, time.monotonic() + seconds)
    finally:
        os.close(read_end)
        status = _reap(pid, kill=received is None)
    if received is None:
        raise _ended(status)
    kind, payload = received
    if kind == _TRACEBACK:
        raise ChildFailed(payload.decode("utf-8", "replace"))
    return payload


def _child(
    work: Callable[[], bytes], write_end: int, seconds: float, memory_bytes: int, parent: int
) -> NoReturn:
    """The child's whole life: limits, work, result, exit — never back into the caller."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends the child; the parent reaps
        _end_with(parent)
        _limit(seconds, memory_bytes)
        _send(write_end, _RESULT, work())
        status = 0
    except MemoryError:
        status = _OUT_OF_MEMORY
    except BaseException:
        with contextlib.suppress(BaseException):
            _send(write_end, _TRACEBACK, traceback.format_exc().encode("utf-8", "replace"))
    finally:
        os._exit(status)  # no atexit handlers, no flushing of the parent's copied buffers


def kill_with_parent() -> bool:
    """Have the kernel SIGKILL this process when its parent ends (Linux PR_SET_PDEATHSIG;
    strictly, when the parent's thread that started it ends). Unlike a watching thread,
    this stops even a C-level operation that never returns to Python. False where the
    kernel offers no such thing: the caller then watches for itself."""
    prctl = _prctl()
    return prctl is not None and prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0


@functools.cache
def _prctl() -> Callable[..., int] | None:
    """Linux's prctl(2) from the C library, or None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def _end_with(parent: int) -> None:
    """End this child as soon as `parent`, which forked it, is gone, however it ended."""
    if not kill_with_parent():
        threading.Thread(
            target=_exit_when_orphaned, args=(parent,), daemon=True, name="end-with-parent"
        ).start()
    if os.getppid() != parent:  # it ended before the kernel was asked
        os._exit(1)


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_LOOK_SECONDS)
    os._exit(1)


def _limit(seconds: float, memory_bytes: int) -> None:
    _lower(resource.RLIMIT_CORE, 0)
    cpu = math.ceil(seconds) + 1  # only a backstop: the parent kills at `seconds` of wall clock
    _lower(resource.RLIMIT_CPU, cpu, cpu + 1)
    held = _address_space()
    if held is not None:
        _lower(resource.RLIMIT_AS, held + memory_bytes)


def _lower(which: int, soft: int, hard: int | None = None) -> None:
    """Set a limit, keeping any lower one already set (by `ulimit`, say)."""
    hard = soft if hard is None else hard
    old_soft, old_hard = resource.getrlimit(which)
    if old_hard != resource.RLIM_INFINITY:
        hard = min(hard, old_hard)
    if old_soft != resource.RLIM_INFINITY:
        soft = min(soft, old_soft)
    resource.setrlimit(which, (min(soft, hard), hard))


def _address_space() -> int | None:
    """This process's address space in bytes, where the system says (Linux); else None,
    and no memory limit: macOS does not enforce RLIMIT_AS anyway."""
    try:
        with open(_STATM, encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _send(write_end: int, kind: bytes, payload: bytes) -> None:
    view = memoryview(_HEADER.pack(kind, len(payload)) + payload)
    while view:
        view = view[os.write(write_end, view) :]


def _receive(read_end: int, deadline: float) -> tuple[bytes, bytes] | None:
    """The child's message, or None if it ended without one; `TimeLimitExceeded` at the
    deadline."""
    buffer = bytearray()
    with selectors.DefaultSelector() as selector:
        selector.register(read_end, selectors.EVENT_READ)
        while True:
            if len(buffer) >= _HEADER.size:
                kind, length = _HEADER.unpack_from(buffer)
                if len(buffer) >= _HEADER.size + length:
                    return kind, bytes(buffer[_HEADER.size :])
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                raise TimeLimitExceeded
            chunk = os.read(read_end, _CHUNK)
            if not chunk:
                return None
            buffer += chunk


def _reap(pid: int, kill: bool) -> int:
    """Wait for the child to end, killing it first when its result is not coming."""
    if kill:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return status


def _ended(status: int) -> Exception:
    """What a child that sent nothing died of."""
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == _OUT_OF_MEMORY:
        return MemoryLimitExceeded()
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGXCPU:
            return TimeLimitExceeded()
        if number == signal.SIGKILL:  # not ours, or it would be a time limit: the OOM killer
            return MemoryLimitExceeded()
        return ChildCrashed(f"ended by {signal.Signals(number).name}")
    return ChildCrashed(f"ended with exit status {os.waitstatus_to_exitcode(status)}")
