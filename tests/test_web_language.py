"""The page in English, French and Arabic: every piece of page text has its translation,
the browser's language or the switch chooses, and Arabic is laid out right to left."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reportkit.problems import Severity
from reportkit.publish.report import Status
from reportkit.web.language import COOKIE, NAMES, accepted, words
from tests.conftest import SAMPLE
from tests.test_web import TOKEN, client_of, raw_upload
from tests.web_pages import paragraphs, read, table_rows
from tests.workbooks import MINIMAL, variant, write_workbook

WEB = Path(__file__).resolve().parents[1] / "reportkit" / "web"
# What a build record says it did (reportkit/publish/report.py, reportkit/state/migrate.py),
# shown on the history page through `_`.
ACTIONS = ("built", "merged", "fresh", "migrated")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def page_texts() -> set[str]:
    """Every English text the page says: `_("…")` in the templates, `_("…")` and
    `page_text("…")` in the code, and the values shown through `_(…)`."""
    found = {status.value for status in Status} | {s.value for s in Severity} | set(ACTIONS)
    for template in (WEB / "templates").glob("*.html"):
        found.update(re.findall(r'\b_\("((?:[^"\\]|\\.)*)"', template.read_text("utf-8")))
    for module in WEB.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "page_text")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_the_texts_are_found_in_templates_and_code() -> None:
    texts = page_texts()
    assert "Build the reports" in texts  # a template's
    assert "There is no such meeting." in texts  # an exception's detail
    assert "%(name)s was not saved: %(why)s" in texts  # a message made in the code


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_every_page_text_has_its_translation_with_the_same_placeholders(code: str) -> None:
    texts = page_texts()
    translated = words(code)
    assert sorted(texts - set(translated)) == []
    assert sorted(set(translated) - texts) == []  # none left over from text no longer said
    for english, said in translated.items():
        assert said.strip() and said != english, english
        assert sorted(PLACEHOLDER.findall(said)) == sorted(PLACEHOLDER.findall(english)), said


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        ("", "en"),
        ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),
        ("ar-SA", "ar"),
        ("de-DE,de;q=0.9,ar;q=0.5,fr;q=0.4", "ar"),
        ("en;q=0.2, fr;q=0.7", "fr"),
        ("tr-TR, de", "en"),
        ("fr;q=bad, ar;q=0.1", "ar"),
        ("*", "en"),
    ],
)
def test_the_browsers_most_wanted_language_that_the_page_has(header: str, chosen: str) -> None:
    assert accepted(header) == chosen


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    folder = tmp_path / "meetings"
    (folder / "comcec-38").mkdir(parents=True)
    browser = client_of(folder)
    assert browser.get(f"/?token={TOKEN}").status_code == 200
    return browser


def opening(html: str) -> str:
    return re.search(r"<html[^>]*>", html).group(0)  # type: ignore[union-attr]


def headline(html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", html).group(1)  # type: ignore[union-attr]


def test_the_browsers_language_chooses_the_page_and_arabic_is_right_to_left(
    client: TestClient,
) -> None:
    english = client.get("/").text
    assert opening(english) == '<html lang="en" dir="ltr">'
    assert headline(english) == "Meetings"
    french = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"}).text
    assert opening(french) == '<html lang="fr" dir="ltr">'
    assert headline(french) == words("fr")["Meetings"]
    arabic = client.get("/", headers={"accept-language": "ar"}).text
    assert opening(arabic) == '<html lang="ar" dir="rtl">'
    assert headline(arabic) == words("ar")["Meetings"]


def test_the_switch_is_remembered_over_the_browsers_language(client: TestClient) -> None:
    switched = client.get("/meetings/comcec-38?lang=ar", headers={"accept-language": "fr"})
    assert opening(switched.text) == '<html lang="ar" dir="rtl">'
    assert client.cookies.get(COOKIE) == "ar"
    later = client.get("/", headers={"accept-language": "fr"}).text
    assert opening(later) == '<html lang="ar" dir="rtl">'
    client.get("/?lang=en")
    assert opening(client.get("/", headers={"accept-language": "fr"}).text).startswith(
        '<html lang="en"'
    )
    assert client.get("/?lang=xx").status_code == 200  # a language the page lacks: ignored


def test_every_page_offers_the_three_languages_as_links_to_itself(client: TestClient) -> None:
    page = client.get("/meetings/comcec-38", headers={"accept-language": "fr"}).text
    languages = re.search(r'<nav class="languages"[^>]*>(.*?)</nav>', page).group(1)  # type: ignore[union-attr]
    assert re.findall(r'href="\?lang=(\w+)"', languages) == ["en", "ar"]
    assert f'<strong lang="fr">{NAMES["fr"]}</strong>' in languages


def test_a_refusal_and_the_problems_table_are_in_the_pages_language(
    client: TestClient, tmp_path: Path
) -> None:
    client.get("/?lang=fr")
    refused = raw_upload(client, "meeting.xls", SAMPLE.read_bytes())
    said = words("fr")["this is not an .xlsx workbook — save it from Excel as .xlsx"]
    assert refused.status_code == 400
    assert f"{words('fr')['Refused:']} {said}" in paragraphs(refused.text, "refused")
    participants = [MINIMAL["Participants"][0], ["", "Mr.", "Ali", "Veli", "", ""]]
    broken = write_workbook(tmp_path / "broken.xlsx", variant(Participants=participants))
    answer = raw_upload(client, "broken.xlsx", broken.read_bytes())
    assert answer.status_code == 422
    rows = table_rows(answer.text, "problems")
    assert rows[0] == [words("fr")[h] for h in ("Kind", "Sheet", "Cell", "Problem", "What to do")]
    # The kind is page text; where and what the workbook's problem is, as the CLI says it.
    assert rows[1][:3] == [words("fr")["error"], "Participants", "A2"]
    assert rows[1][3] == "the Delegation is empty"


def test_a_form_from_elsewhere_is_refused_in_arabic(client: TestClient) -> None:
    answer = client.post(
        "/meetings", data={"csrf": "forged", "name": "x"}, headers={"accept-language": "ar"}
    )
    assert answer.status_code == 403
    page = read(answer.text)
    assert (
        words("ar")["This form is out of date or did not come from this page."]
        in (page.paragraphs["message"])
    )
