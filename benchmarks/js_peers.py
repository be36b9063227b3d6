"""Carbone and docxtemplater, run with Node: reportkit's JavaScript peers in the benchmark.

Their packages are pinned in benchmarks/peers/package-lock.json and installed there by
`benchmarks/bench` (`npm ci`). Where Node is missing, or the packages are not installed
(no npm, no network), the benchmark says so in one line and runs without them: the peers
are a comparison, not a part of reportkit.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "peers"
PEERS = ("carbone", "docxtemplater")
LABELS = {"carbone": "Carbone", "docxtemplater": "docxtemplater"}
_PACKAGES = ("carbone", "docxtemplater", "pizzip", "xlsx")


def node_peers(say: Callable[[str], None]) -> tuple[str, ...]:
    """The peers that can run here: both, or none (and the one line saying why)."""
    node = shutil.which("node")
    if node is None:
        say("Carbone and docxtemplater left out: no Node.js here")
        return ()
    missing = [p for p in _PACKAGES if not (FOLDER / "node_modules" / p).is_dir()]
    if missing:
        say(
            f"Carbone and docxtemplater left out: {', '.join(missing)} not installed "
            "(benchmarks/bench runs npm ci in benchmarks/peers)"
        )
        return ()
    return PEERS


def peer_command(peer: str, workbook: Path, template: Path, out: Path) -> tuple[object, ...]:
    return ("node", FOLDER / f"{peer}.js", workbook, template, out)
