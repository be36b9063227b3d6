"""The build state store: one SQLite database in `OUTDIR/.reportkit/`.

Every build of a report is a row, written in two commits around the moment the report is
renamed into place: first `pending` (with everything the next build needs: hashes, the
read model, the document the workbook alone built), then `done`. A build killed between
the two leaves a pending row that the next build settles by looking at the report on disk:
if it holds the pending row's bytes the rename happened and the row is done; if not, the
row never took effect and is dropped. So a killed build loses nothing already renamed, and
nothing is recorded that did not happen. Rows are only settled by the holder of the
report's lock (`state.lock`), so a concurrent run's live pending row is never touched.

SQLite because it is the most trusted embedded store for exactly this: atomic commits,
concurrent readers and writers across processes (WAL, busy timeout), crash-tested by
design. A database that is damaged is moved aside (kept, never deleted) and started
afresh; reports are then treated as possibly edited, so no person's work is overwritten.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import UTC, datetime
from pathlib import Path
from time import monotonic, sleep

from reportkit.base.hashing import digest_bytes
from reportkit.state.folder import (
    STATE_DIR,
    StateError,
    refuse_link,
    state_folder,
    wait_seconds,
)
from reportkit.state.migrate import migrate
from reportkit.state.record import Record

DATABASE = "state.db"
SCHEMA_VERSION = 4
# The database's identity, kept beside it as a plain file: see `StateStore._verify`.
IDENTITY = "state.id"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (id TEXT NOT NULL, writes INTEGER NOT NULL DEFAULT 0);
INSERT INTO meta (id) SELECT lower(hex(randomblob(16))) WHERE NOT EXISTS (SELECT 1 FROM meta);
CREATE TABLE IF NOT EXISTS blobs (hash TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS builds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    report TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
    finished TEXT NOT NULL,
    action TEXT NOT NULL,
    workbook TEXT NOT NULL,
    workbook_hash TEXT NOT NULL,
    template_hash TEXT NOT NULL,
    version TEXT NOT NULL,
    report_hash TEXT NOT NULL,
    base_hash TEXT,
    model_hash TEXT,
    carries_edits INTEGER NOT NULL DEFAULT 0,
    changes TEXT NOT NULL DEFAULT '[]',
    applied TEXT NOT NULL DEFAULT '[]',
    conflicts TEXT NOT NULL DEFAULT '[]',
    kept TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS builds_by_report ON builds (report, id);
CREATE TABLE IF NOT EXISTS pdfs (
    report TEXT PRIMARY KEY,
    source_hash TEXT NOT NULL,
    pdf_hash TEXT NOT NULL,
    made TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS editions (
    workbook_hash TEXT PRIMARY KEY,
    languages TEXT NOT NULL
);
"""


_COLUMNS = [f.name for f in fields(Record) if f.name != "id"]


