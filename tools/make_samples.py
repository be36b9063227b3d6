"""Make the two sample workbooks of other report shapes in `inputs/`.

- `fc-33-2017.xlsx`: a Follow-up Committee report — participants as Annex I, texts as
  further annexes (the Chairman's statement with its own Original line, day and short
  meeting title, no ANNEX line), `Original: English`, annex pages headed `Annex I to
  <symbol>`, the first body page numbered 7, the Committee's states in bureau order
  (`ordering` as-typed), a venue-first date line, and references that keep the body's
  numbers true.
- `trade-wg-14.xlsx`: Working Group proceedings — a title page, a running head over the
  body's pages, the proceedings' date line, numbered sections and sub-sections with running
  text, a numbered list of recommendations, annexes numbered 1, 2, 3, 4, each opened by one
  line ("Annex 3: Policy Recommendations").

The texts are written for these samples after the published reports' shape; names of
people are invented. Run again only to remake them (`python tools/make_samples.py`).
"""

from __future__ import annotations

import sys
from datetime import date, time
from pathlib import Path

from openpyxl import Workbook

FOLLOW_UP = {
    "Meeting": [
        ["Field", "Value"],
        ["title", "Thirty-Third Meeting of the Follow-up Committee of the COMCEC"],
        ["document", "Report"],
        ["date", date(2017, 5, 10)],
        ["end_date", date(2017, 5, 11)],
        ["venue", "Ankara"],
        ["date_style", "venue-first"],
        ["original", "English"],
        ["symbol", "OIC/COMCEC-FC/33-17/REP"],
        ["annex_header", "yes"],
        ["first_page", 7],
        ["ordering", "as-typed"],
        ["secretariat", "COMCEC Coordination Office"],
        ["members_heading", "MEMBER STATES OF THE FOLLOW-UP COMMITTEE"],
    ],
    "Annexes": [
        ["Kind", "Title", "Sheet", "Form", "Original", "Date", "Meeting title"],
        ["participants", "", ""],
        ["agenda", "Agenda of the Thirty-Third Meeting of the Follow-up Committee", ""],
        [
            "text",
            "Opening Statement of the Chairman",
            "Opening Statement",
            "statement",
            "English",
            date(2017, 5, 10),
            "33rd Meeting of the COMCEC Follow-up Committee",
        ],
        ["text", "Report of the Sessional Committee", "Sessional Committee"],
    ],
    "Report": [
        ["Kind", "Text", "Key"],
        [
            "paragraph",
            "The Thirty-Third Meeting of the Follow-up Committee of the Standing Committee for "
            "Economic and Commercial Cooperation of the Organization of Islamic Cooperation "
            "(COMCEC) was held on 10-11 May 2017 in Ankara, Republic of Turkey.",
            "",
        ],
        [
            "paragraph",
            "Representatives of [[members]] Member States of the Committee attended the Meeting, "
            "together with the OIC General Secretariat, the COMCEC Coordination Office and the "
            "following OIC institutions: [[institution list]].",
            "attendance",
        ],
        ["note", "(The list of participants is attached as [[annex participants]].)", ""],
        ["heading", "Opening Session (Agenda Item: 1)", ""],
        [
            "paragraph",
            "The Meeting started with the recitation of verses from the Holy Quran. The agenda "
            "of the Meeting, attached as [[annex agenda]], was adopted.",
            "",
        ],
        [
            "paragraph",
            "The Chairman of the Committee delivered the opening statement, attached as "
            "[[annex Opening Statement of the Chairman]], and welcomed the delegations "
            "counted in paragraph [[paragraph attendance]].",
            "opening",
        ],
        ["heading", "Implementation of the COMCEC Strategy (Agenda Item: 2)", ""],
        [
            "paragraph",
            "The Committee took note of the progress in the implementation of the COMCEC "
            "Strategy, in particular the project funding mechanism, and requested the "
            "COMCEC Coordination Office to report at the next meeting.",
            "",
        ],
        ["bullet", "The Committee welcomed the working groups' policy recommendations.", ""],
        ["bullet", "The Committee invited the Member States to register to the groups.", ""],
        ["heading", "Closing Session", ""],
        [
            "paragraph",
            "The report of the Sessional Committee ([[annex Report of the Sessional "
            "Committee]]) was noted. Recalling paragraph [[paragraph opening]], the Chairman "
            "thanked the delegations and closed the Meeting.",
            "",
        ],
    ],
    "Agenda": [
        ["Kind", "Text", "Note"],
        ["item", "Opening Session", ""],
        ["item", "Implementation of the COMCEC Strategy", ""],
        ["item", "Trade and Financial Cooperation", "(Draft resolutions)"],
        ["item", "Any Other Business", ""],
        ["unnumbered", "Adoption of the Report", ""],
    ],
    "Opening Statement": [
        ["Kind", "Text"],
        ["text", "Distinguished Ministers, Excellencies, Distinguished Delegates,"],
        [
            "text",
            "It is a great pleasure for me to welcome you to the Thirty-Third Meeting of the "
            "Follow-up Committee of the COMCEC.",
        ],
        [
            "text",
            "I wish every success to the Meeting and look forward to its fruitful outcomes.",
        ],
    ],
    "Sessional Committee": [
        ["Kind", "Text"],
        ["heading", "Introduction"],
        [
            "paragraph",
            "The Sessional Committee met on 9 May 2017 with the participation of the OIC "
            "institutions working in the field of economic and commercial cooperation.",
        ],
        ["paragraph", "The Committee reviewed the institutions' joint programmes for 2017."],
    ],
    "Participants": [
        [
            "Delegation",
            "Honorific",
            "First name",
            "Last name",
            "Position",
            "Organisation",
            "Section",
        ],
        ["Turkey", "H.E.", "Selim", "Arda", "Deputy Minister", "Ministry of Development", ""],
        ["Turkey", "Mr.", "Kaan", "Duru", "Head of Department", "Ministry of Development", ""],
        ["Saudi Arabia", "Mr.", "Faisal", "Alharbi", "Director", "Ministry of Commerce", ""],
        ["Palestine", "Mr.", "Omar", "Nasser", "Director General", "Ministry of Economy", ""],
        ["Kuwait", "Mr.", "Salem", "Alenezi", "Counsellor", "Embassy in Ankara", ""],
        ["Malaysia", "Ms.", "Aisha", "Rahman", "Deputy Director", "Ministry of Trade", ""],
        ["Gabon", "Mr.", "Jean", "Mba", "Adviser", "Ministry of Economy", ""],
        ["Pakistan", "Mr.", "Imran", "Siddiqui", "Joint Secretary", "Ministry of Commerce", ""],
        ["SESRIC", "Dr.", "Nabil", "Dabour", "Director", "SESRIC", ""],
        ["ICDT", "Mr.", "Youssef", "Amrani", "Expert", "ICDT", ""],
        ["ITFC", "Mr.", "Hani", "Salem", "Manager", "ITFC", ""],
        ["SMIIC", "Mr.", "Ihsan", "Ovut", "Secretary General", "SMIIC", ""],
        ["COMCEC Coordination Office", "Mr.", "Metin", "Ekeren", "Director General", "", ""],
        ["COMCEC Coordination Office", "Ms.", "Deniz", "Kaya", "Expert", "", ""],
    ],
}

