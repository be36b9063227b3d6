"""The templates of the JavaScript peers (benchmarks/peers/), made in code.

The layout of the plain pipeline's template (benchmarks/plain_template.py): a title, the
body with one styled paragraph per kind, the agenda, the programme as a table with one row
per session, and the participants grouped by delegation. Only the tags differ: Carbone
repeats what lies between `[i]` and `[i+1]` (`i` at every level of nesting: another letter
repeats nothing) and shows a block only when its condition holds;
docxtemplater repeats `{#loop}…{/loop}` and, with `paragraphLoop`, drops the paragraphs that
hold only a loop's tags.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.plain_template import Paragraphs, write_template


def _carbone_kind(kind: str, style: str) -> Paragraphs:
    """The body row's text, shown only for its own kind. The condition opens in an
    unstyled paragraph of its own and closes at the end of the text's, the one layout in
    which Carbone removes a hidden block whole; a shown block keeps that first paragraph,
    empty (Carbone 3 cannot remove it)."""
    return (
        (f"{{d.body[i].kind:ifEQ({kind}):showBegin}}", None),
        ("{d.body[i].text}{d.body[i].kind:showEnd}", style),
    )


_CARBONE = (
    (
        ("{d.title}", "Title"),
        ("{d.dates}", None),
        *_carbone_kind("heading", "Heading 1"),
        *_carbone_kind("bullet", "List Bullet"),
        *_carbone_kind("paragraph", "List Number"),
        ("{d.body[i+1].text}", None),
        ("Agenda", "Heading 1"),
        ("{d.agenda[i].text}", "List Number 2"),
        ("{d.agenda[i+1].text}", "List Number 2"),
        ("Programme", "Heading 1"),
    ),
    (
        ("Time", "Session"),
        (
            "{d.programme[i].time}",
            "{d.programme[i].title}\n{d.programme[i].description}\n{d.programme[i].points}",
        ),
        ("{d.programme[i+1].time}", "{d.programme[i+1].title}"),
    ),
    (
        ("List of Participants", "Heading 1"),
        ("{d.delegations[i].name}", "Heading 2"),
        ("-{d.delegations[i].people[i].name}", None),
        ("{d.delegations[i].people[i].details}", None),
        ("-{d.delegations[i].people[i+1].name}", None),
        ("{d.delegations[i+1].name}", "Heading 2"),
    ),
)

_DOCXTEMPLATER = (
    (
        ("{title}", "Title"),
        ("{dates}", None),
        ("{#body}", None),
        ("{#heading}", None),
        ("{text}", "Heading 1"),
        ("{/heading}", None),
        ("{#bullet}", None),
        ("{text}", "List Bullet"),
        ("{/bullet}", None),
        ("{#paragraph}", None),
        ("{text}", "List Number"),
        ("{/paragraph}", None),
        ("{/body}", None),
        ("Agenda", "Heading 1"),
        ("{#agenda}", None),
        ("{text}", "List Number 2"),
        ("{/agenda}", None),
        ("Programme", "Heading 1"),
    ),
    (
        ("Time", "Session"),
        ("{#programme}{time}", "{title}\n{description}\n{points}{/programme}"),
    ),
    (
        ("List of Participants", "Heading 1"),
        ("{#delegations}", None),
        ("{name}", "Heading 2"),
        ("{#people}", None),
        ("-{name}", None),
        ("{details}", None),
        ("{/people}", None),
        ("{/delegations}", None),
    ),
)

TEMPLATES = {"carbone": _CARBONE, "docxtemplater": _DOCXTEMPLATER}


def make_peer_template(peer: str, path: Path) -> Path:
    """Write `peer`'s template (a key of TEMPLATES) to `path`."""
    return write_template(path, *TEMPLATES[peer])
