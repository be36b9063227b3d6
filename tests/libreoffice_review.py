"""LibreOffice's own Accept All / Reject All of tracked changes, for comparing its reading of
a .docx's revisions with Word's (tests/revisions.py applies the ECMA-376 rules instead).

LibreOffice is driven by a Basic macro placed in a private user profile and started with a
`macro:///` URL: Basic is part of every LibreOffice install (Debian's -nogui packages too),
so this needs nothing beyond the `soffice` the other tests use — no python3-uno, no socket
to connect to, and one soffice process for a whole list of documents, since each start-up
costs a second or more. The macro resolves the changes with the same commands as Edit ›
Track Changes › Accept All / Reject All, so what comes out is LibreOffice's reading, not ours.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

# The macro reads its job from the profile it runs in (`$(user)` is that profile's `user`
# folder), so that no path has to be quoted inside the `macro:///` URL. Each job line is
# "source URL <tab> .docx URL <tab> .txt URL"; the first line says accept or reject. It
# writes one status line per document: "done <tab> revisions before <tab> revisions after",
# or "error <tab> what went wrong". It always ends LibreOffice, even after an error, since
# a headless soffice whose macro stopped half-way would otherwise wait forever.
_MACRO = """\
Sub Main
    Dim user As String, command As String, entry As String, parts() As String
    Dim job As Integer, status As Integer
    On Error GoTo Broken
    user = CreateUnoService("com.sun.star.util.PathSubstitution") _
        .substituteVariables("$(user)", True)
    status = FreeFile()
    Open ConvertFromURL(user & "/reportkit-review.status") For Output As #status
    job = FreeFile()
    Open ConvertFromURL(user & "/reportkit-review.job") For Input As #job
    Line Input #job, command
    Do While Not EOF(job)
        Line Input #job, entry
        If entry <> "" Then
            parts = Split(entry, Chr(9))
            Print #status, Review(command, parts(0), parts(1), parts(2))
        End If
    Loop
    Close #status
    Close #job
    StarDesktop.terminate()
    Exit Sub
Broken:
    On Error Resume Next
    Print #status, "error" & Chr(9) & "job: " & Problem()
    Close #status
    Close #job
    StarDesktop.terminate()
End Sub

Function Review(command As String, source As String, docx As String, text As String) As String
    Dim document As Object, frame As Object, before As Long
    Dim hidden(0) As New com.sun.star.beans.PropertyValue
    Dim word(0) As New com.sun.star.beans.PropertyValue
    Dim plain(1) As New com.sun.star.beans.PropertyValue
    On Error GoTo Broken
    hidden(0).Name = "Hidden" : hidden(0).Value = True
    document = StarDesktop.loadComponentFromURL(source, "_blank", 0, hidden())
    If IsNull(document) Then
        Review = "error" & Chr(9) & "LibreOffice could not open the document"
        Exit Function
    End If
    before = Revisions(document)
    frame = document.getCurrentController().getFrame()
    CreateUnoService("com.sun.star.frame.DispatchHelper").executeDispatch( _
        frame, ".uno:" & command & "AllTrackedChanges", "", 0, Array())
    word(0).Name = "FilterName" : word(0).Value = "MS Word 2007 XML"
    document.storeToURL(docx, word())
    plain(0).Name = "FilterName" : plain(0).Value = "Text (encoded)"
    plain(1).Name = "FilterOptions" : plain(1).Value = "UTF8,LF"
    document.storeToURL(text, plain())
    Review = "done" & Chr(9) & before & Chr(9) & Revisions(document)
    document.close(True)
    Exit Function
Broken:
    Review = "error" & Chr(9) & Problem()
    On Error Resume Next
    If Not IsNull(document) Then document.close(True)
End Function

Function Problem() As String
    Problem = Join(Split(Join(Split(Error$, Chr(13)), " "), Chr(10)), " ") & " (line " & Erl & ")"
End Function

Function Revisions(document As Object) As Long
    Dim all As Object, count As Long
    all = document.getRedlines().createEnumeration()
    Do While all.hasMoreElements()
        all.nextElement()
        count = count + 1
    Loop
    Revisions = count