WORKING_GROUP = {
    "Meeting": [
        ["Field", "Value"],
        ["title", "14th Meeting of the\nCOMCEC Trade Working Group"],
        ["document", "Proceedings"],
        ["subtitle", "Improving Trade Facilitation in the OIC Member Countries"],
        ["date", date(2019, 10, 3)],
        ["venue", "Ankara, Türkiye"],
        ["date_style", "proceedings"],
        ["title_page", "yes"],
        ["running_head", "Proceedings of the 14th Meeting of\nThe COMCEC Trade Working Group"],
        ["numbering", "sections"],
        ["annex_numbering", "arabic"],
        ["time_zone", "Ankara Time - GMT+3"],
        ["secretariat", "COMCEC Coordination Office"],
        ["participants_subtitle", "Trade Working Group Experts"],
    ],
    "Report": [
        ["Kind", "Text", "Key"],
        ["heading", "Opening Session", ""],
        [
            "text",
            "The 14th Meeting of the COMCEC Trade Working Group was held on 3 October 2019 in "
            "Ankara, with the theme of improving trade facilitation. Representatives of "
            "[[members]] Member Countries attended; the list of participants is "
            "[[annex participants]].",
            "",
        ],
        ["heading", "Trade Facilitation in the OIC Member Countries", ""],
        ["subheading", "Overview of the Study", "overview"],
        [
            "text",
            "The consultant presented the analytical study, whose findings are summarised in "
            "[[annex Policy Recommendations]].",
            "",
        ],
        ["subheading", "Country Experiences", ""],
        [
            "text",
            "Delegations shared their national single window projects and the reforms of "
            "their customs administrations.",
            "",
        ],
        ["heading", "Policy Recommendations", "policy"],
        [
            "text",
            "Following the discussions of section [[paragraph overview]], the participants "
            "agreed on the following recommendations:",
            "",
        ],
        ["item", "Establishing national trade facilitation committees", ""],
        ["item", "Implementing electronic single windows", ""],
        ["item", "Simplifying border procedures for perishable goods", ""],
        ["text", "For the longer term the participants also proposed:", ""],
        ["item", "Harmonising transit regimes in each region", ""],
        ["item", "Sharing risk management data between customs administrations", ""],
        ["heading", "Closing Remarks", ""],
        [
            "text",
            "The Meeting ended with closing remarks by the COMCEC Coordination Office, which "
            "thanked the participants of section [[paragraph policy]].",
            "",
        ],
    ],
    "Annexes": [
        ["Kind", "Title", "Sheet", "Form"],
        ["agenda", "Agenda", "", "line"],
        ["programme", "Programme", "", "line"],
        ["text", "Policy Recommendations", "Recommendations", "line"],
        ["participants", "List of Participants", "", "line"],
    ],
    "Agenda": [
        ["Kind", "Text", "Note"],
        ["unnumbered", "Opening Remarks", ""],
        ["item", "Trade Facilitation in the OIC Member Countries", ""],
        ["item", "Country Experiences", ""],
        ["item", "Policy Recommendations", ""],
        ["unnumbered", "Closing Remarks", ""],
    ],
    "Programme": [
        ["Day", "Start", "End", "Title", "Description", "Points"],
        [date(2019, 10, 3), time(9, 30), time(10, 0), "Opening Remarks", "", ""],
        [
            None,
            time(10, 0),
            time(11, 30),
            "Trade Facilitation in the OIC Member Countries",
            "Presentation of the analytical study",
            "Presentation\nQuestions and Answers",
        ],
        [None, time(11, 30), time(12, 30), "Country Experiences", "", ""],
        [None, time(14, 0), time(15, 0), "Policy Recommendations", "", "Discussion"],
        [None, time(15, 0), time(15, 15), "Closing Remarks", "", ""],
    ],
    "Recommendations": [
        ["Kind", "Text"],
        ["paragraph", "Establishing or strengthening national trade facilitation committees."],
        ["paragraph", "Implementing electronic single window systems."],
        ["paragraph", "Simplifying and harmonising border procedures."],
    ],
    "Participants": [
        ["Delegation", "Honorific", "First name", "Last name", "Position", "Organisation"],
        ["Egypt", "Mr.", "Karim", "Fahmy", "Director", "Ministry of Trade and Industry"],
        ["Indonesia", "Ms.", "Dewi", "Lestari", "Deputy Director", "Ministry of Trade"],
        ["Senegal", "Mr.", "Moussa", "Diop", "Head of Division", "Ministry of Commerce"],
        ["Türkiye", "Ms.", "Elif", "Yildiz", "Trade Expert", "Ministry of Trade"],
        ["Uganda", "Mr.", "Paul", "Okello", "Commissioner", "Ministry of Trade"],
        ["ICDT", "Mr.", "Youssef", "Amrani", "Expert", "ICDT"],
        ["COMCEC Coordination Office", "Mr.", "Ali", "Demir", "Director", ""],
    ],
}


def write(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cell in sheet["B"][1:] + sheet["C"][1:]:
            if hasattr(cell.value, "hour"):
                cell.number_format = "hh:mm"
    book.save(path)


def main(folder: Path) -> None:
    write(folder / "fc-33-2017.xlsx", FOLLOW_UP)
    write(folder / "trade-wg-14.xlsx", WORKING_GROUP)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("inputs"))
