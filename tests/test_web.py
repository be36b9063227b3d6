"""The web page (`reportkit serve`) through an ASGI test client: sign-in, each page, and every
refusal — no token, a form from elsewhere, an upload too big, a hostile or broken workbook,
a name or a URL that reaches out of the folder of meetings."""

from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx2
import pytest
from docx import Document
from starlette.testclient import TestClient

from reportkit.web import create_app
from tests.commands import reportkit_cli
from tests.conftest import SAMPLE
from tests.web_pages import hidden, links, paragraphs, table_rows
from tests.workbooks import MINIMAL, variant, write_workbook

TOKEN = "a-test-token-7Qm"
MiB = 1024 * 1024
SAMPLE_NAME = "comcec-digital-2022.xlsx"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "meetings"
    (made / "comcec-38").mkdir(parents=True)
    return made


def client_of(folder: Path, max_upload: int = 20 * MiB) -> TestClient:
    return TestClient(create_app(folder, TOKEN, max_upload))


@pytest.fixture
def client(folder: Path) -> TestClient:
    """A browser signed in with the token in the address, as the printed URL does it."""
    browser = client_of(folder)
    assert browser.get(f"/?token={TOKEN}").status_code == 200
    return browser


def csrf(client: TestClient) -> str:
    return hidden(client.get("/").text, "csrf")


def upload(
    client: TestClient, files: list[tuple[str, bytes]], meeting: str = "comcec-38"
) -> httpx2.Response:
    return client.post(
        f"/meetings/{meeting}/upload",
        data={"csrf": csrf(client)},
        files=[("workbooks", (name, data)) for name, data in files],
        follow_redirects=False,
    )


def raw_upload(client: TestClient, name: str, data: bytes) -> httpx2.Response:
    """An upload whose file name reaches the server byte for byte as given (httpx2 would
    percent-encode control characters), as a hostile client may send it."""
    boundary = "reportkit-test-boundary"
    body = b"".join(
        [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n'.encode(),
            csrf(client).encode() + b"\r\n",
            f'--{boundary}\r\nContent-Disposition: form-data; name="workbooks"; '
            f'filename="{name}"\r\n\r\n'.encode(),
            data + b"\r\n",
            f"--{boundary}--\r\n".encode(),
        ]
    )
    return client.post(
        "/meetings/comcec-38/upload",
        content=body,
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )


