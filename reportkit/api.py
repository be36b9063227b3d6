"""The library API: what the CLI does, callable without it.

import reportkit
reportkit.build("inputs/comcec-digital-2022.xlsx", "outputs")
"""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from reportkit.arrange import arrange
from reportkit.arrange.result import ArrangedReport
from reportkit.model import MeetingInput
from reportkit.problems import InputError, Problem, has_errors
from reportkit.read import read_workbook
from reportkit.reference import load_reference
from reportkit.render import default_template, render_report
from reportkit.write import docx_bytes, write_atomic

StrPath = str | PathLike[str]


@dataclass(frozen=True)
class Prepared:
    """A workbook read and arranged, with the warnings found on the way."""

    source: MeetingInput
    report: ArrangedReport
    warnings: list[Problem]


def prepare(workbook: StrPath) -> Prepared:
    """Read and arrange a workbook; raises `InputError` listing every error found."""
    path = Path(workbook)
    source, problems = read_workbook(path)
    if source is not None:
        report, arrange_problems = arrange(source, load_reference())
        problems.extend(arrange_problems)
    if source is None or has_errors(problems):
        raise InputError(str(path), problems)
    return Prepared(source, report, problems)


def check(workbook: StrPath) -> list[Problem]:
    """Every problem in a workbook, errors and warnings; nothing is written."""
    try:
        return prepare(workbook).warnings
    except InputError as error:
        return error.problems


def output_path(workbook: StrPath, out_dir: StrPath) -> Path:
    """`OUTDIR/<workbook stem>.docx`: a plain file name, never a path out of OUTDIR."""
    name = f"{Path(workbook).stem}.docx"
    target = Path(out_dir) / name
    if Path(name).name != name or target.resolve().parent != Path(out_dir).resolve():
        raise InputError(
            str(workbook),
            [Problem(f'the report name "{name}" is not a plain file name', "rename the workbook")],
        )
    return target


@dataclass(frozen=True)
class BuildResult:
    path: Path
    warnings: list[Problem]
    source: MeetingInput


def build_report(
    workbook: StrPath, out_dir: StrPath = "outputs", template: StrPath | None = None
) -> BuildResult:
    """Build the report of one workbook into `out_dir`, keeping the warnings found.

    Raises `InputError` (nothing written) when the workbook has errors.
    """
    prepared = prepare(workbook)
    document = render_report(
        prepared.report,
        prepared.source.meeting,
        Path(template) if template else default_template(),
    )
    target = output_path(workbook, out_dir)
    try:
        write_atomic(target, docx_bytes(document))
    except OSError as error:
        raise InputError(
            str(target),
            [
                Problem(
                    f"the report cannot be written ({error.strerror or error})",
                    "check the folder is writable and the file is not open in Word, then retry",
                )
            ],
        ) from error
    return BuildResult(target, prepared.warnings, prepared.source)


def build(workbook: StrPath, out_dir: StrPath = "outputs", template: StrPath | None = None) -> Path:
    """Build the report of one workbook into `out_dir`; returns the path written."""
    return build_report(workbook, out_dir, template).path