class StateStore:
    """A connection to one OUTDIR's state; open one per process (connections do not fork)."""

    def __init__(self, connection: sqlite3.Connection, folder: Path) -> None:
        self._db = connection
        self.folder = folder

    @classmethod
    def open(cls, out_dir: Path, *, check: bool = False) -> tuple[StateStore, list[str]]:
        """The store of `out_dir`, made if needed; also the notices to show the user.

        With `check`, the database is verified first and, if damaged, moved aside.
        """
        folder = state_folder(out_dir)
        path = folder / DATABASE
        notices: list[str] = []
        for suffix in ("", "-wal", "-shm"):
            refuse_link(Path(f"{path}{suffix}"))
        if path.exists() and not path.is_file():
            raise StateError(
                path, "is not a file", "move it away (reportkit will make a new state file)"
            )
        try:
            store = cls(_connect(path), folder)
            if check:
                store._verify()
        except sqlite3.DatabaseError as error:
            if not _damaged(error):
                raise _failure(path, error) from error
            kept = _move_aside(path)
            notices.append(
                f"{path}: warning: the build state was damaged ({_one_line(error)}) and is kept "
                f"as {kept.name}; reports on disk are treated as edited and kept before "
                "rebuilding"
            )
            try:
                store = cls(_connect(path), folder)
                store._verify()  # and records the new database's identity
            except sqlite3.DatabaseError as again:
                raise _failure(path, again) from again
        notices += migrate(
            folder, lambda report: store.latest(report) is not None, store.begin, store.finish
        )
        return store, notices

    @classmethod
    def open_existing(
        cls, out_dir: Path, *, check: bool = False
    ) -> tuple[StateStore | None, list[str]]:
        """The store of `out_dir` if it has one, else None: nothing is created."""
        state_folder(out_dir, create=False)
        if not (out_dir / STATE_DIR / DATABASE).exists():
            return None, []
        return cls.open(out_dir, check=check)

    @classmethod
    def open_to_read(cls, out_dir: Path) -> StateStore:
        """The store of `out_dir` opened only to read (`history`): nothing is made, migrated
        or set aside, and a folder that is read-only can still be read. A damaged state is
        said, with what the next build will do about it."""
        path = out_dir / STATE_DIR / DATABASE
        refuse_link(path)
        try:
            try:
                connection = _read_only(path, "mode=ro")
            except sqlite3.OperationalError:
                # A read-only folder: SQLite cannot make the index its log needs, and
                # nothing can be writing there, so the file is read as it stands.
                connection = _read_only(path, "mode=ro&immutable=1")
        except sqlite3.DatabaseError as error:
            raise _unreadable(path, error) from error
        return cls(connection, path.parent)

    def close(self) -> None:
        self._db.close()

    def _verify(self) -> None:
        """The quick check, or — when a write-ahead log stands beside the database — the
        full one; then the database's identity against `state.id`.

        A sync client may bring another output folder's `state.db-wal`: SQLite replays it
        over this database, which may then read as another folder's valid state (the full
        check passes). Every write also updates the `meta` row holding the database's id,
        so a log from elsewhere carries that folder's id, and reading the id through the log
        tells. The id file is written the first time a database is checked.
        """
        wal = Path(f"{self.folder / DATABASE}-wal")
        log = wal.is_file() and not wal.is_symlink() and wal.stat().st_size > 0
        (verdict,) = self._db.execute(
            "PRAGMA integrity_check(1)" if log else "PRAGMA quick_check(1)"
        ).fetchone()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"integrity check: {verdict}")
        (identity,) = self._db.execute("SELECT id FROM meta").fetchone()
        recorded = self.folder / IDENTITY
        known = (
            recorded.read_text(encoding="ascii", errors="replace").strip()
            if (recorded.is_file() and not recorded.is_symlink())
            else ""
        )
        if known and known != identity:
            raise sqlite3.DatabaseError(
                "integrity check: its write-ahead log comes from another output folder"
            )
        if not known:
            _write_identity(recorded, identity)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            # Every write carries the database's identity into its log (see `_verify`).
            self._db.execute("UPDATE meta SET writes = writes + 1")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise _failure(self.folder / DATABASE, error) from error

    def latest(self, report: str) -> Record | None:
        """The last finished build of `report`."""
        row = self._query(
            "SELECT * FROM builds WHERE report = ? AND state = 'done' ORDER BY id DESC LIMIT 1",
            (report,),
        )
        return row[0] if row else None

    def history(self, report: str) -> list[Record]:
        return self._query(
            "SELECT * FROM builds WHERE report = ? AND state = 'done' ORDER BY id", (report,)
        )

    def settle(self, report: str, on_disk: str | None) -> list[Record]:
        """Finish or drop the pending builds of `report` left by a killed run.

        `on_disk` is the hash of the report file now. Call only while holding the report's
        lock. Returns the builds that had in fact completed, for their change reports.
        """
        settled: list[Record] = []
        for record in self._query(
            "SELECT * FROM builds WHERE report = ? AND state = 'pending' ORDER BY id", (report,)
        ):
            with self._transaction() as db:
                if record.report_hash == on_disk:
                    db.execute("UPDATE builds SET state = 'done' WHERE id = ?", (record.id,))
                    settled.append(replace(record, state="done"))
                else:
                    db.execute("DELETE FROM builds WHERE id = ?", (record.id,))
        return settled

    def begin(self, record: Record, blobs: list[bytes]) -> int:
        """Record a build about to take effect; its blobs are stored with it."""
        stamped = replace(record, state="pending", finished=_now())
        with self._transaction() as db:
            for data in blobs:
                db.execute(
                    "INSERT OR IGNORE INTO blobs (hash, data) VALUES (?, ?)",
                    (digest_bytes(data), data),
                )
            cursor = db.execute(
                f"INSERT INTO builds ({', '.join(_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in _COLUMNS)})",
                _row(stamped),
            )
        return int(cursor.lastrowid or 0)

    def finish(self, build: int) -> None:
        """The build took effect: it becomes the report's latest; unreferenced blobs go."""
        with self._transaction() as db:
            db.execute(
                "UPDATE builds SET state = 'done', finished = ? WHERE id = ?", (_now(), build)
            )
            db.execute(
                "DELETE FROM blobs WHERE hash NOT IN ("
                " SELECT base_hash FROM live WHERE base_hash IS NOT NULL"
                " UNION SELECT model_hash FROM live WHERE model_hash IS NOT NULL)"
            )

    def abandon(self, build: int) -> None:
        """The build did not take effect (the write failed)."""
        with self._transaction() as db:
            db.execute("DELETE FROM builds WHERE id = ? AND state = 'pending'", (build,))

    def pdf(self, report: str) -> tuple[str, str] | None:
        """(hash of the report it was made from, hash of the PDF) of `report`'s PDF."""
        try:
            row = self._db.execute(
                "SELECT source_hash, pdf_hash FROM pdfs WHERE report = ?", (report,)
            ).fetchone()
        except sqlite3.DatabaseError as error:
            raise _failure(self.folder / DATABASE, error) from error
        return (row[0], row[1]) if row else None

    def record_pdf(self, report: str, source: str, pdf: str) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO pdfs (report, source_hash, pdf_hash, made) "
                "VALUES (?, ?, ?, ?)",
                (report, source, pdf, _now()),
            )

    def editions(self, workbook_hash: str) -> str | None:
        """The editions (`en fr`) a workbook of these bytes asks for, if it was read before:
        a batch plans its unchanged workbooks without opening them."""
        try:
            row = self._db.execute(
                "SELECT languages FROM editions WHERE workbook_hash = ?", (workbook_hash,)
            ).fetchone()
        except sqlite3.DatabaseError as error:
            raise _failure(self.folder / DATABASE, error) from error
        return row[0] if row else None

    def record_editions(self, workbook_hash: str, languages: str) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO editions (workbook_hash, languages) VALUES (?, ?)",
                (workbook_hash, languages),
            )

    def blob(self, digest: str | None) -> bytes | None:
        if digest is None:
            return None
        try:
            row = self._db.execute("SELECT data FROM blobs WHERE hash = ?", (digest,)).fetchone()
        except sqlite3.DatabaseError as error:
            raise _failure(self.folder / DATABASE, error) from error
        if row is None or digest_bytes(row[0]) != digest:
            return None
        return bytes(row[0])

    def _query(self, sql: str, arguments: tuple[object, ...]) -> list[Record]:
        try:
            rows = self._db.execute(sql, arguments).fetchall()
        except sqlite3.DatabaseError as error:
            raise _failure(self.folder / DATABASE, error) from error
        return [_record(row) for row in rows]


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=wait_seconds(), isolation_level=None, check_same_thread=False
    )
    connection.row_factory = sqlite3.Row
    # WAL lets a batch's workers and a concurrent `watch` write without blocking readers;
    # where the file system cannot do WAL (some network shares) SQLite keeps its journal.
    _patiently(connection, "PRAGMA journal_mode = WAL")
    # In WAL mode NORMAL survives any crash of the process (kill -9 included); only the
    # machine losing power could drop the last builds' records, and then the reports they
    # wrote (each fsynced) are merely treated as edited: kept, never lost. FULL would
    # fsync twice per build, a batch's largest cost.
    connection.execute("PRAGMA synchronous = NORMAL")
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        connection.close()
        raise StateError(
            path,
            "was written by a newer reportkit",
            "upgrade reportkit, or build into another folder",
        )
    if version < SCHEMA_VERSION:
        # One transaction, so two runs starting at once in a new folder make it once.
        version_line = f"PRAGMA user_version = {SCHEMA_VERSION};"
        connection.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} {_LIVE_VIEW} {version_line} COMMIT;")
        # A database made (or upgraded) now: any id file beside it was another's.
        (identity,) = connection.execute("SELECT id FROM meta").fetchone()
        _write_identity(path.parent / IDENTITY, identity)
    return connection