def built_page(client: TestClient, meeting: str = "comcec-38", seconds: float = 300) -> str:
    """The meeting's page once its build has ended."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        page = client.get(f"/meetings/{meeting}").text
        if not (paragraphs(page, "running") or paragraphs(page, "waiting")):
            return page
        time.sleep(0.5)
    pytest.fail(f"the build of {meeting} did not end in {seconds} s")


def everything_in(path: Path) -> list[str]:
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*"))


# Access


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("GET", "/meetings/comcec-38"),
        ("GET", "/meetings/comcec-38/reports/comcec-digital-2022.docx"),
        ("POST", "/meetings"),
        ("POST", "/meetings/comcec-38/upload"),
        ("POST", "/meetings/comcec-38/build"),
    ],
)
def test_without_the_token_every_page_and_file_is_401_with_a_sign_in_form(
    folder: Path, method: str, path: str
) -> None:
    answer = client_of(folder).request(method, path)
    assert answer.status_code == 401
    assert '<form method="post" action="/sign-in">' in answer.text
    assert 'name="token"' in answer.text


def test_a_wrong_token_is_refused_whether_in_the_address_or_the_cookie(folder: Path) -> None:
    browser = client_of(folder)
    answer = browser.get("/?token=not-the-token", follow_redirects=False)
    assert answer.status_code == 401
    assert "set-cookie" not in answer.headers
    browser.cookies.set("reportkit_token", "not-the-token")
    assert browser.get("/").status_code == 401


def test_the_token_in_the_address_sets_a_strict_http_only_cookie_and_leaves_the_address(
    folder: Path,
) -> None:
    browser = client_of(folder)
    answer = browser.get(f"/meetings/comcec-38?token={TOKEN}&tab=1", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/meetings/comcec-38?tab=1"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"reportkit_token={TOKEN};")
    assert "HttpOnly" in cookie
    assert "SameSite=strict" in cookie
    page = browser.get("/meetings/comcec-38?tab=1")
    assert page.status_code == 200
    assert "<h1>comcec-38</h1>" in page.text


def test_the_sign_in_form_sets_the_cookie_and_goes_back_only_to_this_server(folder: Path) -> None:
    browser = client_of(folder)
    wrong = browser.post("/sign-in", data={"token": "guess", "next": "/meetings/comcec-38"})
    assert wrong.status_code == 401
    answer = browser.post(
        "/sign-in", data={"token": TOKEN, "next": "/meetings/comcec-38"}, follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/meetings/comcec-38"
    assert browser.get("/").status_code == 200
    elsewhere = client_of(folder).post(
        "/sign-in", data={"token": TOKEN, "next": "//evil.example/"}, follow_redirects=False
    )
    assert elsewhere.headers["location"] == "/"


def test_the_token_in_the_address_never_sends_the_browser_to_another_site(folder: Path) -> None:
    answer = client_of(folder).get(
        f"http://testserver//evil.example/?token={TOKEN}", follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"


@pytest.mark.parametrize("given", [None, "", "0" * 64])
@pytest.mark.parametrize("path", ["/meetings", "/meetings/comcec-38/build"])
def test_a_form_without_this_servers_csrf_value_is_403_and_does_nothing(
    client: TestClient, folder: Path, given: str | None, path: str
) -> None:
    before = everything_in(folder)
    data = {"name": "new-meeting"} if given is None else {"name": "new-meeting", "csrf": given}
    answer = client.post(path, data=data)
    assert answer.status_code == 403
    assert "did not come from this page" in answer.text
    assert everything_in(folder) == before


def test_an_upload_without_the_csrf_value_is_403_and_saves_nothing(
    client: TestClient, folder: Path
) -> None:
    answer = client.post(
        "/meetings/comcec-38/upload",
        files=[("workbooks", (SAMPLE_NAME, SAMPLE.read_bytes()))],
    )
    assert answer.status_code == 403
    assert everything_in(folder) == ["comcec-38"]


def test_the_stylesheet_alone_is_served_without_the_token(folder: Path) -> None:
    answer = client_of(folder).get("/static/style.css")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/css")


def test_pages_forbid_scripts_and_framing(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_each_request_is_one_line_on_stderr_without_the_token(
    folder: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    browser = client_of(folder)
    capfd.readouterr()
    browser.get(f"/?token={TOKEN}")
    browser.get("/meetings/no-such-meeting")
    lines = capfd.readouterr().err.splitlines()
    assert len(lines) == 3
    assert [line.split()[1:5] for line in lines] == [
        ["testclient", "GET", "/", "303"],
        ["testclient", "GET", "/", "200"],
        ["testclient", "GET", "/meetings/no-such-meeting", "404"],
    ]
    assert all(line.endswith(" ms") for line in lines)
    assert TOKEN not in "".join(lines)


# Meetings


def test_the_meetings_page_lists_each_meeting_folder_and_nothing_else(
    client: TestClient, folder: Path, tmp_path: Path
) -> None:
    (folder / ".hidden").mkdir()
    (folder / "notes.txt").write_text("not a meeting", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (folder / "linked").symlink_to(tmp_path / "outside")
    page = client.get("/").text
    assert [link for link in links(page) if link.startswith("/meetings/")] == [
        "/meetings/comcec-38"
    ]


def test_a_new_meetings_name_is_made_safe(client: TestClient, folder: Path) -> None:
    answer = client.post(
        "/meetings",
        data={"name": " ../COMCEC 39th: Ankara/İzmir ", "csrf": csrf(client)},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/meetings/COMCEC-39th-Ankara-%C4%B0zmir"
    assert sorted(p.name for p in folder.iterdir()) == ["COMCEC-39th-Ankara-İzmir", "comcec-38"]
    assert "COMCEC-39th-Ankara-İzmir" in client.get("/").text


@pytest.mark.parametrize("name", ["..", "../..", "/", "  ", "***"])
def test_a_meeting_name_with_nothing_safe_in_it_is_refused(
    client: TestClient, folder: Path, name: str
) -> None:
    answer = client.post("/meetings", data={"name": name, "csrf": csrf(client)})
    assert answer.status_code == 400
    assert "Give the meeting a name with letters or digits" in answer.text
    assert everything_in(folder.parent) == ["meetings", "meetings/comcec-38"]


def test_an_unknown_meeting_is_404(client: TestClient) -> None:
    answer = client.get("/meetings/comcec-99")
    assert answer.status_code == 404
    assert "There is no such meeting." in answer.text


# Uploads


def test_an_upload_over_the_limit_is_413_with_a_message_and_saves_nothing(folder: Path) -> None:
    browser = client_of(folder, max_upload=1 * MiB)
    browser.get(f"/?token={TOKEN}")
    answer = upload(browser, [("big.xlsx", os.urandom(2 * MiB))])
    assert answer.status_code == 413
    assert "The upload is bigger than this server takes (1 MB at most)" in answer.text
    assert everything_in(folder) == ["comcec-38"]
    assert browser.get("/").status_code == 200


def test_an_upload_over_the_limit_without_a_declared_length_is_413(folder: Path) -> None:
    browser = client_of(folder, max_upload=1 * MiB)
    browser.get(f"/?token={TOKEN}")

    def chunks() -> Iterator[bytes]:
        for _ in range(3):
            yield bytes(MiB)

    answer = browser.post(
        "/meetings/comcec-38/upload",
        content=chunks(),
        headers={"content-type": "multipart/form-data; boundary=x"},
    )
    assert answer.status_code == 413
    assert everything_in(folder) == ["comcec-38"]


def zip_bomb(tmp: Path) -> bytes:
    """The sample with 16 MiB of zeros deflated into one member: 1000 times smaller packed."""
    path = tmp / "bomb.xlsx"
    path.write_bytes(SAMPLE.read_bytes())
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/image1.png", "w") as member,
    ):
        for _ in range(16):
            member.write(bytes(MiB))
    return path.read_bytes()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (zip_bomb, "than the 200:1 reportkit accepts (as in a zip bomb)"),
        (
            lambda tmp: b"Name,Delegation\nAhmed Hassan,Egypt\n",
            "this is a text/CSV file, not an Excel workbook — open it in Excel and save it as"
            " .xlsx",
        ),
        (
            lambda tmp: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "this is a PDF file, not an Excel workbook — give the .xlsx file itself",
        ),
    ],
    ids=["zip bomb", "text renamed .xlsx", "pdf renamed .xlsx"],
)
def test_a_hostile_or_false_workbook_is_refused_with_a_message_and_the_server_goes_on(
    client: TestClient,
    folder: Path,
    tmp_path: Path,
    content: Callable[[Path], bytes],
    said: str,
) -> None:
    answer = upload(client, [("meeting.xlsx", content(tmp_path))])
    assert answer.status_code == 400
    assert "Refused:" in answer.text
    assert said in answer.text
    assert "Nothing was saved or built" in answer.text
    assert everything_in(folder) == ["comcec-38"]
    assert client.get("/meetings/comcec-38").status_code == 200


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("../../x.xlsx", "the file name holds folders"),
        ("..\\..\\x.xlsx", "the file name holds folders"),
        ("/etc/x.xlsx", "the file name holds folders"),
        (".x.xlsx", "the file name starts with . or ~$"),
        ("~$meeting.xlsx", "the file name starts with . or ~$"),
        ("meeting\x07.xlsx", "the file name holds control characters"),
        ("meeting.xls", "this is not an .xlsx workbook"),
        ("meeting.xlsx.exe", "this is not an .xlsx workbook"),
    ],
)
def test_an_unsafe_upload_name_is_refused_and_nothing_is_written_anywhere(
    client: TestClient, folder: Path, tmp_path: Path, name: str, said: str
) -> None:
    before = everything_in(tmp_path)
    answer = raw_upload(client, name, SAMPLE.read_bytes())
    assert answer.status_code == 400
    assert any(line.startswith(f"Refused: {said}") for line in paragraphs(answer.text, "refused"))
    assert everything_in(tmp_path) == before


def test_a_workbook_with_errors_shows_its_problems_errors_first_and_builds_nothing(
    client: TestClient, folder: Path, tmp_path: Path
) -> None:
    participants = [
        MINIMAL["Participants"][0],
        ["Egypt", "Mr.", "Ahmed", "", "Director", "Ministry of Trade"],
        ["", "Mr.", "Ali", "Veli", "", ""],
    ]
    workbook = write_workbook(tmp_path / "broken.xlsx", variant(Participants=participants))
    answer = upload(client, [("broken.xlsx", workbook.read_bytes())])
    assert answer.status_code == 422
    assert "Errors: 1 — nothing is built while there are errors." in paragraphs(
        answer.text, "refused"
    )
    assert table_rows(answer.text, "problems") == [
        ["Kind", "Sheet", "Cell", "Problem", "What to do"],
        [
            "error",
            "Participants",
            "A3",
            "the Delegation is empty",
            "write the country, institution or organisation this person represents",
        ],
        [
            "warning",
            "Participants",
            "D2",
            "the Last name is empty; only the first name is printed",
            "type the last name, or leave it empty if the person goes by one name",
        ],
    ]
    assert everything_in(folder) == ["comcec-38"]


def test_a_good_workbook_is_not_taken_beside_one_with_errors(
    client: TestClient, folder: Path, tmp_path: Path
) -> None:
    broken = write_workbook(tmp_path / "broken.xlsx", variant(Agenda=[["Kind", "Text"], ["x"]]))
    answer = upload(
        client, [(SAMPLE_NAME, SAMPLE.read_bytes()), ("broken.xlsx", broken.read_bytes())]
    )
    assert answer.status_code == 422
    assert everything_in(folder) == ["comcec-38"]


def test_an_upload_with_no_file_chosen_says_so(client: TestClient) -> None:
    answer = client.post(
        "/meetings/comcec-38/upload",
        data={"csrf": csrf(client)},
        files=[("workbooks", ("", b""))],
    )
    assert answer.status_code == 400
    assert "Choose one or more .xlsx workbooks to upload." in answer.text


def test_build_with_no_workbook_says_to_upload_one(client: TestClient) -> None:
    answer = client.post("/meetings/comcec-38/build", data={"csrf": csrf(client)})
    assert answer.status_code == 400
    assert "Upload a workbook first." in answer.text


# Building and downloading


def test_the_sample_uploaded_is_built_and_its_reports_download(
    client: TestClient, folder: Path
) -> None:
    answer = upload(client, [(SAMPLE_NAME, SAMPLE.read_bytes())])
    assert answer.status_code == 303
    assert answer.headers["location"] == "/meetings/comcec-38"
    while_building = client.get("/meetings/comcec-38").text  # LibreOffice takes seconds
    assert "A build is running" in while_building
    assert '<meta http-equiv="refresh" content="3">' in while_building
    assert client.get("/").status_code == 200  # the page answers meanwhile
    again = upload(client, [(SAMPLE_NAME, SAMPLE.read_bytes())])
    assert again.status_code == 409
    assert "Saved, but a build of this meeting is running" in again.text
    page = built_page(client)
    assert "comcec-digital-2022.xlsx (en): built" in page
    reports = [link for link in links(page) if "/reports/" in link]
    assert reports == [
        "/meetings/comcec-38/reports/comcec-digital-2022.docx",
        "/meetings/comcec-38/reports/comcec-digital-2022.pdf",
    ]
    docx = client.get(reports[0])
    assert docx.status_code == 200
    assert docx.headers["content-disposition"].endswith("comcec-digital-2022.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "Digital Transformation" in text
    pdf = client.get(reports[1])
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    listed = client.get("/").text
    assert reports[0] in links(listed)
    assert (folder / "comcec-38" / "outputs" / ".reportkit").is_dir()


def test_a_report_built_on_the_page_is_up_to_date_for_the_command_line(
    client: TestClient, folder: Path
) -> None:
    upload(client, [(SAMPLE_NAME, SAMPLE.read_bytes())])
    built_page(client)
    result = reportkit_cli(
        "build", SAMPLE_NAME, "-o", "outputs", cwd=folder / "comcec-38", timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["outputs/comcec-digital-2022.docx: up to date"]


def test_the_build_button_builds_the_workbooks_put_in_the_folder_and_shows_each_ones_problems(
    client: TestClient, folder: Path, tmp_path: Path
) -> None:
    meeting = folder / "comcec-38"
    (meeting / SAMPLE_NAME).write_bytes(SAMPLE.read_bytes())
    write_workbook(meeting / "broken.xlsx", variant(Agenda=[["Kind", "Text"], ["item", None]]))
    answer = client.post(
        "/meetings/comcec-38/build", data={"csrf": csrf(client)}, follow_redirects=False
    )
    assert answer.status_code == 303
    page = built_page(client)
    assert "broken.xlsx (en): failed" in page
    assert "comcec-digital-2022.xlsx (en): built" in page
    assert table_rows(page, "problems") == [
        ["Kind", "Sheet", "Cell", "Problem", "What to do"],
        ["error", "Agenda", "B2", "the Text is empty", "type the text or delete the row"],
    ]
    assert sorted(p.name for p in (meeting / "outputs").glob("*.docx")) == [
        "comcec-digital-2022.docx"
    ]


# Files out of reach


@pytest.fixture
def built(folder: Path, tmp_path: Path) -> Path:
    """A meeting's outputs/ with a report, a secret beside FOLDER, and a link to it."""
    outputs = folder / "comcec-38" / "outputs"
    outputs.mkdir()
    (outputs / "report.docx").write_bytes(b"the report")
    (tmp_path / "secret.docx").write_bytes(b"a secret")
    (outputs / "linked.docx").symlink_to(tmp_path / "secret.docx")
    (folder / "comcec-38" / "meeting.docx").write_bytes(b"not in outputs")
    (folder / "linked-meeting").symlink_to(folder / "comcec-38")
    return outputs


@pytest.mark.parametrize(
    "path",
    [
        "/meetings/comcec-38/reports/..%2F..%2F..%2Fsecret.docx",
        "/meetings/comcec-38/reports/%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.docx",
        "/meetings/comcec-38/reports/..%5C..%5Csecret.docx",
        "/meetings/..%2F..%2F/reports/secret.docx",
        "/meetings/comcec-38/reports/%2Fetc%2Fpasswd",
        "/meetings/comcec-38/reports/linked.docx",
        "/meetings/linked-meeting/reports/report.docx",
        "/meetings/comcec-38/reports/..%2Fmeeting.docx",
        "/meetings/comcec-38/reports/.reportkit",
        "/meetings/comcec-38/reports/missing.docx",
    ],
)
def test_nothing_outside_a_meetings_outputs_is_served(
    client: TestClient, built: Path, path: str
) -> None:
    answer = client.get(path)
    assert answer.status_code == 404
    assert b"a secret" not in answer.content
    assert b"not in outputs" not in answer.content


def test_a_report_in_outputs_is_served(client: TestClient, built: Path) -> None:
    answer = client.get("/meetings/comcec-38/reports/report.docx")
    assert answer.status_code == 200
    assert answer.content == b"the report"
