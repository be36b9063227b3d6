"""Building small workbooks for tests, from rows given in the test itself."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

MINIMAL: dict[str, list[list[object]]] = {
    "Meeting": [
        ["Field", "Value"],
        ["title", "1st Test Meeting"],
        ["date", date(2023, 5, 2)],
        ["secretariat", "COMCEC Coordination Office"],
    ],
    "Report": [["Kind", "Text"], ["paragraph", "The Meeting was held."]],
    "Agenda": [["Kind", "Text"], ["item", "Opening"]],
    "Programme": [["Day", "Start", "End", "Title"], [None, "10.00", "10.30", "Opening"]],
    "Participants": [
        ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"],
        ["Egypt", "Mr.", "Ahmed", "Hassan", "Director", "Ministry of Trade"],
    ],
}


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def variant(**changes: list[list[object]] | None) -> dict[str, list[list[object]]]:
    """MINIMAL with some sheets replaced (or removed, given None)."""
    sheets = {k: [list(r) for r in v] for k, v in MINIMAL.items()}
    for name, rows in changes.items():
        if rows is None:
            sheets.pop(name, None)
        else:
            sheets[name] = rows
    return sheets


def set_cell_xml(path: Path, sheet_number: int, cell: str, xml: str) -> None:
    """Replace one cell's XML as Excel would write it, for what openpyxl cannot write.

    (openpyxl stores no formula results and cuts text at Excel's 32,767 characters.)
    """
    with zipfile.ZipFile(path) as source:
        parts = {n: source.read(n) for n in source.namelist()}
    member = f"xl/worksheets/sheet{sheet_number}.xml"
    text = parts[member].decode()
    replaced = re.sub(rf'<c r="{cell}"[^>]*?(/>|>.*?</c>)', lambda _: xml, text, count=1)
    assert replaced != text, f"cell {cell} not found in {member}"
    parts[member] = replaced.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def sample_copies(folder: Path, count: int, sample: Path) -> list[Path]:
    """`count` copies of the sample workbook, `meeting-00.xlsx` …"""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        target = folder / f"meeting-{i:02d}.xlsx"
        target.write_bytes(sample.read_bytes())
        paths.append(target)
    return paths


def set_position(workbook: Path, position: str) -> None:
    """Correct the first delegate's position (Participants!E3, Guyana's Mr. Deen)."""
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book["Participants"]["E3"] = position
    book.save(workbook)


_FIRST = ("Ahmed", "Fatima", "Mehmet", "Aisha", "Ibrahim", "Nur", "Yusuf", "Mariam", "Omar")
_LAST = ("Hassan", "Özcan", "Rahman", "Diallo", "Karimov", "Siddiqui", "Traoré", "Aziz")
_POSITIONS = (
    (
        "Director General, Department of Digital Economy and Information Society",
        "Ministry of Industry, Trade and Digital Transformation",
    ),
    ("Head of Division", "Central Bank"),
    (
        "Senior Expert on International Cooperation and Multilateral Economic Relations",
        "Ministry of Foreign Affairs",
    ),
    ("Deputy Minister", "Ministry of Communications and Information Technology"),
    ("Counsellor", "Permanent Mission to the OIC"),
)


def big_meeting(
    states: list[str], delegates: int = 4, host: str = "Türkiye", host_delegates: int = 24
) -> dict[str, list[list[object]]]:
    """A ministerial-size meeting: every state given, 2 to 6 delegates each (`delegates` on
    average) but the host's, too large for a page, listed last among the members; a body
    with headings, bullets and markup; a programme over two days."""
    people: list[list[object]] = [
        ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"]
    ]
    for i, state in enumerate(states):
        count = host_delegates if state == host else delegates - 2 + (i * 7) % 5
        for j in range(count):
            position, organisation = _POSITIONS[(i + j) % len(_POSITIONS)]
            first, last = _FIRST[(i + j) % len(_FIRST)], _LAST[(i * 3 + j) % len(_LAST)]
            people.append([state, "Mr." if j % 2 else "Ms.", first, last, position, organisation])
    people += [
        ["SESRIC", "Dr.", "Atilla", "Karaman", "Director", "SESRIC"],
        ["IsDB", "Mr.", "Hamza", "Yilmaz", "Lead Economist", "Islamic Development Bank"],
        ["COMCEC Coordination Office", "Mr.", "Selçuk", "Koç", "Director General", ""],
    ]
    report: list[list[object]] = [["Kind", "Text"]]
    for i in range(12):
        report.append(
            [
                "heading" if i % 4 == 0 else "paragraph",
                f"Deliberations on item {i}: the delegates **agreed** on *several* points. " * 3,
            ]
        )
    report.append(["bullet", "Member countries to share their views by **December 1st**."])
    programme: list[list[object]] = [["Day", "Start", "End", "Title", "Description", "Points"]]
    for day in (date(2023, 11, 27), date(2023, 11, 28)):
        for hour in range(9, 17):
            programme.append(
                [
                    day if hour == 9 else None,
                    f"{hour}.00",
                    f"{hour}.45",
                    f"Session {hour - 8}: Trade and Investment",
                    "Presentations by the delegations followed by a discussion of the draft "
                    "resolutions. " * 2,
                    "Presentation: Mr. Ahmed HASSAN\nQuestions and Answers",
                ]
            )
    return variant(
        Meeting=[
            ["Field", "Value"],
            ["title", "39th Ministerial Session of the COMCEC"],
            ["date", date(2023, 11, 27)],
            ["end_date", date(2023, 11, 28)],
            ["venue", "Istanbul"],
            ["secretariat", "COMCEC Coordination Office"],
            ["symbol", "OIC/COMCEC/39-23/REP"],
            ["host", host],
        ],
        Report=report,
        Agenda=[
            ["Kind", "Text", "Note"],
            ["unnumbered", "Opening", None],
            ["item", "Trade", "*Report of the Working Group*"],
            ["item", "Investment", None],
        ],
        Programme=programme,
        Participants=people,
    )


def arabic_meeting() -> dict[str, list[list[object]]]:
    """A meeting written in Arabic: body, agenda, programme and participants."""
    return variant(
        Meeting=[
            ["Field", "Value"],
            ["title", "الاجتماع الفني الثاني حول المبادرة الرقمية"],
            ["date", date(2022, 11, 1)],
            ["venue", "اجتماع افتراضي"],
            ["secretariat", "COMCEC Coordination Office"],
            ["ordering", "arabic"],
        ],
        Report=[
            ["Kind", "Text"],
            ["paragraph", "عقد الاجتماع الفني الثاني **افتراضيا** في 1 نوفمبر 2022."],
            ["heading", "الوضع الراهن للتحول الرقمي"],
            ["paragraph", "ناقش المشاركون *مسودة التقرير* وقدموا ملاحظاتهم."],
            ["bullet", "تبادل الخبرات بين الدول الأعضاء."],
        ],
        Agenda=[["Kind", "Text"], ["item", "الكلمات الافتتاحية"], ["item", "ما يستجد من أعمال"]],
        Programme=[
            ["Day", "Start", "End", "Title", "Description", "Points"],
            [None, "10.00", "10.30", "الافتتاح", "كلمة **مكتب التنسيق**", "عرض\nنقاش"],
        ],
        Participants=[
            ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"],
            ["مصر", "السيد", "أحمد", "حسن", "مدير عام", "وزارة التجارة"],
            ["الأردن", "السيدة", "فاطمة", "علي", "رئيسة قسم", "وزارة الاقتصاد الرقمي"],
            ["الأردن", "السيد", "عمر", "خالد", "خبير", "البنك المركزي"],
            ["COMCEC Coordination Office", "Mr.", "Selçuk", "Koç", "Director General", ""],
        ],
    )


def edition_meeting() -> dict[str, list[list[object]]]:
    """A meeting written in English, French and Arabic, all three editions asked for; the
    French and English filing orders of its states differ, and one Arabic text is missing."""
    delegates = (
        ("Jordan", "Mr.", "Omar", "Khalid", "Director", "مدير", "Directeur"),
        ("Côte d'Ivoire", "H.E.", "Amadou", "Koné", "Minister", "وزير", "Ministre"),
        ("United Arab Emirates", "Ms.", "Mona", "Said", "Expert", "خبيرة", "Experte"),
        ("Egypt", "Dr.", "Ali", "Hassan", "Adviser", "مستشار", "Conseiller"),
        ("Chad", "Mr.", "Idriss", "Mahamat", "Engineer", "مهندس", "Ingénieur"),
        ("Comoros", "Ms.", "Fatima", "Ali", "Head of Unit", "رئيسة وحدة", "Cheffe d'unité"),
        ("Saudi Arabia", "Mr.", "Faisal", "Saud", "Counsellor", "مستشار", "Conseiller"),
        ("SESRIC", "Dr.", "Atilla", "Karaman", "Director", "مدير", "Directeur"),
        ("COMCEC Coordination Office", "Mr.", "Selçuk", "Koç", "Director General",
         "المدير العام", "Directeur général"),
    )  # fmt: skip
    organisation = ("Ministry of Trade", "وزارة التجارة", "Ministère du Commerce")
    return variant(
        Meeting=[
            ["Field", "Value", "Value fr", "Value ar"],
            [
                "title",
                "23rd Meeting of the Follow-up Committee",
                "23e Réunion du Comité de suivi",
                "الاجتماع الثالث والعشرون للجنة المتابعة",
            ],
            ["date", date(2022, 11, 1)],
            ["end_date", date(2022, 11, 3)],
            ["venue", "Ankara", "Ankara", "أنقرة"],
            ["time_zone", "Ankara Time - GMT+3", "Heure d'Ankara - GMT+3", "بتوقيت أنقرة"],
            ["secretariat", "COMCEC Coordination Office"],
            ["languages", "en, fr, ar"],
        ],
        Report=[
            ["Kind", "Text", "Text fr", "Text ar"],
            [
                "paragraph",
                "The Meeting was **held in Ankara** with COMCEC delegates.",
                "La réunion s'est **tenue à Ankara** avec les délégués du COMCEC.",
                "عُقد الاجتماع **في أنقرة** بحضور مندوبي COMCEC.",
            ],
            ["paragraph", "It ended.", "Elle s'est achevée.", None],
            ["heading", "Opening", "Ouverture", "الافتتاح"],
            ["bullet", "A point.", "Un point.", "نقطة."],
        ],
        Agenda=[
            ["Kind", "Text", "Text fr", "Text ar"],
            ["item", "Opening", "Ouverture", "الافتتاح"],
            ["item", "Any Other Business", "Questions diverses", "ما يستجد من أعمال"],
        ],
        Programme=[
            ["Day", "Start", "End", "Title", "Title fr", "Title ar"],
            [date(2022, 11, 1), "10.00", "10.30", "Opening", "Ouverture", "الافتتاح"],
            [None, "10.30", "12.00", "Discussion", "Débat", "نقاش"],
        ],
        Participants=[
            [
                "Delegation",
                "Honorific",
                "First name",
                "Last name",
                "Position",
                "Position ar",
                "Position fr",
                "Organisation",
                "Organisation ar",
                "Organisation fr",
            ],
            *([*person, *organisation] for person in delegates),
        ],
    )


def all_members_meeting(states: list[str]) -> dict[str, list[list[object]]]:
    """Every member state with one delegate, typed in no order, in all three editions, the
    French filed by French names and the Arabic in the OIC's own order (each edition's own
    `ordering`)."""
    shuffled = states[1::2] + states[::2]
    people: list[list[object]] = [["Delegation", "Honorific", "First name", "Last name"]]
    people += [[state, "Mr.", "Ahmed", f"Delegate{i}"] for i, state in enumerate(shuffled)]
    return variant(
        Meeting=[
            ["Field", "Value", "Value fr", "Value ar"],
            ["title", "Meeting of All Members"],
            ["date", date(2023, 5, 2)],
            ["secretariat", "COMCEC Coordination Office"],
            ["languages", "all"],
            ["ordering", "english", "french", "oic"],
        ],
        Participants=people,
    )
