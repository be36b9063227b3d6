"""reportkit's stages timed one by one, in a process of their own.

    python benchmarks/stages.py MEETING.xlsx     # prints one line of JSON

Read, arrange, render and write are the library calls `reportkit build` chains (without
the state store, the change report and the atomic publish). Imports happen before the
clock starts, so the stages' sum against the whole build shows what start-up and the
build state cost. A process per run keeps one run's garbage out of the next one's time.
The JSON also carries hashes of the read model and of the report, by which the benchmark
checks that the two kinds of workbook (shared and inline strings) read alike.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from time import perf_counter

from reportkit.arrange import arrange
from reportkit.base.docx_file import docx_bytes
from reportkit.base.hashing import digest, digest_bytes
from reportkit.base.stamp import set_stamp, stamp_of
from reportkit.base.version import __version__
from reportkit.problems import has_errors
from reportkit.read import read_workbook
from reportkit.reference import load_reference
from reportkit.render import default_template, render_report
from reportkit.state import encode_model


def timed_stages(workbook: Path) -> dict[str, object]:
    start = perf_counter()
    source, problems = read_workbook(workbook)
    read = perf_counter()
    if source is None or has_errors(problems):
        raise SystemExit("\n".join(map(str, problems)))
    report, _ = arrange(source, load_reference(), problems)
    arranged = perf_counter()
    template = default_template()
    document = render_report(report, source.meeting, template)
    rendered = perf_counter()
    model = encode_model(source)
    # Stamped as the build stamps its report, so that the bytes are the build's.
    set_stamp(document, stamp_of(digest_bytes(model), digest(template), __version__))
    data = docx_bytes(document)
    written = perf_counter()
    return {
        "read": read - start,
        "arrange": arranged - read,
        "render": rendered - arranged,
        "write": written - rendered,
        "model_sha256": hashlib.sha256(model).hexdigest(),
        "docx_sha256": hashlib.sha256(data).hexdigest(),
    }


if __name__ == "__main__":
    print(json.dumps(timed_stages(Path(sys.argv[1]))))
