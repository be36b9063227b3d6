"""Pictures of a report PDF's first pages, so that the meeting page shows what a report looks
like before anyone downloads it: rendered on the server by poppler (`pdfinfo` counts the
pages, `pdftoppm` draws them) and kept in `outputs/.reportkit/previews/` under the PDF's
content hash, so a rebuilt PDF gets new pictures and an unchanged one is never drawn twice.

A PDF in `outputs/` may be anything someone put there, so the work is bounded: the first
MOST_PAGES pages only, each at most LONG_SIDE pixels whatever its page size, and poppler
killed after SECONDS. What a PDF gave, pictures or why there are none, is kept alike, so a
hostile PDF costs SECONDS once, not on every request. A preview is drawn in a temporary
folder beside where it is kept and renamed into place, under a lock, so two requests never
draw one PDF at once and none ever sees half a preview.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from reportkit.base.hashing import digest_bytes
from reportkit.base.outdir import NotAFile, read_own
from reportkit.problems import InputError
from reportkit.state.folder import LOCK_DIR, PREVIEWS_DIR, refuse_link, state_folder
from reportkit.web.language import page_text
from reportkit.web.meetings import plain_folder

# About 70 dpi on an A4 or Letter page: legible enough to know the page at a glance.
LONG_SIDE = 800
MOST_PAGES = 12
SECONDS = 20.0
TOOLS = ("pdfinfo", "pdftoppm")
MANIFEST = "preview.json"
SOURCE = "source.pdf"
PARTIAL = ".partial-"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_DRAWN = re.compile(r"page-0*([1-9][0-9]*)\.png")


@dataclass(frozen=True)
class Picture:
    """One page's PNG: its page number and size in pixels."""

    number: int
    width: int
    height: int


@dataclass(frozen=True)
class Preview:
    """The pictures of a PDF's first pages and how many pages it has, or why there are none."""

    pictures: tuple[Picture, ...] = ()
    pages: int = 0
    why: str = ""

    @property
    def more(self) -> int:
        """The pages past the last picture."""
        return self.pages - len(self.pictures)


class _NoPreview(Exception):
    """Poppler gave no pictures of a PDF: `why` is the line the page shows in their place."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def _missing_tools() -> str:
    """Why no PDF can be previewed on this server, "" when poppler is there."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not missing:
        return ""
    verb = "is" if len(missing) == 1 else "are"
    return f"poppler's {' and '.join(missing)} {verb} not installed on the server (poppler-utils)"


def preview(outputs: Path, pdf: Path, seconds: float = SECONDS) -> Preview:
    """The preview of `pdf`, a report in `outputs/`, drawn now if its content is new."""
    return _kept(outputs, pdf, seconds)[0]


def picture(outputs: Path, pdf: Path, number: int) -> bytes | None:
    """The PNG of page `number` of `pdf`'s preview; None when the preview has no such page."""
    shown, folder = _kept(outputs, pdf, SECONDS)
    if folder is None or not 1 <= number <= len(shown.pictures):
        return None
    try:
        return read_own(folder / f"{number}.png")
    except (NotAFile, OSError):
        return None


def _kept(outputs: Path, pdf: Path, seconds: float) -> tuple[Preview, Path | None]:
    """The preview and the folder keeping its pictures (None when nothing is kept)."""
    why = _missing_tools()
    if why:
        return Preview(why=why), None
    try:
        data = read_own(pdf)
    except (NotAFile, OSError):
        data = None
    if data is None:
        return Preview(why=page_text("the PDF could not be read")), None
    key = digest_bytes(data)
    try:
        state, folder = _folders(outputs, pdf.name)
        kept = folder / key
        shown = _manifest(kept)
        if shown is None:
            with _lock(state, folder.name, seconds):
                shown = _manifest(kept) or _draw(kept, data, seconds)
                _prune(folder, key)
    except InputError as error:  # the state folder is a link, a file, or cannot be written
        return Preview(why=f"{Path(error.source).name} {error.problems[0].said}"), None
    except Timeout:
        return Preview(
            why=page_text("another request is drawing it; reload the page in a moment")
        ), None
    except OSError as error:
        return Preview(why=f"it could not be kept ({error.strerror or error})"), None
    return shown, kept


