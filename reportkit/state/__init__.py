"""Build state: everything reportkit remembers about the reports of one OUTDIR.

Every stage reads and writes it through this package: the store of builds (`store`), the
lock that lets one run at a time build a report (`lock`), copies of a person's files kept
before they are changed (`kept`), the read model kept for the next change list
(`model_json`), all inside `OUTDIR/.reportkit/` (`folder`).
"""

from reportkit.state.folder import STATE_DIR, StateError
from reportkit.state.lock import report_lock
from reportkit.state.model_json import decode_model, encode_model
from reportkit.state.record import Record
from reportkit.state.store import StateStore

__all__ = [
    "STATE_DIR",
    "Record",
    "StateError",
    "StateStore",
    "decode_model",
    "encode_model",
    "report_lock",
]
