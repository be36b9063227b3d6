"""Previews of a report's pages on the meeting page: the sample built on the page once (its PDF
made by LibreOffice), each page drawn by poppler as a PNG and shown as a thumbnail; drawn
again when the PDF changes and only then; the pages past the cap counted; one line saying
why when there is no PDF, poppler cannot read it or is missing, or a PDF keeps it busy; and
every request for a picture that is not one of a report's pages refused."""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from starlette.testclient import TestClient

from reportkit.web.previews import LONG_SIDE, MOST_PAGES, preview
from tests.conftest import SAMPLE
from tests.test_web import TOKEN, built_page, client_of, upload
from tests.web_pages import links, paragraphs

MEETING = "comcec-38"
PDF = "comcec-digital-2022.pdf"
NO_PDF = (
    "No preview: there is no PDF of this report "
    "(the build makes one when LibreOffice is on the server)."
)
_copies = itertools.count()


@dataclass(frozen=True)
class Built:
    client: TestClient
    folder: Path  # FOLDER, the meetings
    page: str  # the meeting's page once its build ended


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("meetings")
    (folder / MEETING).mkdir()
    client = client_of(folder)
    assert client.get(f"/?token={TOKEN}").status_code == 200
    assert upload(client, [(SAMPLE.name, SAMPLE.read_bytes())]).status_code == 303
    page = built_page(client)
    assert f"{SAMPLE.name} (en): built" in page
    return Built(client, folder, page)


@pytest.fixture
def copy(built: Built) -> str:
    """A meeting of its own, copied from the built one with its state, to change freely."""
    name = f"copy-{next(_copies)}"
    shutil.copytree(built.folder / MEETING, built.folder / name, symlinks=True)
    return name


