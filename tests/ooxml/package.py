"""A .docx as its parts: bytes by name, content types and relationships resolved.

Read straight from the zip rather than through python-docx, which silently skips what it
cannot place (a dangling relationship, a part without a content type) — the very things
checked here.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

CONTENT_TYPES = "[Content_Types].xml"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class Relationship:
    source: str  # the part that holds the relationship; "" for the package itself
    rel_id: str
    rel_type: str
    target: str  # a part name for internal targets, the raw URI for external ones
    external: bool


@dataclass(frozen=True)
class Package:
    parts: dict[str, bytes]
    defaults: dict[str, str]  # extension (lower case) -> content type
    overrides: dict[str, str]  # part name without leading slash -> content type

    @classmethod
    def read(cls, path: Path) -> Package:
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        types = etree.fromstring(parts[CONTENT_TYPES])
        defaults = {
            e.get("Extension").lower(): e.get("ContentType") for e in types.iter(f"{_CT}Default")
        }
        overrides = {
            e.get("PartName").lstrip("/"): e.get("ContentType")
            for e in types.iter(f"{_CT}Override")
        }
        return cls(parts, defaults, overrides)

    def content_type(self, name: str) -> str | None:
        if name in self.overrides:
            return self.overrides[name]
        base = posixpath.basename(name)
        return self.defaults.get(base.rpartition(".")[2].lower()) if "." in base else None

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name])

    def relationships(self) -> list[Relationship]:
        found = []
        for name in self.parts:
            if not name.endswith(".rels"):
                continue
            folder, rels_file = posixpath.split(name)
            source_dir = posixpath.dirname(folder)  # "word/_rels" -> "word"
            stem = rels_file[: -len(".rels")]
            source = posixpath.join(source_dir, stem) if stem else ""
            for rel in self.xml(name).iter(f"{_REL}Relationship"):
                external = rel.get("TargetMode") == "External"
                target = rel.get("Target")
                if not external:
                    base = "" if target.startswith("/") else source_dir
                    target = posixpath.normpath(posixpath.join(base, target.lstrip("/")))
                found.append(Relationship(source, rel.get("Id"), rel.get("Type"), target, external))
        return found

    def relationships_of(self, source: str) -> dict[str, Relationship]:
        return {r.rel_id: r for r in self.relationships() if r.source == source}

    def part_of_type(self, rel_type_suffix: str, source: str = "word/document.xml") -> str | None:
        """The part a relationship of this kind (e.g. "/styles") points to, if any."""
        for rel in self.relationships_of(source).values():
            if rel.rel_type.endswith(rel_type_suffix) and not rel.external:
                return rel.target
        return None