End Function
"""

_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
_LIBRARIES = 'xmlns:library="http://openoffice.org/2000/library"'
_LIBRARY_LIST = (
    f"{_HEADER}<library:libraries {_LIBRARIES}>"
    '<library:library library:name="Standard" library:link="false"/></library:libraries>\n'
)
_SCRIPT_LIBRARY = (
    f'{_HEADER}<library:library {_LIBRARIES} library:name="Standard" library:readonly="false"'
    ' library:passwordprotected="false"><library:element library:name="Review"/>'
    "</library:library>\n"
)
_DIALOG_LIBRARY = (
    f'{_HEADER}<library:library {_LIBRARIES} library:name="Standard" library:readonly="false"'
    ' library:passwordprotected="false"/>\n'
)
_MODULE = (
    f'{_HEADER}<script:module xmlns:script="http://openoffice.org/2000/script"'
    f' script:name="Review" script:language="StarBasic">{escape(_MACRO)}</script:module>\n'
)
# A profile without this flag counts as new, and LibreOffice then overwrites its Basic
# folder with the stock one (Module1 only) before anything runs.
_SETTINGS = (
    f'{_HEADER}<oor:items xmlns:oor="http://openoffice.org/2001/registry">'
    '<item oor:path="/org.openoffice.Setup/Office">'
    '<prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>'
    "</oor:items>\n"
)

# Start-up with a fresh profile takes 1-3 s and a report a few seconds more; the margin is
# for a loaded machine, and a hung LibreOffice still cannot hang the test run.
_SECONDS_TO_START = 60
_SECONDS_PER_DOCUMENT = 30


def _write_profile(user: Path) -> None:
    """The smallest user profile that runs the macro: settings plus one Basic library."""
    library = user / "basic" / "Standard"
    library.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_SETTINGS, encoding="utf-8")
    (user / "basic" / "script.xlc").write_text(_LIBRARY_LIST, encoding="utf-8")
    (user / "basic" / "dialog.xlc").write_text(_LIBRARY_LIST, encoding="utf-8")
    (library / "script.xlb").write_text(_SCRIPT_LIBRARY, encoding="utf-8")
    (library / "dialog.xlb").write_text(_DIALOG_LIBRARY, encoding="utf-8")
    (library / "Review.xba").write_text(_MODULE, encoding="utf-8")


@dataclass(frozen=True)
class Reviewed:
    """One document after LibreOffice's Accept All or Reject All. The revision counts are
    LibreOffice's own, before and after: a test can check that nothing was left unresolved
    instead of trusting a text, and see how LibreOffice grouped the file's marks."""

    docx: Path
    text: Path
    revisions_before: int
    revisions_after: int

    def paragraphs(self) -> list[str]:
        return text_paragraphs(self.text)


def text_paragraphs(text: Path) -> list[str]:
    """LibreOffice's plain-text export as a list: one line per paragraph, a table's cells
    one per line, row by row, list numbers included as LibreOffice lays them out."""
    content = text.read_text(encoding="utf-8-sig")
    return content.removesuffix("\n").split("\n") if content else []


def _outputs(document: Path, out_dir: Path, accept: bool) -> tuple[Path, Path]:
    name = f"{document.stem}.{'accepted' if accept else 'rejected'}"
    return out_dir / f"{name}.docx", out_dir / f"{name}.txt"


def libreoffice_review(documents: list[Path], out_dir: Path, accept: bool) -> list[Reviewed]:
    """Accept (or reject) every tracked change of each document in LibreOffice, in one
    soffice process for the whole list, since each start-up costs a second or more.

    `out_dir` gets `<stem>.accepted.docx` and `<stem>.accepted.txt` (`.rejected.*` when
    rejecting) per document, saved by LibreOffice; the results come in the given order."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        pytest.fail("LibreOffice (soffice) is not installed; scripts/test installs it")
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [_outputs(document, out_dir, accept) for document in documents]
    if len({docx for docx, _ in targets}) != len(targets):
        raise ValueError("two documents share a name; LibreOffice's results would collide")
    for docx, text in targets:
        docx.unlink(missing_ok=True)
        text.unlink(missing_ok=True)
    # Private and fresh: a shared profile is locked by any other soffice running (a parallel
    # test, the user's own LibreOffice), and its settings could change what is read.
    with tempfile.TemporaryDirectory(prefix="lo-review-") as scratch:
        profile = Path(scratch) / "profile"
        user = profile / "user"
        _write_profile(user)
        lines = ["Accept" if accept else "Reject"]
        lines += [
            "\t".join(path.resolve().as_uri() for path in (document, docx, text))
            for document, (docx, text) in zip(documents, targets, strict=True)
        ]
        (user / "reportkit-review.job").write_text("\n".join(lines) + "\n", encoding="ascii")
        command = [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "macro:///Standard.Review.Main",
        ]
        seconds = _SECONDS_TO_START + _SECONDS_PER_DOCUMENT * len(documents)
        # A session of its own, so that a hung LibreOffice is killed whole: soffice is a
        # launcher, and killing it alone would leave soffice.bin running without end.
        with subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            start_new_session=True,
        ) as process:
            try:
                output, _ = process.communicate(timeout=seconds)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                output, _ = process.communicate()
                pytest.fail(f"LibreOffice did not finish reviewing in {seconds} s: {output}")
        status_file = user / "reportkit-review.status"
        status = (
            status_file.read_text(encoding="utf-8", errors="replace")
            if status_file.exists()
            else ""
        )
    statuses = status.splitlines()
    reviewed = []
    for index, (document, (docx, text)) in enumerate(zip(documents, targets, strict=True)):
        line = statuses[index] if index < len(statuses) else "(none: the macro did not run)"
        fields = line.split("\t")
        if fields[0] != "done" or not docx.exists() or not text.exists():
            pytest.fail(
                f"LibreOffice did not review {document.name}: {line}\n"
                f"the macro's status file:\n{status}\n"
                f"soffice (exit status {process.returncode}): {output}"
            )
        reviewed.append(Reviewed(docx, text, int(fields[1]), int(fields[2])))
    return reviewed