def _patiently(connection: sqlite3.Connection, statement: str) -> None:
    """Run `statement`, retrying while another process holds the lock it needs.

    Switching a new database to WAL can report "locked" at once, without waiting for the
    busy timeout, when several processes open it together (a batch's first workers).
    """
    deadline = monotonic() + wait_seconds()
    delay = 0.01
    while True:
        try:
            connection.execute(statement)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or monotonic() > deadline:
                raise
            sleep(delay)
            delay = min(delay * 2, 0.5)


# Builds whose blobs must be kept: pending ones, and each report's last `KEPT_BUILDS`
# finished builds — a report saved over by an older copy (Word's, a sync's) descends from
# one of them, and is merged from what that build made (see `reportkit.publish.origin`).
KEPT_BUILDS = 10
_LIVE_VIEW = f"""
DROP VIEW IF EXISTS live;
CREATE VIEW live AS
    SELECT * FROM builds WHERE state = 'pending'
    OR id IN (
        SELECT id FROM (
            SELECT id, row_number() OVER (PARTITION BY report ORDER BY id DESC) AS newness
            FROM builds WHERE state = 'done'
        ) WHERE newness <= {KEPT_BUILDS}
    );
"""


def _row(record: Record) -> tuple[object, ...]:
    values = []
    for name in _COLUMNS:
        value = getattr(record, name)
        if isinstance(value, tuple):
            value = json.dumps(list(value), ensure_ascii=False)
        elif isinstance(value, bool):
            value = int(value)
        values.append(value)
    return tuple(values)