class _Thumbnails(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []
        self._link = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "a":
            self._link = found.get("href", "")
        elif tag == "img":
            self.found.append({**found, "link": self._link})

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._link = ""


def thumbnails(html: str) -> list[dict[str, str]]:
    """Each image of the page: its attributes, and the link around it as `link`."""
    parser = _Thumbnails()
    parser.feed(html)
    return parser.found


def png_size(data: bytes) -> tuple[int, int]:
    """The size of a whole, sound PNG: the signature, every chunk's CRC, and pixel data
    that inflates to exactly the rows its header announces (8-bit gray, RGB or RGBA)."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    at, chunks, pixels = 8, [], b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) == crc
        chunks.append((kind, body))
        pixels += body if kind == b"IDAT" else b""
        at += 12 + length
    assert chunks[0][0] == b"IHDR"
    assert chunks[-1][0] == b"IEND"
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    assert depth == 8
    channels = {0: 1, 2: 3, 6: 4}[colour]
    assert len(zlib.decompress(pixels)) == height * (1 + width * channels)
    return width, height


def outputs(built: Built, meeting: str = MEETING) -> Path:
    return built.folder / meeting / "outputs"


def picture_url(meeting: str, number: int) -> str:
    return f"/meetings/{meeting}/preview/{PDF}/{number}.png"


def kept_previews(built: Built, meeting: str = MEETING) -> list[Path]:
    """The folders keeping the report's previews, one per PDF content drawn."""
    return sorted(outputs(built, meeting).glob(".reportkit/previews/*/*"))


def replace_pdf(path: Path, change: str) -> None:
    """The PDF rewritten with its pages reversed or doubled, as a rebuild would change it."""
    with pikepdf.open(path) as pdf:
        changed = pikepdf.new()
        pages = list(pdf.pages)
        for page in reversed(pages) if change == "reversed" else pages * 2:
            changed.pages.append(page)
        changed.save(path.with_suffix(".new"))
    path.with_suffix(".new").replace(path)


# Thumbnails and pictures


def test_each_page_of_the_pdf_is_a_thumbnail_linking_to_its_picture(built: Built) -> None:
    with pikepdf.open(outputs(built) / PDF) as pdf:
        pages = len(pdf.pages)
    assert 1 < pages <= MOST_PAGES
    shown = thumbnails(built.page)
    assert [image["alt"] for image in shown] == [f"Page {n} of {PDF}" for n in range(1, pages + 1)]
    for number, image in enumerate(shown, start=1):
        assert image["src"] == picture_url(MEETING, number)
        assert image["link"] == image["src"]
        assert image["loading"] == "lazy"
        answer = built.client.get(image["src"])
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "image/png"
        width, height = png_size(answer.content)
        assert (str(width), str(height)) == (image["width"], image["height"])
        assert max(width, height) == LONG_SIDE
    assert paragraphs(built.page, "more-pages") == []
    assert paragraphs(built.page, "no-preview") == []


def test_pictures_are_kept_under_the_pdfs_hash_and_not_drawn_again(built: Built) -> None:
    pdf_hash = hashlib.sha256((outputs(built) / PDF).read_bytes()).hexdigest()
    [kept] = kept_previews(built)
    assert kept.name == pdf_hash
    drawn = {p.name: p.stat().st_ino for p in kept.glob("*.png")}
    assert built.client.get(f"/meetings/{MEETING}").status_code == 200
    assert built.client.get(picture_url(MEETING, 1)).status_code == 200
    assert {p.name: p.stat().st_ino for p in kept.glob("*.png")} == drawn


def test_a_changed_pdf_gets_new_pictures_and_the_old_ones_go(built: Built, copy: str) -> None:
    before = thumbnails(built.client.get(f"/meetings/{copy}").text)
    first, last = (built.client.get(before[n]["src"]).content for n in (0, -1))
    [old] = kept_previews(built, copy)
    replace_pdf(outputs(built, copy) / PDF, "reversed")
    after = thumbnails(built.client.get(f"/meetings/{copy}").text)
    assert len(after) == len(before)
    reversed_first = built.client.get(after[0]["src"]).content
    assert reversed_first == last
    assert reversed_first != first
    [new] = kept_previews(built, copy)
    assert new.name == hashlib.sha256((outputs(built, copy) / PDF).read_bytes()).hexdigest()
    assert not old.exists()


def test_past_the_first_pages_the_page_says_how_many_more(built: Built, copy: str) -> None:
    replace_pdf(outputs(built, copy) / PDF, "doubled")
    with pikepdf.open(outputs(built, copy) / PDF) as pdf:
        pages = len(pdf.pages)
    assert pages > MOST_PAGES
    page = built.client.get(f"/meetings/{copy}").text
    assert len(thumbnails(page)) == MOST_PAGES
    assert paragraphs(page, "more-pages") == [f"More pages: {pages - MOST_PAGES}, in {PDF}"]
    assert f"/meetings/{copy}/reports/{PDF}" in links(page)
    assert built.client.get(picture_url(copy, MOST_PAGES)).status_code == 200
    assert built.client.get(picture_url(copy, MOST_PAGES + 1)).status_code == 404


def test_two_requests_at_once_share_one_drawing(built: Built, copy: str) -> None:
    shutil.rmtree(outputs(built, copy) / ".reportkit" / "previews")
    pdf = outputs(built, copy) / PDF
    with ThreadPoolExecutor(4) as pool:
        shown = list(pool.map(lambda _: preview(pdf.parent, pdf), range(4)))
    assert shown[0].why == ""
    assert shown == [shown[0]] * 4
    [kept] = kept_previews(built, copy)
    assert sorted(p.name for p in kept.parent.iterdir()) == [kept.name]


# Why there is no preview


@pytest.mark.parametrize("instead", ["nothing", "a link to a PDF elsewhere"])
def test_a_report_without_its_pdf_says_there_is_none(
    built: Built, copy: str, tmp_path: Path, instead: str
) -> None:
    pdf = outputs(built, copy) / PDF
    elsewhere = tmp_path / "elsewhere.pdf"
    pdf.replace(elsewhere)
    if instead != "nothing":
        pdf.symlink_to(elsewhere)
    page = built.client.get(f"/meetings/{copy}").text
    assert paragraphs(page, "no-preview") == [NO_PDF]
    assert thumbnails(page) == []
    assert built.client.get(picture_url(copy, 1)).status_code == 404


def test_a_pdf_poppler_cannot_read_is_said_in_one_line(built: Built, copy: str) -> None:
    (outputs(built, copy) / PDF).write_bytes(b"%PDF-1.7\nnot a PDF after all\n")
    answer = built.client.get(f"/meetings/{copy}")
    assert answer.status_code == 200
    [said] = paragraphs(answer.text, "no-preview")
    assert said.startswith("No preview: poppler could not read it (")
    assert str(built.folder) not in said
    assert built.client.get(picture_url(copy, 1)).status_code == 404


def test_without_poppler_on_the_server_the_page_says_so(
    built: Built, copy: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    answer = built.client.get(f"/meetings/{copy}")
    assert answer.status_code == 200
    assert paragraphs(answer.text, "no-preview") == [
        "No preview: poppler's pdfinfo and pdftoppm are not installed on the server "
        "(poppler-utils)."
    ]
    assert built.client.get(picture_url(copy, 1)).status_code == 404


def busy_pdf(path: Path) -> None:
    """A small PDF of one page filled 400,000 times over: seconds of poppler's work."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    page.obj.Contents = pdf.make_stream(b"0.5 g 10 10 500 700 re f\n" * 400_000)
    pdf.save(path, compress_streams=True)


def processes_in(folder: Path) -> list[str]:
    """The processes working in `folder` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            where = Path(os.readlink(entry / "cwd"))
        except OSError:
            continue
        if where.is_relative_to(folder):
            found.append((entry / "cmdline").read_bytes().decode(errors="replace"))
    return found


def test_a_pdf_that_keeps_poppler_busy_is_stopped_and_said_once(tmp_path: Path) -> None:
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    busy_pdf(outputs / "busy.pdf")
    shown = preview(outputs, outputs / "busy.pdf", seconds=1)
    assert shown.why == "poppler took more than 1 s over it, and was stopped"
    assert processes_in(tmp_path) == []
    [kept] = outputs.glob(".reportkit/previews/*/*")
    assert sorted(p.name for p in kept.iterdir()) == ["preview.json"]
    assert preview(outputs, outputs / "busy.pdf", seconds=1) == shown


# Refused


@pytest.fixture(scope="module")
def out_of_reach(built: Built, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A real PDF beside FOLDER, a link to it among the reports, a link to the meeting."""
    secret = tmp_path_factory.mktemp("beside") / "secret.pdf"
    shutil.copyfile(outputs(built) / PDF, secret)
    (outputs(built) / "linked.pdf").symlink_to(secret)
    (built.folder / "linked-meeting").symlink_to(built.folder / MEETING)


@pytest.mark.parametrize(
    "path",
    [
        f"/meetings/{MEETING}/preview/{PDF}/0.png",
        f"/meetings/{MEETING}/preview/{PDF}/10.png",
        f"/meetings/{MEETING}/preview/{PDF}/13.png",
        f"/meetings/{MEETING}/preview/{PDF}/-1.png",
        f"/meetings/{MEETING}/preview/{PDF}/1.5.png",
        f"/meetings/{MEETING}/preview/{PDF}/one.png",
        f"/meetings/{MEETING}/preview/{PDF}/{'9' * 5000}.png",
        f"/meetings/{MEETING}/preview/{PDF}/1",
        f"/meetings/{MEETING}/preview/comcec-digital-2022.docx/1.png",
        f"/meetings/{MEETING}/preview/..%2F..%2F..%2Fbeside0%2Fsecret.pdf/1.png",
        f"/meetings/{MEETING}/preview/%2E%2E%2F%2E%2E%2Fsecret.pdf/1.png",
        f"/meetings/{MEETING}/preview/..%5C..%5Csecret.pdf/1.png",
        f"/meetings/{MEETING}/preview/linked.pdf/1.png",
        f"/meetings/{MEETING}/preview/.reportkit/1.png",
        f"/meetings/linked-meeting/preview/{PDF}/1.png",
        "/meetings/..%2F..%2Fbeside0/preview/secret.pdf/1.png",
    ],
)
def test_a_picture_that_is_not_a_page_of_a_report_is_404(
    built: Built, out_of_reach: None, path: str
) -> None:
    answer = built.client.get(path)
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