def _folders(outputs: Path, name: str) -> tuple[Path, Path]:
    """The state folder, and the folder keeping this report's previews (made if needed, no
    link on the way): named by a hash of the report's name, so any legal name fits."""
    state = state_folder(outputs)
    folder = state / PREVIEWS_DIR / digest_bytes(os.fsencode(name))[:24]
    for path in (folder.parent, folder):
        path.mkdir(exist_ok=True)
        if not plain_folder(path):
            raise OSError(f"{path.name} is not a folder")
    return state, folder


def _lock(state: Path, name: str, seconds: float) -> FileLock:
    """One drawing of a report's preview at a time, across requests and servers; a request
    waits at most for one other to finish drawing."""
    path = state / LOCK_DIR / f"preview-{name}.lock"
    refuse_link(path)
    return FileLock(path, timeout=2 * seconds + 5)


def _manifest(kept: Path) -> Preview | None:
    """The preview kept in `kept`, None when there is none (or it is not reportkit's)."""
    try:
        said = json.loads(read_own(kept / MANIFEST) or b"null")
        pictures = tuple(Picture(*size) for size in said["pictures"])
        return Preview(pictures, said["pages"], said["why"])
    except (NotAFile, OSError, ValueError, TypeError, KeyError):
        return None


def _draw(kept: Path, data: bytes, seconds: float) -> Preview:
    """Draw the PDF's pages into a temporary folder beside `kept`, renamed to it when done."""
    shutil.rmtree(kept, ignore_errors=True)  # an unreadable preview, drawn again
    work = Path(tempfile.mkdtemp(prefix=PARTIAL, dir=kept.parent))
    try:
        (work / SOURCE).write_bytes(data)
        try:
            shown = _pictures(work, seconds)
        except _NoPreview as failure:
            shown = Preview(why=failure.why)
            for drawn in work.glob("*.png"):
                drawn.unlink()
        (work / SOURCE).unlink()
        said = {
            "pictures": [[p.number, p.width, p.height] for p in shown.pictures],
            "pages": shown.pages,
            "why": shown.why,
        }
        (work / MANIFEST).write_text(json.dumps(said), encoding="utf-8")
        work.rename(kept)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return shown


def _pictures(work: Path, seconds: float) -> Preview:
    info = _poppler(["pdfinfo", SOURCE], work, seconds)
    counted = re.search(r"^Pages:\s+([0-9]+)\s*$", info, re.MULTILINE)
    pages = int(counted.group(1)) if counted else 0
    if not pages:
        raise _NoPreview(page_text("poppler found no page in it"))
    last = min(pages, MOST_PAGES)
    command = ["pdftoppm", "-q", "-png", "-scale-to", str(LONG_SIDE), "-f", "1", "-l", str(last)]
    _poppler([*command, SOURCE, "page"], work, seconds)
    pictures = []
    for drawn in work.iterdir():
        if matched := _DRAWN.fullmatch(drawn.name):
            number = int(matched.group(1))
            pictures.append(Picture(number, *_size(drawn)))
            drawn.rename(work / f"{number}.png")
    pictures.sort(key=lambda p: p.number)
    if [p.number for p in pictures] != list(range(1, last + 1)):
        raise _NoPreview(page_text("poppler could not draw every page of it"))
    return Preview(tuple(pictures), pages)


def _poppler(command: list[str], work: Path, seconds: float) -> str:
    """What the poppler tool printed; `_NoPreview` when it failed or took over `seconds`
    (then it is killed). It runs in `work` on the copy there, so nothing it says names a
    path of the server."""
    try:
        done = subprocess.run(
            command,
            cwd=work,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise _NoPreview(f"poppler took more than {seconds:g} s over it, and was stopped") from None
    except OSError as error:
        raise _NoPreview(f"{command[0]} could not run ({error.strerror or error})") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = f" ({said[0][:200]})" if said else ""
        raise _NoPreview(f"poppler could not read it{reason}")
    return done.stdout.decode("utf-8", "replace")


def _size(png: Path) -> tuple[int, int]:
    """Width and height from the PNG's header (its first chunk, IHDR)."""
    with png.open("rb") as stream:
        head = stream.read(24)
    if len(head) < 24 or not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        raise _NoPreview(page_text("poppler drew something that is not a PNG"))
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _prune(folder: Path, key: str) -> None:
    """Remove the previews of the report's earlier PDFs and what killed drawings left."""
    for entry in folder.iterdir():
        if entry.name == key:
            continue
        if plain_folder(entry):
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
