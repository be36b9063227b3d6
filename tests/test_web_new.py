"""A new meeting from the page (`reportkit new`'s fields, the starter workbook to download),
workbooks to download, and the list of meetings with each one's reports by edition, last
build and problems."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reportkit.model import Language
from reportkit.read import read_workbook
from reportkit.web.language import words
from tests.conftest import SAMPLE
from tests.test_web import TOKEN, built_page, client_of, csrf, upload
from tests.web_pages import links, paragraphs, table_rows
from tests.workbooks import MINIMAL, variant, write_workbook


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "meetings"
    made.mkdir()
    return made


@pytest.fixture
def client(folder: Path) -> TestClient:
    browser = client_of(folder)
    assert browser.get(f"/?token={TOKEN}").status_code == 200
    return browser


def make(client: TestClient, **fields: str | list[str]) -> object:
    return client.post("/meetings", data={"csrf": csrf(client), **fields}, follow_redirects=False)


def test_a_new_meeting_offers_a_starter_workbook_with_what_the_form_said(
    client: TestClient, folder: Path, tmp_path: Path
) -> None:
    answer = make(
        client,
        name="Tourism WG 21",
        title="21st Meeting of the COMCEC Tourism Working Group",
        day="2024-10-05",
        venue="Ankara",
        editions=["fr"],
    )
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/meetings/Tourism-WG-21?")
    assert list((folder / "Tourism-WG-21").iterdir()) == []  # only what people upload
    page = client.get(answer.headers["location"]).text
    (starter,) = [link for link in links(page) if "/starter.xlsx" in link]
    downloaded = client.get(starter)
    assert downloaded.status_code == 200
    assert downloaded.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "filename*=UTF-8''Tourism-WG-21.xlsx" in downloaded.headers["content-disposition"]
    saved = tmp_path / "Tourism-WG-21.xlsx"
    saved.write_bytes(downloaded.content)
    read, _ = read_workbook(saved)
    assert read is not None
    meeting = read.meeting
    assert meeting.title == "21st Meeting of the COMCEC Tourism Working Group"
    assert meeting.date == date(2024, 10, 5)
    assert meeting.venue == "Ankara"
    assert meeting.languages == (Language.EN, Language.FR)


def test_the_starter_workbook_builds_as_it_is_from_the_page(client: TestClient) -> None:
    assert make(client, name="blank", day="").status_code == 303
    (starter,) = [link for link in links(client.get("/meetings/blank").text) if "starter" in link]
    workbook = client.get(starter).content
    assert upload(client, [("blank.xlsx", workbook)], meeting="blank").status_code == 303
    page = built_page(client, "blank")
    assert "/meetings/blank/reports/blank.docx" in page
    assert not [link for link in links(page) if "starter" in link]  # it has its workbook


def test_making_a_meeting_again_leaves_its_workbooks_as_they_are(
    client: TestClient, folder: Path
) -> None:
    assert make(client, name="comcec-38", title="First").status_code == 303
    workbook = folder / "comcec-38" / "comcec-38.xlsx"
    workbook.write_bytes(SAMPLE.read_bytes())  # filled in and uploaded since
    assert make(client, name="comcec-38", title="Second").status_code == 303
    assert [p.name for p in (folder / "comcec-38").iterdir()] == ["comcec-38.xlsx"]
    assert workbook.read_bytes() == SAMPLE.read_bytes()


def test_a_starter_with_a_day_that_is_no_date_is_refused(client: TestClient, folder: Path) -> None:
    (folder / "comcec-38").mkdir()
    answer = client.get("/meetings/comcec-38/starter.xlsx?day=40+May")
    assert answer.status_code == 400
    assert paragraphs(answer.text, "message") == ["The day is not a date: give it as 2024-10-05."]


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"name": "x", "day": "the 40th of May"}, "The day is not a date"),
        ({"name": "../.."}, "Give the meeting a name with letters or digits"),
    ],
)
def test_a_meeting_that_cannot_be_made_is_one_line_and_nothing_is_written(
    client: TestClient, folder: Path, fields: dict[str, str], said: str
) -> None:
    answer = make(client, **fields)
    assert answer.status_code == 400
    assert paragraphs(answer.text, "message")[0].startswith(said)
    assert list(folder.iterdir()) == []


def test_the_form_speaks_the_pages_language(client: TestClient) -> None:
    french = client.post(
        "/meetings",
        data={"csrf": csrf(client), "name": "x", "day": "pas un jour"},
        headers={"accept-language": "fr"},
    )
    assert french.status_code == 400
    assert paragraphs(french.text, "message") == [
        words("fr")["The day is not a date: give it as 2024-10-05."]
    ]


@pytest.mark.parametrize(
    "name", ["~$comcec-38.xlsx", "..%2Fcomcec-38.xlsx", "linked.xlsx", "a.xls"]
)
def test_only_the_meetings_own_workbooks_are_served(
    client: TestClient, folder: Path, tmp_path: Path, name: str
) -> None:
    meeting = folder / "comcec-38"
    meeting.mkdir()
    (meeting / "~$comcec-38.xlsx").write_bytes(b"lock")
    (meeting / "a.xls").write_bytes(b"old")
    outside = tmp_path / "secret.xlsx"
    outside.write_bytes(SAMPLE.read_bytes())
    os.symlink(outside, meeting / "linked.xlsx")
    assert client.get(f"/meetings/comcec-38/workbooks/{name}").status_code == 404


def test_the_list_gives_each_meetings_editions_last_build_and_problems(
    client: TestClient, folder: Path, tmp_path: Path
) -> None:
    for meeting in ("built", "refused", "untouched"):
        (folder / meeting).mkdir()
    assert upload(client, [(SAMPLE.name, SAMPLE.read_bytes())], meeting="built").status_code == 303
    built_page(client, "built")
    participants = [MINIMAL["Participants"][0], ["", "Mr.", "Ali", "Veli", "", ""]]
    broken = write_workbook(tmp_path / "broken.xlsx", variant(Participants=participants))
    assert (
        upload(client, [("broken.xlsx", broken.read_bytes())], meeting="refused").status_code == 422
    )
    rows = table_rows(client.get("/").text, "meetings")
    assert rows[0] == ["Meeting", "Workbooks", "Reports", "Last build", "Problems"]
    by_meeting = {row[0]: row for row in rows[1:]}
    built = by_meeting["built"]
    assert built[1] == SAMPLE.name
    assert built[2] == f"EN {SAMPLE.stem}.docx"
    assert built[3].startswith(date.today().isoformat())
    assert built[4] == "none"  # `reportkit check` finds no problem in the sample
    assert by_meeting["refused"][1:] == ["—", "—", "—", "Upload refused: errors: 1"]
    assert by_meeting["untouched"][1:] == ["—", "—", "—", "—"]
