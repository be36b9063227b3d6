"""Realistic generated meetings, for the benchmark and for tests/test_big_meeting.py.

A summit-size meeting is not the sample repeated: delegates come from every member state,
observer and OIC institution, in registration order (a delegation's rows scattered over the
sheet), with accented and Arabic names; the body has headings, bullets and `**bold**`; the
programme runs over several days. Everything is drawn from one seeded generator, so a size
always gives the same workbook, and the generator keeps its own record of who belongs to
which delegation, so that a test can check the built report without reportkit's arrange code.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from reportkit.reference import Delegation, DelegationKind, load_reference

SECRETARIAT = "COMCEC Coordination Office"
MEETING_DATE = date(2025, 11, 24)
DAYS = 5
PARTICIPANTS_HEADER = [
    "Delegation", "Honorific", "First name", "Last name", "Position", "Organisation",
]  # fmt: skip

# Shares of the delegates: member states dominate a summit; observers and institutions
# send a few each. Within a kind, a delegation's weight is drawn once (some send dozens).
_SHARES = {DelegationKind.MEMBER: 0.86, DelegationKind.OBSERVER: 0.04}
_INSTITUTION_SHARE = 0.10
_ARABIC_SHARE = 0.05

_FIRST = (
    "Ahmet", "Ayşe", "Mehmet", "Şeyma", "Selçuk", "Gülşen", "Ömer", "Işıl", "Çağrı", "Yiğit",
    "Mohammed", "Fatima", "Abdullah", "Aisha", "Youssef", "Mariam", "Khalid", "Nour", "Omar",
    "Amina", "Ibrahim", "Zainab", "Hamza", "Layla", "Tariq", "Salma", "Bilal", "Hafsa",
    "Aminata", "Moussa", "Fatoumata", "Ousmane", "Adama", "Mamadou", "Aïssatou", "Souleymane",
    "Siti", "Nurul", "Ahmad", "Dewi", "Rizal", "Putri", "Farukh", "Dilnoza", "Askar", "Aigerim",
    "Elnara", "Sadi", "Nacera", "Réda", "Hélène", "Zoë", "Ramón", "Björn", "Eltaf", "Movita",
)  # fmt: skip
_LAST = (
    "Özcan", "Koç", "Yılmaz", "Çelik", "Şahin", "Doğan", "Aydın", "Güneş", "Erdoğan", "Kılıç",
    "Hassan", "Al-Hashimi", "El Amrani", "Benali", "Haddad", "Nasrallah", "Mansour", "Khoury",
    "Traoré", "Diallo", "Koné", "Ouédraogo", "Sawadogo", "Touré", "Ndiaye", "Diagne", "Baldé",
    "Rahman", "Siddiqui", "Chowdhury", "Karimov", "Eminov", "Alizada", "Kussainov", "Soliev",
    "Nurmagambetov", "Wijaya", "Santoso", "Abdullah", "Ibrahim", "Mahathir", "Zulkifli",
    "Guemaz", "Bouteflika", "Belhadj", "Zéroual", "Noël", "Müller", "Ferreira", "Alamyar",
)  # fmt: skip
_ARABIC_FIRST = ("محمد", "أحمد", "فاطمة", "عائشة", "عبد الله", "خالد", "مريم", "يوسف", "نور", "عمر")
_ARABIC_LAST = ("العلي", "الحسن", "المنصوري", "الخطيب", "الحداد", "السالم", "القاسم", "الزهراني")
_HONORIFICS = ("Mr.", "Mr.", "Mr.", "Ms.", "Ms.", "Dr.", "H.E.", "Prof.")
_ARABIC_HONORIFICS = ("السيد", "السيدة", "الدكتور")
_POSITIONS = (
    "Minister", "Deputy Minister", "Ambassador", "Director General", "Deputy Director General",
    "Head of Department", "Head of Division", "Senior Expert", "Expert", "Advisor",
    "Counsellor", "First Secretary", "Chief Economist", "Programme Manager",
    "Director of International Cooperation and Multilateral Economic Relations",
)  # fmt: skip
_ORGANISATIONS = (
    "Ministry of Foreign Affairs", "Ministry of Trade", "Ministry of Economy and Finance",
    "Ministry of Digital Development, Innovation and Aerospace Industry", "Central Bank",
    "Permanent Mission to the OIC", "Embassy in Ankara", "Investment Promotion Agency",
    "National Statistics Office", "Ministry of Agriculture and Rural Development",
    "Presidency of Strategy and Budget", "Chamber of Commerce and Industry",
)  # fmt: skip
_SENTENCES = (
    "The Meeting reviewed the progress made since the previous session.",
    "Delegations **welcomed** the report of the COMCEC Coordination Office.",
    "Several Member Countries shared their experiences in digital transformation.",
    "The representative of SESRIC presented the *latest statistics* on intra-OIC trade.",
    "Participants stressed the importance of **capacity building** and technical cooperation.",
    "The Meeting requested the CCO to circulate the draft recommendations by **December 1st**.",
    "Côte d'Ivoire, Türkiye and Brunei Darussalam offered to host the next workshops.",
    "The discussion focused on financing, trade facilitation and e-commerce.",
)
_ARABIC_SENTENCE = "ناقش المشاركون **مسودة التقرير** وقدموا ملاحظاتهم حول التعاون الاقتصادي."
_SESSIONS = (
    "Opening Session", "Trade Facilitation", "Investment and Finance", "Digital Economy",
    "Poverty Alleviation", "Tourism", "Agriculture and Food Security", "Transport",
    "Coffee Break", "Lunch Break", "Questions and Answers", "Closing Session",
)  # fmt: skip


@dataclass(frozen=True)
class Delegate:
    """One row of the Participants sheet, with the delegation it really belongs to."""

    delegation: Delegation
    typed: str
    honorific: str
    first_name: str
    last_name: str
    position: str
    organisation: str

    def row(self) -> list[object]:
        return [
            self.typed,
            self.honorific,
            self.first_name,
            self.last_name,
            self.position,
            self.organisation,
        ]


@dataclass(frozen=True)
class GeneratedMeeting:
    """The sheets of one workbook, and the delegates in the order of the Participants sheet."""

    sheets: dict[str, list[list[object]]]
    delegates: tuple[Delegate, ...]


def generate(
    delegates: int, *, body_rows: int = 500, programme_rows: int = 300, seed: int = 2025
) -> GeneratedMeeting:
    """A meeting of `delegates` people; every delegation attends once there are ~100."""
    rng = random.Random(f"{seed}:{delegates}")
    people = _delegates(rng, delegates)
    sheets: dict[str, list[list[object]]] = {
        "Meeting": _meeting(delegates),
        "Report": _report(rng, body_rows),
        "Agenda": _agenda(),
        "Programme": _programme(rng, programme_rows),
        "Participants": [PARTICIPANTS_HEADER, *(p.row() for p in people)],
    }
    return GeneratedMeeting(sheets, tuple(people))


def _meeting(delegates: int) -> list[list[object]]:
    return [
        ["Field", "Value"],
        ["title", f"41st Session of the COMCEC ({delegates:,} delegates)"],
        ["document", "Report"],
        ["date", MEETING_DATE],
        ["end_date", MEETING_DATE + timedelta(days=DAYS - 1)],
        ["venue", "İstanbul"],
        ["time_zone", "İstanbul Time - GMT+3"],
        ["secretariat", SECRETARIAT],
        ["symbol", "OIC/COMCEC/41-25/REP"],
    ]


def _delegates(rng: random.Random, count: int) -> list[Delegate]:
    """`count` delegates: one for every delegation first, the rest by weight, shuffled
    into registration order; a name is never used twice in one delegation."""
    delegations = load_reference().delegations
    weights = [_weight(rng, d, delegations) for d in delegations]
    typed = {d.name: _typed_name(rng, d) for d in delegations}
    chosen = list(delegations[:count]) + rng.choices(
        delegations, weights, k=max(0, count - len(delegations))
    )
    rng.shuffle(chosen)
    used: set[tuple[str, str, str]] = set()
    people = []
    for delegation in chosen:
        first, last, honorific = _name(rng)
        while (delegation.name, first, last) in used:
            first, last, honorific = _name(rng)
        used.add((delegation.name, first, last))
        people.append(
            Delegate(
                delegation,
                typed[delegation.name],
                honorific,
                first,
                last,
                rng.choice(_POSITIONS),
                delegation.formal_name
                if delegation.kind is DelegationKind.INSTITUTION
                else rng.choice(_ORGANISATIONS),
            )
        )
    return people


def _weight(rng: random.Random, delegation: Delegation, every: tuple[Delegation, ...]) -> float:
    """A delegation's share of the delegates: its kind's share, spread unevenly."""
    kind = delegation.kind
    share = _SHARES.get(kind, _INSTITUTION_SHARE)
    return share * rng.uniform(0.2, 1.8) / sum(d.kind is kind for d in every)


def _typed_name(rng: random.Random, delegation: Delegation) -> str:
    """How the rapporteur types this delegation throughout: mostly its short name, some
    states by formal name or ISO code, institutions by acronym (as rapporteurs do)."""
    if delegation.kind is DelegationKind.INSTITUTION:
        return delegation.acronym or delegation.formal_name
    return rng.choices(
        [delegation.name, delegation.formal_name, delegation.iso3 or delegation.name],
        [8, 1, 1],
    )[0]


def _name(rng: random.Random) -> tuple[str, str, str]:
    """First name, last name and honorific; some Arabic, some with two given names."""
    if rng.random() < _ARABIC_SHARE:
        first = rng.choice(_ARABIC_FIRST)
        return first, rng.choice(_ARABIC_LAST), rng.choice(_ARABIC_HONORIFICS)
    first = rng.choice(_FIRST)
    if rng.random() < 0.3:
        first = f"{first} {rng.choice(_FIRST)}"
    return first, rng.choice(_LAST), rng.choice(_HONORIFICS)


def _report(rng: random.Random, rows: int) -> list[list[object]]:
    """Numbered paragraphs under headings, with runs of bullets and the odd Arabic paragraph."""
    report: list[list[object]] = [["Kind", "Text"]]
    for i in range(rows):
        if i % 25 == 0:
            report.append(["heading", f"Agenda Item {i // 25 + 1}: {rng.choice(_SESSIONS)}"])
        elif i % 25 > 20:
            report.append(["bullet", rng.choice(_SENTENCES)])
        elif i % 50 == 7:
            report.append(["paragraph", _ARABIC_SENTENCE])
        else:
            report.append(["paragraph", " ".join(rng.choices(_SENTENCES, k=rng.randint(2, 5)))])
    return report


def _agenda() -> list[list[object]]:
    items = [["item", f"{session}", None] for session in _SESSIONS if "Break" not in session]
    items[1][2] = "*Report of the COMCEC Coordination Office*"
    return [["Kind", "Text", "Note"], ["unnumbered", "Opening Remarks", None], *items]


def _programme(rng: random.Random, rows: int) -> list[list[object]]:
    """Slots of 10 minutes from 09.00, the day given on each day's first slot; times typed
    half as Excel times and half as text, as workbooks come."""
    programme: list[list[object]] = [["Day", "Start", "End", "Title", "Description", "Points"]]
    per_day = -(-rows // DAYS)
    for i in range(rows):
        day, slot = divmod(i, per_day)
        start = 9 * 60 + slot * 10
        times = [time(*divmod(m, 60)) for m in (start, start + 10)]
        if i % 2:
            times = [f"{t.hour:02d}.{t.minute:02d}" for t in times]
        programme.append(
            [
                MEETING_DATE + timedelta(days=day) if slot == 0 else None,
                *times,
                f"{rng.choice(_SESSIONS)} ({i + 1})",
                rng.choice(_SENTENCES) if i % 3 else None,
                "Presentation: Ms. Şeyma ÖZCAN, Advisor\nQuestions and Answers" if i % 4 else None,
            ]
        )
    return programme
