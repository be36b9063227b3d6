"""Refusing what a template would make every report fetch from outside itself.

A template is copied into every report, so whatever in it points outside the document
reaches every reader: Word fetches an external picture or attached template when a report
opens (a tracking pixel; a `\\\\server\\share` path sends the reader's Windows credentials),
fills INCLUDETEXT, INCLUDEPICTURE, LINK and DDE fields from files and programs, and
merges an altChunk part into the text. Such content is refused, not stripped with a
warning: a template is made once and on purpose, so its author removes the thing once,
whereas stripping would make every report silently differ from the template given.

Allowed: hyperlinks to http(s) and mailto addresses — a website in the footer is house
style, and Word follows a link only when a reader clicks it. Refused, each with its part
and relationship id or field: every other external relationship (links to `file:`, UNC
paths or other schemes; external pictures, attached templates, linked objects, frames,
subdocuments), altChunk relationships whether external or not, the fields INCLUDETEXT
(INCLUDE), INCLUDEPICTURE (IMPORT), LINK, DDE, DDEAUTO and DATABASE, and HYPERLINK fields
to anything but http(s) and mailto.

Parts are streamed through expat in 64 KiB chunks, as `member_scan` reads them, and never
inflated whole. A part is parsed for fields only if its bytes name a field element (parts
in UTF-16, where names are not ASCII bytes, are always parsed). The same rules judge the
rendered report again (`reportkit.render.rendered_content`), since tags could assemble a
field the template does not hold literally.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.parsers import expat

from reportkit.problems import Problem

_CHUNK = 64 * 1024
_FIELD_ELEMENTS = (b"fldSimple", b"instrText", b"fldChar")
_OVERLAP = max(len(name) for name in _FIELD_ELEMENTS)
_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
_SHOWN = 80
# A field's first argument, quoted or not, unless a switch (`\l "bookmark"`) comes first.
_FIRST_ARGUMENT = re.compile(r'\s*\S+\s+(?:"([^"]*)"|(?!\\[A-Za-z*@#!](?:\s|$))(\S+))')

_OUTSIDE_FIELDS = frozenset(
    {"INCLUDETEXT", "INCLUDE", "INCLUDEPICTURE", "IMPORT", "LINK", "DDE", "DDEAUTO", "DATABASE"}
)
_FETCHED = {
    "image": "a picture",
    "attachedTemplate": "an attached template",
    "oleObject": "a linked object",
    "frame": "a frame",
    "subDocument": "a subdocument",
    "package": "an embedded package",
    "video": "a video",
    "audio": "a sound",
    "media": "a media file",
}
_ALT_CHUNK = "aFChunk"
_HYPERLINK = "hyperlink"


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part, as its .rels part declares it."""

    rid: str
    reltype: str
    target: str
    external: bool


class FieldCodes:
    """The instructions of a part's fields as Word reads them: a simple field's `instr`, and
    a complex field's instrText from its `begin` mark to its `separate` (or `end`) mark, a
    field nested in an instruction taking its own text."""

    def __init__(self) -> None:
        self.instructions: list[str] = []
        self._open: list[list[str] | None] = []  # per open field: its text, None past `separate`

    def simple(self, instruction: str) -> None:
        self.instructions.append(instruction)

    def mark(self, kind: str) -> None:
        """A `w:fldChar` of type `begin`, `separate` or `end`."""
        if kind == "begin":
            self._open.append([])
        elif kind in ("separate", "end") and self._open:
            self._finish()
            if kind == "end":
                self._open.pop()

    def text(self, text: str) -> None:
        """Text of a `w:instrText` (or `w:delInstrText`)."""
        if self._open and self._open[-1] is not None:
            self._open[-1].append(text)

    def close(self) -> list[str]:
        """Every instruction, fields left open at the end of the part included."""
        while self._open:
            self._finish()
            self._open.pop()
        return self.instructions

    def _finish(self) -> None:
        pieces = self._open[-1]
        if pieces is not None:
            self.instructions.append("".join(pieces))
            self._open[-1] = None


def template_content_problems(archive: zipfile.ZipFile) -> list[Problem]:
    """Every external relationship, outside-fetching field and altChunk in the template."""
    problems: list[Problem] = []
    for member in archive.infolist():
        if member.is_dir():
            continue
        if member.filename.casefold().endswith(".rels"):
            relationships = _read_relationships(archive, member)
            problems += [
                problem
                for relationship in relationships
                if (problem := relationship_problem(member.filename, relationship))
            ]
        elif _names_fields(archive, member):
            problems += [
                problem
                for instruction in _read_fields(archive, member)
                if (problem := field_problem(member.filename, instruction))
            ]
    return problems


