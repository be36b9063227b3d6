"""The library API: what the CLI does, callable without it.

import reportkit
reportkit.build("inputs/comcec-digital-2022.xlsx", "outputs")

The pipeline for one report: read → arrange → render → (merge) → write, with the build
state of OUTDIR read and written through `reportkit.state` under the report's lock.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit.base.template_files import default_template, edition_template
from reportkit.base.version import __version__
from reportkit.model import Language, MeetingInput
from reportkit.problems import InputError, Problem, has_errors
from reportkit.read.source import Source, read_source

if TYPE_CHECKING:
    from reportkit.arrange.result import ArrangedReport
    from reportkit.changes.report import ChangeReport
    from reportkit.publish.status import Status
    from reportkit.state import Record, StateStore

# Each stage is imported by what runs it: `check` reads and arranges (`prepare`), building
# also renders, merges and records (`build_report`), and a batch that plans with
# `editions` and `output_path` and finds every report up to date loads none of them (the
# reader and arrange, with ICU, take 0.2 s to import).

StrPath = str | PathLike[str]


@dataclass(frozen=True)
class Prepared:
    """A workbook read and arranged, with the warnings found on the way."""

    source: MeetingInput
    report: ArrangedReport
    warnings: list[Problem]


def prepare(workbook: StrPath | Source, language: Language = Language.EN) -> Prepared:
    """Read and arrange a workbook's `language` edition; raises `InputError` listing every
    error found."""
    from reportkit.arrange import arrange
    from reportkit.read import read_workbook
    from reportkit.reference import load_reference

    path = workbook if isinstance(workbook, Source) else Path(workbook)
    source, problems = read_workbook(path, language)
    if source is not None:
        report, arrange_problems = arrange(source, load_reference(), problems)
        problems.extend(arrange_problems)
    if source is None or has_errors(problems):
        raise InputError(str(path), problems)
    return Prepared(source, report, problems)


def check(workbook: StrPath, languages: Iterable[Language] | None = None) -> list[Problem]:
    """Every problem in a workbook, errors and warnings, in each edition it is built in
    (`languages`, else its Meeting field `languages`), each said once; nothing is written."""
    found: dict[Problem, None] = {}
    try:
        source = read_source(Path(workbook))
    except InputError as error:
        return error.problems
    for language in editions(source, languages):
        try:
            problems = prepare(source, language).warnings
        except InputError as error:
            problems = error.problems
        found.update(dict.fromkeys(problems))
    return list(found)


def editions(
    workbook: StrPath | Source, languages: Iterable[Language] | None = None
) -> list[Language]:
    """The languages a workbook's report is built in: those asked for, else its own."""
    if languages is None:
        from reportkit.read import read_languages

        languages = read_languages(workbook if isinstance(workbook, Source) else Path(workbook))
    chosen = set(languages)
    return [language for language in Language if language in chosen]


def output_path(workbook: StrPath, out_dir: StrPath, language: Language = Language.EN) -> Path:
    """`OUTDIR/<workbook stem>.docx` (`.fr.docx`, `.ar.docx` for the other editions): a plain
    file name, never a path out of OUTDIR."""
    suffix = "" if language is Language.EN else f".{language.value}"
    name = f"{Path(workbook).stem}{suffix}.docx"
    target = Path(out_dir) / name
    if Path(name).name != name or target.parent.resolve() != Path(out_dir).resolve():
        raise InputError(
            str(workbook),
            [Problem(f'the report name "{name}" is not a plain file name', "rename the workbook")],
        )
    from reportkit.state.folder import NAME_BYTES

    size = len(os.fsencode(name))
    if size > NAME_BYTES:
        raise InputError(
            str(workbook),
            [
                Problem(
                    f"the report's name would be {size} bytes ({name[:20]}…{name[-12:]}), more "
                    f"than a file name may have ({NAME_BYTES})",
                    "give the workbook a shorter name",
                )
            ],
        )
    return target


@dataclass(frozen=True)
class BuildResult:
    """One report's build: where it is, what happened, and what to tell the person."""

    path: Path
    status: Status
    warnings: list[Problem] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    applied: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    kept: Path | None = None
    notices: list[str] = field(default_factory=list)


