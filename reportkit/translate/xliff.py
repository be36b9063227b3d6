"""XLIFF 1.2, the file CAT tools read, written and read with translate-toolkit.

translate-toolkit writes XLIFF 1.1 unless its file says 1.2; the store here starts from a
1.2 skeleton and its units are born in the 1.2 namespace. Each unit is a `trans-unit`
with the English `source`, a `target` holding the workbook's translation (empty where
there is none), its state (`needs-translation`, `needs-review-translation` for one the
English has outgrown, `translated`), the English cell as its location and notes saying
what the text is. Importing takes the targets a translator marked translated (or final,
or signed off); the others are still waiting for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from translate.storage.xliff import ID_SEPARATOR, Xliff1File, Xliff1Unit

from reportkit.model import Language
from reportkit.problems import InputError, Problem
from reportkit.translate.units import Unit, typed

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
# lxml ends its messages with where it parsed from, which is always the bytes given here.
_PARSER_WHERE = re.compile(r" \(<string>, line \d+\)$")
_MARKS = ("[[", "*")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class _Unit12(Xliff1Unit):
    namespace = XLIFF_12


class _File12(Xliff1File):
    UnitClass = _Unit12
    namespace = XLIFF_12
    XMLskeleton = (
        '<?xml version="1.0" ?>'
        f"<xliff version='1.2' xmlns='{XLIFF_12}'>"
        "<file original='NoName' source-language='en' datatype='plaintext'><body></body></file>"
        "</xliff>"
    )


@dataclass(frozen=True)
class Exported:
    """A unit as exported: the cell, and the English its translation has outgrown, if so."""

    unit: Unit
    outgrown: str | None = None


def xliff_bytes(workbook: str, language: Language, units: list[Exported]) -> bytes:
    """The XLIFF 1.2 file of `units`, for translation from English into `language`."""
    store = _File12(sourcelanguage="en", targetlanguage=language.value)
    store.switchfile(workbook, createifmissing=True)
    for exported in units:
        unit = exported.unit
        entry = _Unit12(unit.english)
        store.addunit(entry)
        entry.setid(unit.id)
        entry.target = unit.translation
        if not unit.translation:
            entry.set_state_n(entry.S_NEEDS_TRANSLATION)
        elif exported.outgrown is not None:
            entry.set_state_n(entry.S_NEEDS_REVIEW)
        # translate-toolkit's own `addlocation` names every group "", which the schema's
        # uniqueness of context-group names within a file forbids.
        entry.createcontextgroup(f"location {unit.id}", [("sourcefile", unit.location)], "location")
        twin = unit.twin(language)
        entry.addnote(
            f"Sheet {unit.sheet}, cell {unit.location.partition('!')[2]}: {unit.kind}."
            f" The translation goes in its column {twin}.",
            origin="reportkit",
        )
        if any(mark in unit.english for mark in _MARKS):
            entry.addnote(
                "Keep [[…]], *…* and **…** as they are: reportkit replaces [[…]] with a"
                " number or a list, and prints *…* in italics and **…** in bold.",
                origin="reportkit",
            )
        if exported.outgrown is not None:
            entry.addnote(
                "The English changed after this translation was written; it was made for:"
                f" {exported.outgrown}",
                origin="reportkit",
            )
    return bytes(store)


@dataclass(frozen=True)
class Returned:
    """A unit of an XLIFF file as a translator returned it."""

    id: str
    source: str
    target: str
    done: bool
    location: str


@dataclass(frozen=True)
class Returns:
    language: Language
    units: list[Returned]


def read_xliff(data: bytes, name: str) -> Returns:
    """The units of an XLIFF 1.x file from English into French or Arabic; `InputError`
    with one problem when it is not one."""
    why = _not_xliff_1(data)
    if why:
        raise _not_xliff(name, why)
    try:
        store = _File12.parsestring(data)
    except Exception as error:  # the toolkit raises many types for files it cannot take
        raise _not_xliff(name, str(error).split("\n")[0].rstrip(".")) from None
    source = (store.getsourcelanguage() or "").split("-")[0].split("_")[0].casefold()
    target = (store.gettargetlanguage() or "").split("-")[0].split("_")[0].casefold()
    if source != "en":
        raise InputError(
            name,
            [
                Problem(
                    f'the file translates from "{source or "no language"}", not from English',
                    "import a file exported by reportkit translate export",
                )
            ],
        )
    try:
        language = Language(target)
    except ValueError:
        language = Language.EN
    if language is Language.EN:
        raise InputError(
            name,
            [
                Problem(
                    f'the file translates into "{target or "no language"}", not French or Arabic',
                    "import a file exported with --lang fr or --lang ar",
                )
            ],
        )
    units = [
        Returned(
            unit.getid().rpartition(ID_SEPARATOR)[2],
            typed(unit.source or ""),
            typed(unit.target or ""),
            unit.get_state_n() >= unit.S_TRANSLATED,
            next(iter(unit.getlocations()), ""),
        )
        for unit in store.units
    ]
    return Returns(language, units)


def _not_xliff_1(data: bytes) -> str:
    """Why `data` is no XLIFF 1.x file, said as a person would check it: "" when it is one.

    A file declaring XML entities is refused before it is parsed: no CAT tool writes them,
    and expanding them is how a small file fills memory.
    """
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if "<!ENTITY" in data.decode("utf-16" if utf16 else "utf-8", errors="replace"):
        return "it declares XML entities"
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        return _PARSER_WHERE.sub("", str(error)).rstrip(".") or "it is no XML"
    tag = etree.QName(root)
    if tag.localname != "xliff":
        return f"its root is <{tag.localname}>, not <xliff>"
    if root.get("version", "").startswith("2") or ":2." in (tag.namespace or ""):
        return "it is XLIFF 2; have the CAT tool save it as XLIFF 1.2"
    if root.find(f"{{{tag.namespace}}}file" if tag.namespace else "file") is None:
        return "it holds no <file>"
    return ""


def _not_xliff(name: str, why: str) -> InputError:
    return InputError(
        name,
        [
            Problem(
                f"this is not an XLIFF 1.2 file reportkit can read ({why})",
                "import the .xlf file your translator returned, as their CAT tool saved it",
            )
        ],
    )
