"""Compiled template code kept across processes: used when it is this sandbox's, never an
error when the cache is missing, damaged or not the user's own, and never for a refused tag."""

from __future__ import annotations

import hashlib
import marshal
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from reportkit.render.sandbox import ReportSandbox, TagNotAllowed

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "inputs" / "comcec-digital-2022.xlsx"


def _cache(home: Path) -> Path:
    return home / "reportkit" / "templates"


def _stored(home: Path) -> list[Path]:
    folder = _cache(home)
    return sorted(folder.glob("*.jinja-code")) if folder.is_dir() else []


def _fresh(text: str) -> str:
    """A part no earlier test compiled in this process (the process keeps its own copy)."""
    return f"{text}<!-- {uuid.uuid4()} -->"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def _build(out: Path, home: Path) -> bytes:
    environment = {**os.environ, "XDG_CACHE_HOME": str(home), "SOURCE_DATE_EPOCH": "1700000000"}
    subprocess.run(
        [sys.executable, "-m", "reportkit", "build", str(SAMPLE), "-o", str(out), "--fresh"],
        check=True,
        capture_output=True,
        env=environment,
    )
    return (out / f"{SAMPLE.stem}.docx").read_bytes()


def test_a_second_process_reads_the_code_the_first_stored_and_builds_the_same_report(
    tmp_path: Path,
) -> None:
    home = tmp_path / "cache-home"
    first = _build(tmp_path / "first", home)
    stored = _stored(home)
    assert stored, "the first build stored no compiled template"
    assert _cache(home).stat().st_mode & 0o777 == 0o700
    times = [path.stat().st_mtime_ns for path in stored]
    second = _build(tmp_path / "second", home)
    assert hashlib.sha256(second).digest() == hashlib.sha256(first).digest()
    assert _stored(home) == stored
    assert [path.stat().st_mtime_ns for path in stored] == times  # read, not written again
    uncached = _build(tmp_path / "uncached", tmp_path / "other-home")
    assert uncached == first


def _render_in_new_process(source: str, home: Path) -> str:
    """`source` rendered with name="<A>" by a process of its own, as a next build would."""
    script = (
        "import sys; from reportkit.render.sandbox import ReportSandbox; "
        "sys.stdout.write(ReportSandbox().from_string(sys.argv[1]).render(name='<A>'))"
    )
    return subprocess.run(
        [sys.executable, "-c", script, source],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(home)},
    ).stdout


def test_the_stored_code_is_what_a_new_process_runs(home: Path) -> None:
    source = _fresh("<p>{{ name }}</p>")
    assert _render_in_new_process(source, home).startswith("<p>&lt;A&gt;</p>")
    (stored,) = _stored(home)
    stored.write_bytes(marshal.dumps(ReportSandbox().compile("<p>stored: {{ name }}</p>")))
    assert _render_in_new_process(source, home) == "<p>stored: &lt;A&gt;</p>"


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe3" + b"\x00" * 40])
def test_a_damaged_file_compiles_afresh(home: Path, damage: bytes) -> None:
    source = _fresh("<p>{{ name }}</p>")
    ReportSandbox().from_string(source)
    (stored,) = _stored(home)
    stored.write_bytes(damage)
    assert _render_in_new_process(source, home).startswith("<p>&lt;A&gt;</p>")
    assert stored.read_bytes() != damage  # stored again, whole


def test_a_folder_others_may_write_to_is_not_used(home: Path) -> None:
    folder = _cache(home)
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    template = ReportSandbox().from_string(_fresh("<p>{{ name }}</p>"))
    assert template.render(name="A").startswith("<p>A</p>")
    assert _stored(home) == []


def test_no_cache_folder_to_be_made_is_no_cache(home: Path) -> None:
    home.write_text("a file where the cache folder would be")
    template = ReportSandbox().from_string(_fresh("<p>{{ name }}</p>"))
    assert template.render(name="A").startswith("<p>A</p>")


def test_only_the_newest_parts_are_kept(home: Path) -> None:
    for number in range(70):
        ReportSandbox().from_string(_fresh(f"<p>{number} {{{{ name }}}}</p>"))
    assert len(_stored(home)) == 64


def test_a_refused_tag_is_refused_again_and_never_stored(home: Path) -> None:
    source = _fresh('<p>{% include "other.xml" %}</p>')
    for _ in range(2):
        with pytest.raises(TagNotAllowed):
            ReportSandbox().from_string(source)
    assert _stored(home) == []
