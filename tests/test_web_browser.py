"""The web page in a real browser, as a secretariat uses it: Chromium from Debian's packages
driven by Playwright, against a real `reportkit serve` process on loopback. Each test signs
in with the token address in a fresh browser profile and takes a screenshot of each page it
sees (into $REPORTKIT_SCREENSHOTS when set, to look at them; else a temporary folder)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from playwright.sync_api import Browser, Page, expect, sync_playwright

from reportkit.web.language import words
from tests.conftest import SAMPLE
from tests.test_web_serve import serving
from tests.workbooks import MINIMAL, variant, write_workbook

TOKEN = "browser-test-token-4Kp"
BUILD_SECONDS = 240  # the sample's build with its PDF by LibreOffice, on a busy 2-core machine
# Chromium as root in a container, with no network beyond loopback: without these it tries
# Google's services at every start and is refused (see Debian's chromium and the env notes).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Where the first such element's text lies, and where its box lies, left and right.
TEXT_AND_BOX = """selector => {
  const element = document.querySelector(selector);
  const range = document.createRange();
  range.selectNodeContents(element);
  const text = range.getBoundingClientRect(), box = element.getBoundingClientRect();
  return [text.left, text.right, box.left, box.right];
}"""


@pytest.fixture(scope="module")
def address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address `reportkit serve` printed, token included, over a folder with two meetings."""
    folder = tmp_path_factory.mktemp("meetings")
    for meeting in ("comcec-38", "drafts"):
        (folder / meeting).mkdir()
    with serving(str(folder), "--port", "0", "--token", TOKEN) as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is not installed: scripts/test installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    chosen = os.environ.get("REPORTKIT_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser: Browser, address: str) -> Iterator[Page]:
    """A new browser profile, signed in by opening the printed address."""
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    opened = context.new_page()
    opened.goto(address)
    expect(opened.locator("h1")).to_have_text("Meetings")
    assert "token" not in opened.url  # the token taken off the address
    yield opened
    context.close()


def shoot(page: Page, shots: Path, name: str) -> None:
    page.screenshot(path=shots / f"{name}.png", full_page=True)


def test_without_the_token_the_browser_gets_the_sign_in_form(
    browser: Browser, address: str, shots: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    answer = page.goto(address.split("?")[0])
    assert answer is not None and answer.status == 401
    expect(page.locator("h1")).to_have_text("Sign in")
    shoot(page, shots, "sign-in")
    page.fill("#token", TOKEN)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("Meetings")
    context.close()


def test_upload_the_sample_wait_for_its_report_and_open_the_download(
    page: Page, shots: Path, tmp_path: Path
) -> None:
    shoot(page, shots, "meetings")
    page.click("a[href='/meetings/comcec-38']")
    expect(page.locator("h1")).to_have_text("comcec-38")
    page.set_input_files("#workbooks", SAMPLE)
    page.click("form[action$='/upload'] button[type=submit]")
    report = page.locator(f"ul.reports a[href$='/reports/{SAMPLE.stem}.docx']")
    expect(report).to_be_visible(timeout=BUILD_SECONDS * 1000)
    # The build ends with the PDF, whose pages the page then shows as pictures.
    first_page = page.locator("ul.pages img").first
    expect(first_page).to_be_visible(timeout=BUILD_SECONDS * 1000)
    assert first_page.evaluate("image => image.complete && image.naturalWidth > 0")
    shoot(page, shots, "meeting-built")
    with page.expect_download() as downloading:
        report.click()
    download = downloading.value
    assert download.suggested_filename == f"{SAMPLE.stem}.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    document = Document(str(saved))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert any("LIST OF PARTICIPANTS" in text.upper() for text in texts)


def test_a_workbook_with_errors_shows_the_problems_table_and_nothing_is_built(
    page: Page, shots: Path, tmp_path: Path
) -> None:
    participants = [MINIMAL["Participants"][0], ["", "Mr.", "Ali", "Veli", "", ""]]
    broken = write_workbook(tmp_path / "broken.xlsx", variant(Participants=participants))
    page.click("a[href='/meetings/drafts']")
    page.set_input_files("#workbooks", broken)
    page.click("form[action$='/upload'] button[type=submit]")
    table = page.locator("table.problems")
    expect(table).to_be_visible()
    shoot(page, shots, "problems")
    headings = table.locator("thead th").all_inner_texts()
    assert headings == ["Kind", "Sheet", "Cell", "Problem", "What to do"]
    first = table.locator("tbody tr").first.locator("td").all_inner_texts()
    assert first[:4] == ["error", "Participants", "A2", "the Delegation is empty"]
    expect(page.locator("ul.reports")).to_have_count(0)


def test_the_switch_turns_the_page_arabic_right_to_left(page: Page, shots: Path) -> None:
    page.click("a[href='/meetings/comcec-38']")
    page.click("nav.languages a[hreflang='ar']")
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    expect(page.locator("h2").first).to_have_text(words("ar")["Workbooks"])
    # Laid out right to left: a heading's text starts at its box's right edge.
    text_left, text_right, box_left, box_right = page.evaluate(TEXT_AND_BOX, "h2")
    assert abs(text_right - box_right) < 2
    assert text_left > box_left + 100
    shoot(page, shots, "meeting-arabic")
    page.goto(page.url.split("?")[0].rsplit("/meetings/", 1)[0] + "/")
    expect(page.locator("h1")).to_have_text(words("ar")["Meetings"])  # remembered
    shoot(page, shots, "meetings-arabic")
    page.click("nav.languages a[hreflang='fr']")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_have_text(words("fr")["Meetings"])
    shoot(page, shots, "meetings-french")