def relationship_problem(rels_part: str, relationship: Relationship) -> Problem | None:
    """The problem with one relationship, if it reaches outside the document or imports one."""
    kind = relationship.reltype.rsplit("/", 1)[-1]
    target = _shown(relationship.target)
    where = f"({relationship.rid})"
    if kind == _ALT_CHUNK:
        return Problem(
            f"an imported document (altChunk) {target} {where}",
            "remove it from the template: Word would merge its content into every report; "
            "paste the content into the template instead",
            location=rels_part,
        )
    if not relationship.external:
        return None
    if kind == _HYPERLINK:
        if is_web_link(relationship.target):
            return None
        return Problem(
            f"an external link to {target} {where}",
            "remove it from the template; links may go to http(s) and mailto addresses only",
            location=rels_part,
        )
    thing = _FETCHED.get(kind, f'an external "{kind}" part')
    return Problem(
        f"{thing} loaded from {target} {where}",
        "remove it from the template: Word would fetch it from outside whenever a report opens",
        location=rels_part,
    )


def field_problem(part: str, instruction: str) -> Problem | None:
    """The problem with one field instruction, if it fills the field from outside."""
    words = instruction.split()
    if not words:
        return None
    name = words[0].upper()
    article = "an" if name[0] in "AEIOU" else "a"
    if name in _OUTSIDE_FIELDS:
        return Problem(
            f"{article} {name} field ({_shown(' '.join(words))})",
            "remove the field from the template: Word would fill it from a file or a program "
            "outside the report",
            location=part,
        )
    if name == "HYPERLINK" and (address := _FIRST_ARGUMENT.match(instruction)):
        target = address.group(1) or address.group(2)
        if target and not is_web_link(target):
            return Problem(
                f"a HYPERLINK field to {_shown(target)}",
                "remove it from the template; links may go to http(s) and mailto addresses only",
                location=part,
            )
    return None


def is_web_link(target: str) -> bool:
    """An http(s) address with a host, or a mailto address: what a reader's click may open."""
    parts = urlsplit(target.strip())
    scheme = parts.scheme.lower()
    return (scheme in ("http", "https") and bool(parts.netloc)) or scheme == "mailto"


def _shown(text: str) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _names_fields(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether the part's bytes name a field element (or cannot be searched as ASCII)."""
    tail = b""
    with archive.open(member) as stream:
        first = True
        while chunk := stream.read(_CHUNK):
            if first and (chunk.startswith(_UTF16_MARKS) or b"\0" in chunk[:4]):
                return True
            first = False
            window = tail + chunk
            if any(name in window for name in _FIELD_ELEMENTS):
                return True
            tail = window[-_OVERLAP:]
    return False


def _read_relationships(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> list[Relationship]:
    found: list[Relationship] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if _local(name) == "Relationship":
            found.append(
                Relationship(
                    attributes.get("Id", "?"),
                    attributes.get("Type", ""),
                    attributes.get("Target", ""),
                    attributes.get("TargetMode", "").casefold() == "external",
                )
            )

    _parse(archive, member, start)
    return found


def _read_fields(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> list[str]:
    codes = FieldCodes()
    in_instruction = False

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal in_instruction
        local = _local(name)
        if local == "fldSimple":
            codes.simple(_attribute(attributes, "instr"))
        elif local == "fldChar":
            codes.mark(_attribute(attributes, "fldCharType"))
        elif local in ("instrText", "delInstrText"):
            in_instruction = True

    def end(name: str) -> None:
        nonlocal in_instruction
        if _local(name) in ("instrText", "delInstrText"):
            in_instruction = False

    def text(data: str) -> None:
        if in_instruction:
            codes.text(data)

    _parse(archive, member, start, end, text)
    return codes.close()


def _parse(
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] | None = None,
    text: Callable[[str], None] | None = None,
) -> None:
    """Stream a part through expat; a part that is not XML (a picture) ends quietly, since
    reading it is the business of `member_scan` and of the parsers after it."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (expat.ExpatError, ValueError):
        return


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def _attribute(attributes: dict[str, str], local: str) -> str:
    return next((value for key, value in attributes.items() if _local(key) == local), "")