def _record(row: sqlite3.Row) -> Record:
    values = {name: row[name] for name in row.keys()}  # noqa: SIM118 (sqlite3.Row)
    for name in ("changes", "applied", "conflicts"):
        values[name] = tuple(_lines(values[name]))
    values["carries_edits"] = bool(values["carries_edits"])
    return Record(**values)


def _lines(text: str) -> list[str]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _damaged(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlite3.DatabaseError) and any(
        sign in text
        for sign in ("not a database", "malformed", "integrity check", "file is encrypted")
    )


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    count = 1
    while target.exists():
        count += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{count}")
    path.rename(target)
    # Its log goes with it (it may hold the last builds, or be another folder's); the
    # shared-memory index is SQLite's scratch, rebuilt from the log.
    log = Path(f"{path}-wal")
    if log.is_file() and not log.is_symlink() and log.stat().st_size:
        log.rename(Path(f"{target}-wal"))
    log.unlink(missing_ok=True)
    Path(f"{path}-shm").unlink(missing_ok=True)
    (path.parent / IDENTITY).unlink(missing_ok=True)
    return target


def _write_identity(path: Path, identity: str) -> None:
    """Written whole or not at all: a torn id would set a sound database aside."""
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".part") as temp:
        temp.write(f"{identity}\n")
    os.replace(temp.name, path)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _read_only(path: Path, mode: str) -> sqlite3.Connection:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=1)
    connection.row_factory = sqlite3.Row
    try:
        (verdict,) = connection.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.DatabaseError:
        connection.close()
        raise
    if verdict != "ok":
        connection.close()
        raise sqlite3.DatabaseError(f"integrity check: {verdict}")
    return connection


def _unreadable(path: Path, error: sqlite3.DatabaseError) -> StateError:
    """Why the state cannot be read, and what will happen to it."""
    if _damaged(error):
        return StateError(
            path,
            f"is damaged ({_one_line(error)}), so its history cannot be shown",
            "the next build sets it aside (kept as state.db.damaged-…) and starts afresh",
        )
    text = str(error).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StateError(
            path,
            "cannot be read here: its log needs a writable folder to be read",
            "read it where the output folder is writable, or copy the folder and read the copy",
        )
    return StateError(path, f"cannot be read ({_one_line(error)})", "check the output folder")


def _disk_full(path: Path) -> bool:
    """SQLite reports a full disk as a "disk I/O error" where it writes through a mapping."""
    try:
        return shutil.disk_usage(path.parent).free < _ALMOST_FULL
    except OSError:
        return False


_ALMOST_FULL = 1024 * 1024


def _failure(path: Path, error: sqlite3.DatabaseError) -> StateError:
    text = str(error).lower()
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StateError(
            path, "cannot be written (read-only)", "make the output folder writable, then retry"
        )
    if "full" in text or ("disk i/o" in text and _disk_full(path)):
        return StateError(
            path, "cannot be written (the disk is full)", "free some disk space, then retry"
        )
    if "locked" in text or "busy" in text:
        return StateError(
            path,
            f"is busy: another reportkit run kept it locked for over {wait_seconds():.0f} s",
            "wait for the other run to finish, then retry",
        )
    if _damaged(error):
        # The next run's opening check finds the damage and sets the database aside.
        return StateError(
            path, f"is damaged ({_one_line(error)})", "run the build again to start it afresh"
        )
    return StateError(path, f"cannot be used ({error})", "check the output folder, then retry")
