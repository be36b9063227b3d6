"""Which template file builds an edition: the shipped one, or a restyled template's twin.

Only paths: a batch chooses and hashes its templates before it knows whether anything is
to be built, so this is kept apart from rendering (python-docx, docxtpl), which a run whose
reports are all up to date never loads.
"""

from __future__ import annotations

from pathlib import Path

from reportkit.model import Language


def default_template(language: Language = Language.EN) -> Path:
    """The shipped template of an edition: `templates/report.docx` (English),
    `report.fr.docx`, `report.ar.docx` of the source tree, which a regular install copies
    into the package (see `package-dir` in pyproject.toml)."""
    name = "report.docx" if language is Language.EN else f"report.{language.value}.docx"
    package = Path(__file__).resolve().parents[1]
    for folder in (package / "templates", package.parent / "templates"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"the shipped template templates/{name} is missing")


def edition_template(template: Path, language: Language) -> Path:
    """A restyled template's edition: `style.fr.docx` beside `style.docx` when there is one
    (an Arabic edition wants its right-to-left template), else the template itself."""
    if language is Language.EN:
        return template
    twin = template.with_name(f"{template.stem}.{language.value}{template.suffix}")
    return twin if twin.is_file() else template