def build_report(
    workbook: StrPath,
    out_dir: StrPath = "outputs",
    template: StrPath | None = None,
    *,
    force: bool = False,
    fresh: bool = False,
    language: Language = Language.EN,
) -> BuildResult:
    """Build one edition of a workbook's report into `out_dir`, never losing a person's
    edits.

    Up to date (same workbook, template and reportkit, report as written) → nothing is
    done unless `force`. A report edited since reportkit wrote it gets the workbook's
    corrections merged in as tracked changes, unless `fresh`. Raises `InputError`
    (nothing written) when the workbook or the template has errors or the report cannot be
    written.
    """
    from reportkit.publish.existing import unwritable
    from reportkit.state import StateStore, report_lock
    from reportkit.template_check import check_before_build

    workbook, out_dir = Path(workbook), Path(out_dir)
    # The workbook's bytes are read once: what is hashed is what is built.
    source = read_source(workbook)
    target = output_path(workbook, out_dir, language)
    template = (
        edition_template(Path(template), language) if template else default_template(language)
    )
    check_before_build(template)
    if target.is_dir():
        raise unwritable(target, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    existing, _ = StateStore.open_existing(out_dir)
    # Without any state nothing can be up to date: read the workbook before making the
    # state folder, so that a workbook with errors leaves nothing behind.
    prepared = None
    if existing is None:
        prepared = prepare(source, language)
    else:
        existing.close()
    store, notices = StateStore.open(out_dir)
    try:
        with report_lock(store.folder, target):
            result = _build_locked(
                source, target, template, store, force, fresh, prepared, language
            )
    finally:
        store.close()
    return replace(result, notices=notices + result.notices)


def _build_locked(
    source: Source,
    target: Path,
    template: Path,
    store: StateStore,
    force: bool,
    fresh: bool,
    prepared: Prepared | None,
    language: Language,
) -> BuildResult:
    from reportkit.base.docx_file import docx_bytes
    from reportkit.base.hashing import digest, digest_bytes
    from reportkit.base.stamp import set_stamp, stamp_of
    from reportkit.base.write import remove_leftovers
    from reportkit.publish.existing import existing_report, open_by, still_open
    from reportkit.publish.origin import origin
    from reportkit.publish.report import Built, Status, publish, write_notes
    from reportkit.render import render_report
    from reportkit.state import encode_model
    from reportkit.template_check import refuse_unprintable

    remove_leftovers(target)
    found = existing_report(target)
    notices: list[str] = []
    for record in store.settle(target.name, found.digest):
        notices += write_notes(target, record.notes)
    previous = store.latest(target.name)
    inputs = (source.digest, digest(template), __version__)
    came_from = origin(found, previous, store)
    current = previous is not None and previous.inputs() == inputs
    if (
        current
        and found.present
        and not found.damaged
        and not came_from.missed
        and not (force or fresh)
    ):
        if previous and found.digest != previous.report_hash:
            notices.append(f"{target}: edited since the last build; nothing new to merge")
        return BuildResult(target, Status.UNCHANGED, notices=notices)
    lock = open_by(target) if found.present else None
    if lock is not None:
        raise still_open(target, lock)
    prepared = prepared or prepare(source, language)
    model = encode_model(prepared.source)
    refuse_unprintable(prepared.report, template)
    document = render_report(prepared.report, prepared.source.meeting, template)
    set_stamp(document, stamp_of(digest_bytes(model), inputs[1], inputs[2]))
    changes, notice = _changes(previous, inputs[0], prepared.source, store)
    notices += notice
    built = Built(docx_bytes(document), model, inputs, source.path, changes)
    published = publish(target, built, found, came_from, store, fresh)
    return BuildResult(
        target,
        published.status,
        prepared.warnings,
        published.changes,
        published.applied,
        published.conflicts,
        published.kept,
        notices + published.notices,
    )


def _changes(
    previous: Record | None, workbook_hash: str, source: MeetingInput, store: StateStore
) -> tuple[ChangeReport | None, list[str]]:
    """What changed since the previous build's workbook, if it is known."""
    # `changes` is loaded as far as it is needed: not at all for a first build, its types
    # for an unchanged workbook, the whole of it to compare a changed one.
    if previous is None or previous.model_hash is None:
        return None, []
    from reportkit.changes.report import ChangeReport

    if previous.workbook_hash == workbook_hash:
        return ChangeReport(), []
    from reportkit.changes.compare import compare
    from reportkit.reference import load_reference
    from reportkit.state import decode_model

    stored = store.blob(previous.model_hash)
    try:
        if stored is None:
            raise ValueError("it is missing")
        old = decode_model(stored)
    except ValueError as error:
        return None, [
            f"{store.folder}: warning: the previous build's record of {previous.report} cannot "
            f"be read ({error}), so no change list this time — the next build will have one"
        ]
    return compare(old, source, load_reference()), []


def build(
    workbook: StrPath,
    out_dir: StrPath = "outputs",
    template: StrPath | None = None,
    *,
    force: bool = False,
    fresh: bool = False,
    language: Language = Language.EN,
) -> Path:
    """Build one edition of a workbook's report into `out_dir`; returns the path written."""
    return build_report(
        workbook, out_dir, template, force=force, fresh=fresh, language=language
    ).path
