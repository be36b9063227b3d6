"""A PDF/A-2b check for the tests, on pikepdf (qpdf): no veraPDF is to be had here (not on
PyPI, not in Debian), so the tests check the requirements of ISO 19005-2 level B that a
converter most often misses, each by reading the file's objects, not reportkit's code.

Checked: the header and its binary comment (6.1.2); a file ID and no encryption (6.1.3);
no LZW and no external streams (6.1.7); XMP metadata that parses and identifies PDF/A-2B
(6.6.2.1, 6.6.4), and that agrees with the Info dictionary's title; one output intent
GTS_PDFA1 with an embedded ICC profile whose colour space matches its /N (6.2.3); every
font embedded (6.2.11.4.1); every annotation printable (6.3.2); no JavaScript, Launch or
other forbidden actions, no catalog /AA, no embedded files (6.5, 6.8).

Not checked: content streams (colour spaces used, operators, transparency), font programs
(widths, glyph coverage, cmaps), XMP schemas beyond the identification, structure: veraPDF
checks all of that and more, and a file passing this check may still fail it.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

_FORBIDDEN_ACTIONS = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/JavaScript"}
_ICC_SPACES = {1: b"GRAY", 3: b"RGB ", 4: b"CMYK"}
_PRINT = 4


def pdfa_2b_problems(path: Path) -> list[str]:
    """What keeps the PDF at `path` from PDF/A-2b, as far as this check sees; [] if nothing."""
    problems: list[str] = []
    head = path.read_bytes()[:64]
    lines = head.split(b"\n")
    if not (lines[0][:8] in {b"%%PDF-1.%d" % n for n in range(8)} and len(lines) > 1):
        problems.append("6.1.2: the header is not %PDF-1.0 to %PDF-1.7 on a line of its own")
    elif not (lines[1].startswith(b"%") and sum(byte > 127 for byte in lines[1][1:5]) == 4):
        problems.append("6.1.2: no comment of four binary bytes after the header")
    with pikepdf.open(path) as pdf:
        problems += _trailer(pdf)
        problems += _metadata(pdf)
        problems += _output_intent(pdf)
        problems += _objects(pdf)
    return problems


def _trailer(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    if "/ID" not in pdf.trailer:
        problems.append("6.1.3: the trailer has no /ID")
    if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
        problems.append("6.1.3: the file is encrypted")
    return problems


def _metadata(pdf: pikepdf.Pdf) -> list[str]:
    if "/Metadata" not in pdf.Root:
        return ["6.6.2.1: the catalog has no XMP metadata"]
    try:
        meta = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        part, level = meta.get("pdfaid:part"), meta.get("pdfaid:conformance")
        title = meta.get("dc:title")
    except Exception as error:  # any parse failure is the finding
        return [f"6.6.2.1: the XMP metadata does not parse ({error})"]
    problems = []
    if (part, level) != ("2", "B"):
        problems.append(f"6.6.4: the XMP identifies part {part}, conformance {level}, not 2B")
    info = pdf.trailer.get("/Info")
    info_title = str(info["/Title"]) if info is not None and "/Title" in info else None
    if info_title is not None and title != info_title:
        problems.append(f"metadata: the XMP title {title!r} is not the Info title {info_title!r}")
    return problems


def _output_intent(pdf: pikepdf.Pdf) -> list[str]:
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1:
        return [f"6.2.3: {len(intents)} GTS_PDFA1 output intents, not one"]
    profile = intents[0].get("/DestOutputProfile")
    if not isinstance(profile, pikepdf.Stream):
        return ["6.2.3: the output intent has no embedded ICC profile"]
    data = profile.read_bytes()
    if data[36:40] != b"acsp":
        return ["6.2.3: the output intent's profile is no ICC profile"]
    if _ICC_SPACES.get(int(profile.get("/N", 0))) != data[16:20]:
        return ["6.2.3: the ICC profile's colour space does not match its /N"]
    return []


def _objects(pdf: pikepdf.Pdf) -> list[str]:
    problems = set()
    if "/AA" in pdf.Root:
        problems.add("6.5.2: the catalog has additional actions (/AA)")
    if "/EmbeddedFiles" in pdf.Root.get("/Names", {}):
        problems.add("6.8: the file embeds files")
    for thing in pdf.objects:
        if isinstance(thing, pikepdf.Stream):
            filters = thing.get("/Filter")
            names = [filters] if isinstance(filters, pikepdf.Name) else list(filters or [])
            if "/LZWDecode" in names:
                problems.add("6.1.7: a stream is LZW-compressed")
            if "/F" in thing:
                problems.add("6.1.7: a stream refers to an external file")
        if not isinstance(thing, pikepdf.Dictionary | pikepdf.Stream):
            continue
        kind = thing.get("/Type")
        if kind == "/Font":
            problems.update(_font(thing))
        elif kind == "/Annot" or ("/Subtype" in thing and "/Rect" in thing):
            subtype = thing.get("/Subtype")
            if subtype != "/Popup" and not int(thing.get("/F", 0)) & _PRINT:
                problems.add(f"6.3.2: a {subtype} annotation is not set to print")
        action = thing.get("/S") if "/S" in thing and kind in (None, "/Action") else None
        if action in _FORBIDDEN_ACTIONS:
            problems.add(f"6.5.1: a {action} action")
    return sorted(problems)


def _font(font: pikepdf.Dictionary) -> list[str]:
    subtype = font.get("/Subtype")
    if subtype in ("/Type0", "/Type3"):
        return []  # a Type0's font is its descendant, itself a /Font; Type3 glyphs are streams
    descriptor = font.get("/FontDescriptor")
    files = ("/FontFile", "/FontFile2", "/FontFile3")
    if descriptor is None or not any(name in descriptor for name in files):
        return [f"6.2.11.4.1: the font {font.get('/BaseFont')} is not embedded"]
    return []
