"""Give the shipped sample workbook its French and Arabic text.

reportkit builds a French and an Arabic edition of a report from twin columns beside each
translatable column (`Text fr` and `Text ar` beside `Text`; `Value fr` and `Value ar` for
the Meeting fields it translates); where a twin is missing, an edition prints the English
text and `reportkit check` warns. The sample `inputs/comcec-digital-2022.xlsx` was typed in
English only. This script holds our own translation of its text — made for the sample, not
an official OIC translation — as data keyed by sheet, column and English text, and writes
it into the twin columns, so that the sample builds its three editions without a warning:

    python tools/sample_translations.py inputs/comcec-digital-2022.xlsx
    python tools/entry_aids.py inputs/comcec-digital-2022.xlsx
    reportkit build inputs/comcec-digital-2022.xlsx --lang all

A twin column goes after the sheet's last column (its data validations name the existing
column letters), or is the one the sheet already has, so a second run changes nothing. An
English cell the data does not translate (after an edit of the English, say) stops the run,
naming the cell, and nothing is written: add its translation here and run again.

French follows French typography (a no-break space before ; : ! ? and inside « »); Arabic
keeps Western digits and people's names in Latin letters, spelled as in the English.
"""

from __future__ import annotations

import io
import re
import sys
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reportkit.base.write import write_atomic
from reportkit.model import Language
from reportkit.read.workbook import normalise_name
from reportkit.schema import MEETING_FIELDS, SHEETS, TRANSLATED_LANGUAGES


class Translation(NamedTuple):
    """One English text in the two other editions' languages."""

    fr: str
    ar: str


Texts = dict[str, Translation]

# Texts the Report, Agenda and Programme sheets share.
_OPENING = Translation(
    fr="Allocutions d'ouverture",
    ar="الكلمات الافتتاحية",
)
_CLOSING = Translation(
    fr="Allocutions de clôture",
    ar="الكلمات الختامية",
)
_CONSIDERATION = Translation(
    fr=(
        "Examen du projet de rapport conceptuel révisé sur «\u00a0L'état actuel de la "
        "transformation numérique dans les pays membres de l'OCI\u00a0»"
    ),
    ar=(
        "النظر في مشروع التقرير المفاهيمي المنقح حول «الوضع الراهن للتحول الرقمي في الدول الأعضاء "
        "في منظمة التعاون الإسلامي»"
    ),
)

# Meeting sheet, Value: the fields reportkit translates (title, document, venue, time_zone,
# participants_subtitle).
MEETING_VALUE: Texts = {
    "2nd Technical Meeting on COMCEC High Level Digital Initiative/ Programme": Translation(
        fr=(
            "Deuxième Réunion technique sur l'Initiative/le Programme numérique de haut niveau du "
            "COMCEC"
        ),
        ar="الاجتماع الفني الثاني حول المبادرة/ البرنامج الرقمي رفيع المستوى للكومسيك",
    ),
    "Report": Translation("Rapport", "التقرير"),
    "Virtual Meeting": Translation("Réunion virtuelle", "اجتماع افتراضي"),
    "Ankara Time - GMT+3": Translation("Heure d'Ankara - GMT+3", "توقيت أنقرة - GMT+3"),
    "Technical Experts Meeting on COMCEC High Level Digital Initiative/ Programme": Translation(
        fr=(
            "Réunion des experts techniques sur l'Initiative/le Programme numérique de haut niveau "
            "du COMCEC"
        ),
        ar="اجتماع الخبراء الفنيين حول المبادرة/ البرنامج الرقمي رفيع المستوى للكومسيك",
    ),
}

# Report sheet, Text.
REPORT_TEXT: Texts = {
    (
        "The 2nd Technical Meeting on COMCEC High-Level Digital Initiative/Programme was held "
        "virtually on November 1st, 2022."
    ): Translation(
        fr=(
            "La deuxième Réunion technique sur l'Initiative/le Programme numérique de haut niveau "
            "du COMCEC s'est tenue en mode virtuel le 1er novembre 2022."
        ),
        ar=(
            "عقد الاجتماع الفني الثاني حول المبادرة/ البرنامج الرقمي رفيع المستوى للكومسيك بشكل "
            "افتراضي في 1 نوفمبر 2022."
        ),
    ),
    "(The Agenda and Programme of the Meeting are attached as Annex-I and Annex II)": Translation(
        fr="(L'ordre du jour et le programme de la Réunion figurent en annexes I et II)",
        ar="(يرد جدول أعمال الاجتماع وبرنامجه في الملحقين الأول والثاني)",
    ),
    (
        "The Meeting was attended by the representatives of the interested Member Countries of the "
        "OIC (Organization of Islamic Cooperation) and the relevant OIC Organs/Institutions, "
        "namely COMCEC Coordination Office, COMSTECH, IDB Group and SESRIC."
    ): Translation(
        fr=(
            "Ont pris part à la Réunion les représentants des pays membres intéressés de l'OCI "
            "(Organisation de la coopération islamique) ainsi que des organes/institutions "
            "compétents de l'OCI, à savoir le Bureau de coordination du COMCEC, le COMSTECH, le "
            "Groupe de la Banque islamique de développement et le SESRIC."
        ),
        ar=(
            "حضر الاجتماع ممثلو الدول الأعضاء المهتمة في منظمة التعاون الإسلامي والأجهزة/ المؤسسات "
            "المعنية التابعة للمنظمة، وهي مكتب تنسيق الكومسيك والكومستيك ومجموعة البنك الإسلامي "
            "للتنمية ومركز سيسرك."
        ),
    ),
    "(The List of Participants of the Meeting is attached as Annex-III)": Translation(
        fr="(La liste des participants à la Réunion figure en annexe III)",
        ar="(ترد قائمة المشاركين في الاجتماع في الملحق الثالث)",
    ),
    "The Meeting started with a recitation from the Holy Quran.": Translation(
        fr="La Réunion s'est ouverte par la récitation de versets du Saint Coran.",
        ar="استهل الاجتماع بتلاوة آيات من القرآن الكريم.",
    ),
    (
        "At the outset, Mr. Selçuk KOÇ, Acting Director General of the COMCEC Coordination Office "
        "(CCO) delivered his opening remarks. Welcoming all participants to the meeting, Mr. KOÇ "
        "expressed his thanks and gratitude for the remarkable interest shown by the Member "
        "Countries during the technical preparations towards developing High-Level Digital "
        "Cooperation Initiative/Programme under the COMCEC. Recalling the relevant resolution of "
        "the 37th Meeting of the COMCEC Session, Mr KOÇ stressed that the 1st technical meeting "
        "was held on September 28, 2022, where the Member Countries had the opportunity to "
        "elaborate on the draft version of the concept report as well as discuss the possible "
        "thematic areas for cooperation. Mr KOÇ pointed out that during the second technical "
        "meeting, with the valuable contributions of the distinguished participants, the Revised "
        "Concept Report would be considered and the Thematic Areas for Cooperation to be submitted "
        "to the High Level Meeting to be organized on November 27, 2022 in Istanbul on the "
        "sidelines of 38th COMCEC Ministerial Session would be identified. Finally, he concluded "
        "his remarks by wishing every success to the participants in their deliberations to be "
        "made during the 2nd Technical Meeting."
    ): Translation(
        fr=(
            "D'entrée de jeu, M. Selçuk KOÇ, Directeur général par intérim du Bureau de "
            "coordination du COMCEC (CCO), a prononcé son allocution d'ouverture. Souhaitant la "
            "bienvenue à tous les participants, M. KOÇ a exprimé ses remerciements et sa gratitude "
            "pour l'intérêt remarquable manifesté par les pays membres au cours des préparatifs "
            "techniques en vue de l'élaboration de l'Initiative/du Programme de coopération "
            "numérique de haut niveau dans le cadre du COMCEC. Rappelant la résolution pertinente "
            "de la 37e Session du COMCEC, M. KOÇ a souligné que la première réunion technique "
            "s'était tenue le 28 septembre 2022 et qu'elle avait permis aux pays membres "
            "d'examiner en détail le projet de rapport conceptuel et de débattre des domaines "
            "thématiques de coopération envisageables. M. KOÇ a indiqué qu'au cours de la deuxième "
            "réunion technique, grâce aux précieuses contributions des éminents participants, le "
            "rapport conceptuel révisé serait examiné et les domaines thématiques de coopération à "
            "soumettre à la Réunion de haut niveau, prévue le 27 novembre 2022 à Istanbul en marge "
            "de la 38e Session ministérielle du COMCEC, seraient définis. Enfin, il a conclu son "
            "allocution en souhaitant plein succès aux participants dans leurs délibérations au "
            "cours de la deuxième Réunion technique."
        ),
        ar=(
            "في البداية، ألقى السيد Selçuk KOÇ، المدير العام بالنيابة لمكتب تنسيق الكومسيك، كلمته "
            "الافتتاحية. وفي معرض ترحيبه بجميع المشاركين في الاجتماع، أعرب السيد KOÇ عن شكره "
            "وامتنانه للاهتمام الكبير الذي أبدته الدول الأعضاء خلال الأعمال التحضيرية الفنية "
            "الرامية إلى إعداد مبادرة/ برنامج التعاون الرقمي رفيع المستوى في إطار الكومسيك. "
            "واستذكر السيد KOÇ القرار ذا الصلة الصادر عن الدورة السابعة والثلاثين للكومسيك، مؤكدًا "
            "أن الاجتماع الفني الأول عقد في 28 سبتمبر 2022، وأتاح للدول الأعضاء فرصة التعمق في "
            "مناقشة مسودة التقرير المفاهيمي وبحث مجالات التعاون المواضيعية الممكنة. وأوضح السيد "
            "KOÇ أنه سيتم خلال الاجتماع الفني الثاني، بفضل المساهمات القيمة للمشاركين الكرام، "
            "النظر في التقرير المفاهيمي المنقح وتحديد مجالات التعاون المواضيعية التي ستعرض على "
            "الاجتماع رفيع المستوى المقرر عقده في 27 نوفمبر 2022 في إسطنبول على هامش الدورة "
            "الوزارية الثامنة والثلاثين للكومسيك. واختتم كلمته متمنيًا للمشاركين كل النجاح في "
            "مداولاتهم خلال الاجتماع الفني الثاني."
        ),
    ),
    (
        "Afterwards, Mr. Safa USLU, Head of International Relations Department at Digital "
        "Transformation Office of the Presidency of The Republic of Türkiye, delivered his opening "
        "speech as the Head of Delegation of the Host Country. In his opening remarks, Mr. USLU "
        "expressed his appreciation to the COMCEC Coordination Office for realizing this "
        "initiative and their hard work and dedication. Mr. USLU highlighted the importance of the "
        "digital transformation and the international cooperation in this area. He also underlined "
        "that COMCEC recognized the importance of keeping up with the world wide digital "
        "transformation and therefore seeks to strengthen Islamic cooperation and partnership in "
        "this area. He also stated that during the 1st Technical Meeting, many issues regarding "
        "digitalization had been discussed including digital governance leadership and policy "
        "levers, digital resilience and cyber security, digital skills and competency, digital "
        "connectivity, broadband infrastructure and access. Mr. USLU also stressed that emerging "
        "technologies are essential for sustainable development but they could also increase "
        "inequalities. Finally, he emphasized the importance of developing common policies and "
        "projects with regards to digitalization among the Member Countries."
    ): Translation(
        fr=(
            "Ensuite, M. Safa USLU, Chef du Département des relations internationales au Bureau de "
            "la transformation numérique de la Présidence de la République de Türkiye, a prononcé "
            "son allocution d'ouverture en sa qualité de Chef de la délégation du pays hôte. Dans "
            "son allocution, M. USLU a remercié le Bureau de coordination du COMCEC d'avoir "
            "concrétisé cette initiative ainsi que de son travail assidu et de son dévouement. M. "
            "USLU a souligné l'importance de la transformation numérique et de la coopération "
            "internationale dans ce domaine. Il a également fait observer que le COMCEC avait "
            "reconnu l'importance de suivre le rythme de la transformation numérique à l'échelle "
            "mondiale et qu'il s'efforçait par conséquent de renforcer la coopération et le "
            "partenariat islamiques dans ce domaine. Il a en outre indiqué qu'au cours de la "
            "première Réunion technique, de nombreuses questions relatives à la numérisation "
            "avaient été examinées, notamment la gouvernance et le leadership numériques et les "
            "leviers d'action publique, la résilience numérique et la cybersécurité, les "
            "compétences et aptitudes numériques, la connectivité numérique, ainsi que les "
            "infrastructures et l'accès à haut débit. M. USLU a par ailleurs insisté sur le fait "
            "que les technologies émergentes sont essentielles au développement durable, mais "
            "qu'elles pourraient aussi accroître les inégalités. Enfin, il a mis l'accent sur "
            "l'importance d'élaborer des politiques et des projets communs en matière de "
            "numérisation entre les pays membres."
        ),
        ar=(
            "وبعد ذلك، ألقى السيد Safa USLU، رئيس دائرة العلاقات الدولية في مكتب التحول الرقمي "
            "التابع لرئاسة الجمهورية التركية، كلمته الافتتاحية بصفته رئيس وفد البلد المضيف. وفي "
            "كلمته الافتتاحية، أعرب السيد USLU عن تقديره لمكتب تنسيق الكومسيك على تحقيق هذه "
            "المبادرة وعلى ما بذله من عمل دؤوب وتفان. وسلط السيد USLU الضوء على أهمية التحول "
            "الرقمي والتعاون الدولي في هذا المجال. كما أكد أن الكومسيك أدركت أهمية مواكبة التحول "
            "الرقمي على الصعيد العالمي، ولذلك تسعى إلى تعزيز التعاون والشراكة الإسلامية في هذا "
            "المجال. وذكر أيضًا أنه تمت خلال الاجتماع الفني الأول مناقشة العديد من القضايا "
            "المتعلقة بالرقمنة، ومنها الحوكمة والقيادة الرقمية وأدوات السياسات، والمرونة الرقمية "
            "والأمن السيبراني، والمهارات والكفاءات الرقمية، والربط الرقمي، والبنية التحتية للنطاق "
            "العريض والنفاذ إليه. وشدد السيد USLU كذلك على أن التكنولوجيات الناشئة ضرورية للتنمية "
            "المستدامة، إلا أنها قد تؤدي أيضًا إلى زيادة أوجه عدم المساواة. وفي الختام، أكد أهمية "
            "وضع سياسات ومشاريع مشتركة في مجال الرقمنة بين الدول الأعضاء."
        ),
    ),
    "Current State of Digital Transformation in the OIC Member Countries": Translation(
        fr="État actuel de la transformation numérique dans les pays membres de l'OCI",
        ar="الوضع الراهن للتحول الرقمي في الدول الأعضاء في منظمة التعاون الإسلامي",
    ),
    (
        "Ms. Şeyma ÖZCAN, Advisor, presented the revised version of the Draft Concept Report on "
        "Current State of OIC Member Countries in Digitalization. Ms. ÖZCAN informed the "
        "participants about the six possible themes for cooperation, which were updated based on "
        "the discussions during the first technical meeting, namely digital governance and "
        "leadership, digital resilience, digital connectivity, broadband infrastructure and access "
        "and digital skills and competencies and emerging technologies and data governance. "
        "Furthermore, Ms. ÖZCAN presented the cooperation framework envisaged in the concept "
        "report. She also expressed that the draft concept report reflecting all agreed points "
        "raised by the Member Countries during the technical meetings would be shared with the "
        "participants very soon."
    ): Translation(
        fr=(
            "Mme Şeyma ÖZCAN, Conseillère, a présenté la version révisée du projet de rapport "
            "conceptuel sur l'état actuel de la numérisation dans les pays membres de l'OCI. Mme "
            "ÖZCAN a informé les participants des six thèmes de coopération envisageables, "
            "actualisés à la lumière des débats de la première réunion technique, à savoir la "
            "gouvernance et le leadership numériques, la résilience numérique, la connectivité "
            "numérique, les infrastructures et l'accès à haut débit, les compétences et aptitudes "
            "numériques, ainsi que les technologies émergentes et la gouvernance des données. En "
            "outre, Mme ÖZCAN a présenté le cadre de coopération envisagé dans le rapport "
            "conceptuel. Elle a également indiqué que le projet de rapport conceptuel, qui intègre "
            "tous les points convenus soulevés par les pays membres au cours des réunions "
            "techniques, serait très prochainement communiqué aux participants."
        ),
        ar=(
            "قدمت السيدة Şeyma ÖZCAN، المستشارة، النسخة المنقحة من مشروع التقرير المفاهيمي حول "
            "الوضع الراهن للرقمنة في الدول الأعضاء في منظمة التعاون الإسلامي. وأطلعت السيدة ÖZCAN "
            "المشاركين على مواضيع التعاون الستة الممكنة، التي جرى تحديثها بناءً على المناقشات التي "
            "دارت خلال الاجتماع الفني الأول، وهي: الحوكمة والقيادة الرقمية، والمرونة الرقمية، "
            "والربط الرقمي، والبنية التحتية للنطاق العريض والنفاذ إليه، والمهارات والكفاءات "
            "الرقمية، والتكنولوجيات الناشئة وحوكمة البيانات. وعلاوة على ذلك، قدمت السيدة ÖZCAN "
            "إطار التعاون المتوخى في التقرير المفاهيمي. كما أشارت إلى أن مشروع التقرير المفاهيمي، "
            "الذي يتضمن جميع النقاط المتفق عليها التي أثارتها الدول الأعضاء خلال الاجتماعات "
            "الفنية، سيعمم على المشاركين قريبًا جدًا."
        ),
    ),
    (
        "The participants expressed their thanks and appreciation for the presentation and the "
        "comprehensive draft report on the current state of the Member Countries in "
        "digitalization. Afterwards, the participants highlighted the following issues regarding "
        "the report:"
    ): Translation(
        fr=(
            "Les participants ont exprimé leurs remerciements et leur appréciation pour la "
            "présentation et pour le projet de rapport détaillé sur l'état actuel de la "
            "numérisation dans les pays membres. Les participants ont ensuite mis en exergue les "
            "points suivants concernant le rapport\u00a0:"
        ),
        ar=(
            "أعرب المشاركون عن شكرهم وتقديرهم للعرض ولمشروع التقرير الشامل حول الوضع الراهن "
            "للرقمنة في الدول الأعضاء. وبعد ذلك، سلط المشاركون الضوء على القضايا التالية المتعلقة "
            "بالتقرير:"
        ),
    ),
    (
        "The issue of digital economy and financial technology (Fintech) can be elaborated in the "
        "report."
    ): Translation(
        fr=(
            "La question de l'économie numérique et des technologies financières (Fintech) "
            "pourrait être développée dans le rapport."
        ),
        ar="يمكن التوسع في التقرير في تناول مسألة الاقتصاد الرقمي والتكنولوجيا المالية (Fintech).",
    ),
    (
        "Some best practices and applications such as mobile ID, digital ID, e-government services "
        "from the member countries in the field of digital transformation can be referred in the "
        "report to the extent possible."
    ): Translation(
        fr=(
            "Le rapport pourrait, dans la mesure du possible, faire état de certaines bonnes "
            "pratiques et applications des pays membres dans le domaine de la transformation "
            "numérique, telles que l'identité mobile, l'identité numérique et les services "
            "d'administration électronique."
        ),
        ar=(
            "يمكن أن يشير التقرير، قدر الإمكان، إلى بعض أفضل الممارسات والتطبيقات في الدول الأعضاء "
            "في مجال التحول الرقمي، مثل الهوية عبر الهاتف المحمول، والهوية الرقمية، وخدمات الحكومة "
            "الإلكترونية."
        ),
    ),
    (
        "The member countries, which have not done so yet, to share their final observations on "
        "the draft Concept Report to the CCO by November 11th, 2022."
    ): Translation(
        fr=(
            "Les pays membres qui ne l'ont pas encore fait sont invités à communiquer au Bureau de "
            "coordination du COMCEC leurs observations finales sur le projet de rapport conceptuel "
            "d'ici au 11 novembre 2022."
        ),
        ar=(
            "تدعى الدول الأعضاء التي لم تقم بذلك بعد إلى موافاة مكتب تنسيق الكومسيك بملاحظاتها "
            "النهائية على مشروع التقرير المفاهيمي في موعد أقصاه 11 نوفمبر 2022."
        ),
    ),
    "Moderation Session: Potential Areas of Cooperation": Translation(
        fr="Séance de discussion modérée\u00a0: domaines potentiels de coopération",
        ar="جلسة حوارية: مجالات التعاون المحتملة",
    ),
    (
        "Ms. Şeyma ÖZCAN moderated the Session on the potential thematic areas of cooperation in "
        "digital transformation."
    ): Translation(
        fr=(
            "Mme Şeyma ÖZCAN a animé la séance consacrée aux domaines thématiques potentiels de "
            "coopération en matière de transformation numérique."
        ),
        ar=(
            "أدارت السيدة Şeyma ÖZCAN الجلسة المخصصة لمجالات التعاون المواضيعية المحتملة في مجال "
            "التحول الرقمي."
        ),
    ),
    (
        "After intense deliberations the participants have identified the following thematic areas "
        "for cooperation within the framework of COMCEC High Level Digital Initiative/ Programme."
    ): Translation(
        fr=(
            "À l'issue de délibérations approfondies, les participants ont défini les domaines "
            "thématiques de coopération suivants dans le cadre de l'Initiative/du Programme "
            "numérique de haut niveau du COMCEC."
        ),
        ar=(
            "وبعد مداولات مكثفة، حدد المشاركون مجالات التعاون المواضيعية التالية في إطار المبادرة/ "
            "البرنامج الرقمي رفيع المستوى للكومسيك."
        ),
    ),
    "Developing Digital Government": Translation(
        fr="Développer l'administration numérique",
        ar="تطوير الحكومة الرقمية",
    ),
    "Strengthening Digital Resilience and Safeguards": Translation(
        fr="Renforcer la résilience et les garanties numériques",
        ar="تعزيز المرونة والضمانات الرقمية",
    ),
    "Enhancing Digital Connectivity, Broadband Infrastructure and Access": Translation(
        fr="Améliorer la connectivité numérique, les infrastructures à haut débit et l'accès",
        ar="تعزيز الربط الرقمي والبنية التحتية للنطاق العريض والنفاذ إليه",
    ),
    "Advancing Digital Skills and Competencies": Translation(
        fr="Développer les compétences et aptitudes numériques",
        ar="النهوض بالمهارات والكفاءات الرقمية",
    ),
    "Emerging Technologies and Data Governance": Translation(
        fr="Technologies émergentes et gouvernance des données",
        ar="التكنولوجيات الناشئة وحوكمة البيانات",
    ),
    (
        "Cross-cutting digital cooperation issues such as start-up ecosystem and clusters for SMEs "
        "and entrepreneurs"
    ): Translation(
        fr=(
            "Questions transversales de coopération numérique, telles que l'écosystème des jeunes "
            "entreprises et les pôles d'activité pour les PME et les entrepreneurs"
        ),
        ar=(
            "قضايا التعاون الرقمي المشتركة بين القطاعات، مثل منظومة الشركات الناشئة والتجمعات "
            "العنقودية للمؤسسات الصغيرة والمتوسطة ورواد الأعمال"
        ),
    ),
    (
        "For conducting the related activities and other efforts under each thematic area, a task "
        "force, to be led by a voluntary member country, can be formed."
    ): Translation(
        fr=(
            "Afin de mener les activités connexes et les autres travaux relevant de chaque domaine "
            "thématique, une équipe spéciale, dirigée par un pays membre volontaire, pourrait être "
            "constituée."
        ),
        ar=(
            "ومن أجل تنفيذ الأنشطة ذات الصلة وغيرها من الجهود في إطار كل مجال مواضيعي، يمكن تشكيل "
            "فريق عمل تقوده دولة عضو متطوعة."
        ),
    ),
    (
        "Moreover, the participants underlined the need for establishing a regular platform for "
        "experience-sharing in these areas among the relevant authorities/institutions of the "
        "Member Countries."
    ): Translation(
        fr=(
            "En outre, les participants ont souligné la nécessité de mettre en place une "
            "plateforme régulière d'échange d'expériences dans ces domaines entre les "
            "autorités/institutions compétentes des pays membres."
        ),
        ar=(
            "وعلاوة على ذلك، أكد المشاركون ضرورة إنشاء منصة منتظمة لتبادل الخبرات في هذه المجالات "
            "بين السلطات/ المؤسسات المعنية في الدول الأعضاء."
        ),
    ),
    "In this regard, the participants also highlighted the following issues:": Translation(
        fr="À cet égard, les participants ont également mis en exergue les points suivants\u00a0:",
        ar="وفي هذا الصدد، سلط المشاركون الضوء أيضًا على القضايا التالية:",
    ),
    (
        "The spread of the culture of digitalization can be included under the heading of "
        "developing digital government."
    ): Translation(
        fr=(
            "La diffusion de la culture de la numérisation pourrait être intégrée sous la rubrique "
            "relative au développement de l'administration numérique."
        ),
        ar="يمكن إدراج نشر ثقافة الرقمنة ضمن محور تطوير الحكومة الرقمية.",
    ),
    (
        "Ensuring the interoperability of e-commerce platforms as well as the harmonization of the "
        "legal frameworks for e-commerce platforms at the regional level can be referred under the "
        "relevant thematic heading in the draft report."
    ): Translation(
        fr=(
            "La nécessité d'assurer l'interopérabilité des plateformes de commerce électronique et "
            "d'harmoniser au niveau régional les cadres juridiques qui leur sont applicables "
            "pourrait être évoquée sous la rubrique thématique pertinente du projet de rapport."
        ),
        ar=(
            "يمكن الإشارة، ضمن المحور المواضيعي ذي الصلة في مشروع التقرير، إلى ضمان التشغيل البيني "
            "لمنصات التجارة الإلكترونية ومواءمة الأطر القانونية لهذه المنصات على المستوى الإقليمي."
        ),
    ),
    (
        "Capacity building for cyber security workforce in order to ensure digital resilience and "
        "safeguards can have more focus under the relevant thematic heading."
    ): Translation(
        fr=(
            "Le renforcement des capacités des personnels de la cybersécurité, afin d'assurer la "
            "résilience et les garanties numériques, pourrait faire l'objet d'une attention accrue "
            "sous la rubrique thématique pertinente."
        ),
        ar=(
            "يمكن إيلاء مزيد من التركيز، ضمن المحور المواضيعي ذي الصلة، لبناء قدرات القوى العاملة "
            "في مجال الأمن السيبراني بغية ضمان المرونة والضمانات الرقمية."
        ),
    ),
    (
        "The issue of supporting the entrepreneurship and start-up ecosystem can be referred under "
        "the thematic heading called “Cross-cutting Digital Cooperation” section."
    ): Translation(
        fr=(
            "La question du soutien à l'entrepreneuriat et à l'écosystème des jeunes entreprises "
            "pourrait être évoquée sous la rubrique thématique intitulée «\u00a0Coopération "
            "numérique transversale\u00a0»."
        ),
        ar=(
            "يمكن تناول مسألة دعم ريادة الأعمال ومنظومة الشركات الناشئة ضمن المحور المواضيعي "
            "المعنون «التعاون الرقمي المشترك بين القطاعات»."
        ),
    ),
    (
        "Organizing digital competition activities such as Hackathons and Digitons among the OIC "
        "Member Countries can be added under the relevant thematic areas."
    ): Translation(
        fr=(
            "L'organisation de compétitions numériques, telles que des hackathons et des digitons, "
            "entre les pays membres de l'OCI pourrait être ajoutée aux domaines thématiques "
            "pertinents."
        ),
        ar=(
            "يمكن إضافة تنظيم مسابقات رقمية، مثل الهاكاثون (Hackathons) والديجيتون (Digitons)، بين "
            "الدول الأعضاء في منظمة التعاون الإسلامي ضمن المجالات المواضيعية ذات الصلة."
        ),
    ),
    "Closing Remarks": _CLOSING,
    (
        "In his concluding remarks, Mr. Mehmet C. AKTAŞ, Director from COMCEC Coordination Office "
        "thanked all participants for the fruitful deliberations made during the meeting. Mr. "
        "AKTAŞ reminded all participants that the responses of the Member Country observations on "
        "the Concept Report can be communicated to the CCO by November 11th, 2022. He also "
        "reminded the participants that the High-level Meeting on the Digital Initiative will be "
        "held on the sidelines of the 38th Meeting of the COMCEC Ministerial Session to be held on "
        "27th November 2022."
    ): Translation(
        fr=(
            "Dans son allocution de clôture, M. Mehmet C. AKTAŞ, Directeur au Bureau de "
            "coordination du COMCEC, a remercié tous les participants pour leurs délibérations "
            "fructueuses au cours de la réunion. M. AKTAŞ a rappelé à tous les participants que "
            "les observations des pays membres sur le rapport conceptuel pouvaient être "
            "communiquées au Bureau de coordination du COMCEC d'ici au 11 novembre 2022. Il a "
            "également rappelé aux participants que la Réunion de haut niveau sur l'Initiative "
            "numérique se tiendrait le 27 novembre 2022, en marge de la 38e Session ministérielle "
            "du COMCEC."
        ),
        ar=(
            "وفي كلمته الختامية، شكر السيد Mehmet C. AKTAŞ، المدير في مكتب تنسيق الكومسيك، جميع "
            "المشاركين على المداولات المثمرة التي جرت خلال الاجتماع. وذكّر السيد AKTAŞ جميع "
            "المشاركين بأنه يمكن موافاة مكتب تنسيق الكومسيك بملاحظات الدول الأعضاء على التقرير "
            "المفاهيمي في موعد أقصاه 11 نوفمبر 2022. كما ذكّر المشاركين بأن الاجتماع رفيع المستوى "
            "بشأن المبادرة الرقمية سيعقد في 27 نوفمبر 2022 على هامش الدورة الوزارية الثامنة "
            "والثلاثين للكومسيك."
        ),
    ),
}

# Agenda sheet, Text.
AGENDA_TEXT: Texts = {
    "Opening Remarks": _OPENING,
    (
        "Consideration of the Revised Draft Concept Report on the “Current State of Digital "
        "Transformation in the OIC Member Countries”"
    ): _CONSIDERATION,
    "Identification of Possible Thematic Areas for Cooperation": Translation(
        fr="Identification des domaines thématiques de coopération envisageables",
        ar="تحديد مجالات التعاون المواضيعية الممكنة",
    ),
    "Any Other Business": Translation("Questions diverses", "ما يستجد من أعمال"),
    "Closing Remarks": _CLOSING,
}

# Programme sheet, Title.
PROGRAMME_TITLE: Texts = {
    "Joining the Online Meeting": Translation(
        fr="Connexion à la réunion en ligne",
        ar="الانضمام إلى الاجتماع عبر الإنترنت",
    ),
    "Opening Remarks": _OPENING,
    (
        "Consideration of the Revised Draft Concept Report on the “Current State of Digital "
        "Transformation in the OIC Member Countries”"
    ): _CONSIDERATION,
    "Moderation Session: Identification of Possible Thematic Areas for Cooperation": Translation(
        fr=(
            "Séance de discussion modérée\u00a0: identification des domaines thématiques de "
            "coopération envisageables"
        ),
        ar="جلسة حوارية: تحديد مجالات التعاون المواضيعية الممكنة",
    ),
    "Closing": Translation("Clôture", "اختتام الاجتماع"),
}

# Programme sheet, Description.
PROGRAMME_DESCRIPTION: Texts = {
    "(The invitation link will be provided by the CCO)": Translation(
        fr="(Le lien d'invitation sera communiqué par le Bureau de coordination du COMCEC)",
        ar="(سيرسل مكتب تنسيق الكومسيك رابط الدعوة)",
    ),
    (
        "During the 1st Technical Meeting held on September 28th, 2022, the participants "
        "elaborated on the main findings of the draft concept report on current state of OIC "
        "Member Countries in digitalization. In this part of the Meeting, the 2nd Draft of the "
        "report, which has been prepared in line with the observations of the Member Countries "
        "during the 1st Meeting, will be presented."
    ): Translation(
        fr=(
            "Lors de la première Réunion technique, tenue le 28 septembre 2022, les participants "
            "ont examiné en détail les principales conclusions du projet de rapport conceptuel sur "
            "l'état actuel de la numérisation dans les pays membres de l'OCI. Au cours de cette "
            "partie de la Réunion sera présenté le deuxième projet du rapport, établi en tenant "
            "compte des observations formulées par les pays membres lors de la première Réunion."
        ),
        ar=(
            "خلال الاجتماع الفني الأول الذي عقد في 28 سبتمبر 2022، ناقش المشاركون بالتفصيل النتائج "
            "الرئيسية لمشروع التقرير المفاهيمي حول الوضع الراهن للرقمنة في الدول الأعضاء في منظمة "
            "التعاون الإسلامي. وفي هذا الجزء من الاجتماع، ستعرض المسودة الثانية للتقرير، التي أعدت "
            "وفقًا لملاحظات الدول الأعضاء خلال الاجتماع الأول."
        ),
    ),
    (
        "During the 1st Technical Meeting, the representatives of the Member Countries discussed "
        "about their views and observations regarding the possible thematic areas for cooperation. "
        "In this section, the participants are expected to elaborate on the revisions made on the "
        "thematic areas in accordance with the report of the 1st Technical Meeting."
    ): Translation(
        fr=(
            "Lors de la première Réunion technique, les représentants des pays membres ont exposé "
            "leurs points de vue et observations concernant les domaines thématiques de "
            "coopération envisageables. Au cours de cette séance, les participants sont appelés à "
            "examiner en détail les modifications apportées aux domaines thématiques conformément "
            "au rapport de la première Réunion technique."
        ),
        ar=(
            "خلال الاجتماع الفني الأول، ناقش ممثلو الدول الأعضاء آراءهم وملاحظاتهم بشأن مجالات "
            "التعاون المواضيعية الممكنة. وفي هذه الجلسة، يتوقع من المشاركين التعمق في مناقشة "
            "التعديلات التي أدخلت على المجالات المواضيعية وفقًا لتقرير الاجتماع الفني الأول."
        ),
    ),
}

# Programme sheet, Points: a cell's lines are bullets, so a translation keeps their number.
PROGRAMME_POINTS: Texts = {
    "Presentation: Ms. Şeyma ÖZCAN, Advisor": Translation(
        fr="Présentation\u00a0: Mme Şeyma ÖZCAN, Conseillère",
        ar="عرض: السيدة Şeyma ÖZCAN، المستشارة",
    ),
    "Questions and Answers (Q &A) and Discussions": Translation(
        fr="Questions-réponses et débats",
        ar="الأسئلة والأجوبة والمناقشات",
    ),
    "Discussion": Translation("Débat", "مناقشة"),
}

# Participants sheet, Position. One translation per English text, so a position held by women only
# is in the feminine; Expert, held by a man and a woman, is not.
PARTICIPANTS_POSITION: Texts = {
    "Acting Head of Digital Transformation Policies and Strategies Department": Translation(
        fr=(
            "Chef par intérim du Département des politiques et stratégies de transformation "
            "numérique"
        ),
        ar="رئيس إدارة سياسات واستراتيجيات التحول الرقمي بالنيابة",
    ),
    "Assistant Expert": Translation("Expert adjoint", "خبير مساعد"),
    "Chief Engineer": Translation("Ingénieure en chef", "كبيرة المهندسين"),
    "Chief General Service Officer": Translation(
        fr="Responsable principale des services généraux",
        ar="كبيرة مسؤولي الخدمات العامة",
    ),
    "Chief Technology Officer": Translation(
        fr="Directeur de la technologie",
        ar="كبير مسؤولي التكنولوجيا",
    ),
    "Deputy Director": Translation("Directeur adjoint", "نائب المدير"),
    "Deputy Director General": Translation("Directeur général adjoint", "نائب المدير العام"),
    "Deputy Director e-Government": Translation(
        fr="Directeur adjoint de l'administration électronique",
        ar="نائب مدير الحكومة الإلكترونية",
    ),
    "Deputy Director of the Digital Transformation Department": Translation(
        fr="Directeur adjoint du Département de la transformation numérique",
        ar="نائب مدير إدارة التحول الرقمي",
    ),
    "Director of Digital Industry": Translation(
        fr="Directrice de l'industrie numérique",
        ar="مديرة الصناعة الرقمية",
    ),
    "Director of Digitization Coordination and Monitoring": Translation(
        fr="Directrice de la coordination et du suivi de la numérisation",
        ar="مديرة تنسيق ومتابعة الرقمنة",
    ),
    "Director of General Department of Planning": Translation(
        fr="Directeur du Département général de la planification",
        ar="مدير الإدارة العامة للتخطيط",
    ),
    "Director of Policies": Translation("Directeur des politiques", "مدير السياسات"),
    "Director, Statistics and Information Department": Translation(
        fr="Directeur, Département des statistiques et de l'information",
        ar="مدير، إدارة الإحصاءات والمعلومات",
    ),
    "Expert": Translation("Expert", "خبير"),
    "General Director": Translation("Directeur général", "مدير عام"),
    "General Director of IT Research and Development": Translation(
        fr="Directeur général de la recherche et du développement informatiques",
        ar="المدير العام للبحث والتطوير في مجال تكنولوجيا المعلومات",
    ),
    "General Manager": Translation("Directeur général", "مدير عام"),
    "General Manager of Digital Transformation": Translation(
        fr="Directeur général de la transformation numérique",
        ar="المدير العام للتحول الرقمي",
    ),
    "HR": Translation("Ressources humaines", "الموارد البشرية"),
    "HR Researcher": Translation(
        fr="Chargée d'études en ressources humaines",
        ar="باحثة في الموارد البشرية",
    ),
    "Head of Business Development and Investment Promotion Unit": Translation(
        fr=(
            "Chef de l'Unité du développement des entreprises et de la promotion des "
            "investissements"
        ),
        ar="رئيس وحدة تطوير الأعمال وتشجيع الاستثمار",
    ),
    "Head of Department": Translation("Chef de département", "رئيس دائرة"),
    "Head of Quality Department": Translation(
        fr="Cheffe du Département de la qualité",
        ar="رئيسة قسم الجودة",
    ),
    "Head of Section, Bureau of International Cooperation": Translation(
        fr="Cheffe de section, Bureau de la coopération internationale",
        ar="رئيسة قسم، مكتب التعاون الدولي",
    ),
    'Head of the "Smart City" Project Management Department': Translation(
        fr="Cheffe du Département de gestion du projet «\u00a0Ville intelligente\u00a0»",
        ar="رئيسة إدارة مشروع «المدينة الذكية»",
    ),
    "Head of the Digital Economy Development Department": Translation(
        fr="Chef du Département du développement de l'économie numérique",
        ar="رئيس إدارة تنمية الاقتصاد الرقمي",
    ),
    "ICT Engineer": Translation(
        fr="Ingénieur en technologies de l'information et de la communication",
        ar="مهندس تكنولوجيا المعلومات والاتصالات",
    ),
    "International Organizations specialist": Translation(
        fr="Spécialiste des organisations internationales",
        ar="أخصائي المنظمات الدولية",
    ),
    "International Partnerships Director": Translation(
        fr="Directeur des partenariats internationaux",
        ar="مدير الشراكات الدولية",
    ),
    "Joint Secretary": Translation("Secrétaire adjointe", "أمينة مشتركة"),
    "Manager, Information Technology Management Division": Translation(
        fr="Responsable, Division de la gestion des technologies de l'information",
        ar="مدير، شعبة إدارة تكنولوجيا المعلومات",
    ),
    "National Director of Digital Economy": Translation(
        fr="Directeur national de l'économie numérique",
        ar="المدير الوطني للاقتصاد الرقمي",
    ),
    "Planner": Translation("Planificatrice", "أخصائية تخطيط"),
    "Programme Manager": Translation("Gestionnaire de programme", "مدير برنامج"),
    "Project Manager": Translation("Chef de projet", "مدير مشروع"),
    "Resource Mobilization Executive": Translation(
        fr="Chargée de la mobilisation des ressources",
        ar="مسؤولة تعبئة الموارد",
    ),
    "Strategy and Policy Director": Translation(
        fr="Directeur de la stratégie et des politiques",
        ar="مدير الاستراتيجية والسياسات",
    ),
    "Technical Advisor In charge of Project Monitoring and Reforms": Translation(
        fr="Conseiller technique chargé du suivi des projets et des réformes",
        ar="مستشار فني مكلف بمتابعة المشاريع والإصلاحات",
    ),
}

# Participants sheet, Organisation. Acronyms stay as they are.
PARTICIPANTS_ORGANISATION: Texts = {
    "CITC": Translation("CITC", "CITC"),
    "COMSTECH": Translation("COMSTECH", "COMSTECH"),
    "SESRIC": Translation("SESRIC", "SESRIC"),
    "Cabinet of the President of the Republic Suriname": Translation(
        fr="Cabinet du Président de la République du Suriname",
        ar="ديوان رئيس جمهورية سورينام",
    ),
    "Central Agency for Information Technology": Translation(
        fr="Agence centrale des technologies de l'information",
        ar="الجهاز المركزي لتكنولوجيا المعلومات",
    ),
    "Minister of Digital Affairs and Digitalization": Translation(
        fr="Ministère du Numérique et de la Digitalisation",
        ar="وزارة الشؤون الرقمية والرقمنة",
    ),
    "Ministry": Translation("Ministère", "الوزارة"),
    "Ministry of Agriculture": Translation("Ministère de l'Agriculture", "وزارة الزراعة"),
    "Ministry of Commerce": Translation("Ministère du Commerce", "وزارة التجارة"),
    "Ministry of Communication Technologies": Translation(
        fr="Ministère des Technologies de la communication",
        ar="وزارة تكنولوجيات الاتصال",
    ),
    "Ministry of Communication and Information Technology": Translation(
        fr="Ministère des Communications et des Technologies de l'information",
        ar="وزارة الاتصال وتكنولوجيا المعلومات",
    ),
    (
        "Ministry of Communication, Digital Economy and Modernization of Administration (MCENMA)"
    ): Translation(
        fr=(
            "Ministère de la Communication, de l'Économie numérique et de la Modernisation de "
            "l'Administration (MCENMA)"
        ),
        ar="وزارة الاتصال والاقتصاد الرقمي وتحديث الإدارة (MCENMA)",
    ),
    "Ministry of Digital Development and Transport, Innovation Agency": Translation(
        fr="Ministère du Développement numérique et des Transports, Agence pour l'innovation",
        ar="وزارة التنمية الرقمية والنقل، وكالة الابتكار",
    ),
    "Ministry of Digital Development, Innovations and Aerospace Industry": Translation(
        fr="Ministère du Développement numérique, des Innovations et de l'Industrie aérospatiale",
        ar="وزارة التنمية الرقمية والابتكارات وصناعة الطيران والفضاء",
    ),
    "Ministry of Digital Economy and Entrepreneurship": Translation(
        fr="Ministère de l'Économie numérique et de l'Entrepreneuriat",
        ar="وزارة الاقتصاد الرقمي والريادة",
    ),
    (
        "Ministry of Digital Transformation, Innovation and Modernization of Administration "
        "(MTNIMA)"
    ): Translation(
        fr=(
            "Ministère de la Transformation numérique, de l'Innovation et de la Modernisation de "
            "l'Administration (MTNIMA)"
        ),
        ar="وزارة التحول الرقمي والابتكار وعصرنة الإدارة (MTNIMA)",
    ),
    "Ministry of Digitization and Statistics": Translation(
        fr="Ministère de la Numérisation et des Statistiques",
        ar="وزارة الرقمنة والإحصائيات",
    ),
    "Ministry of Economic Development and Trade": Translation(
        fr="Ministère du Développement économique et du Commerce",
        ar="وزارة التنمية الاقتصادية والتجارة",
    ),
    "Ministry of Economy and Trade": Translation(
        fr="Ministère de l'Économie et du Commerce",
        ar="وزارة الاقتصاد والتجارة",
    ),
    "Ministry of Finance": Translation("Ministère des Finances", "وزارة المالية"),
    "Ministry of Information and Communications": Translation(
        fr="Ministère de l'Information et des Communications",
        ar="وزارة الإعلام والاتصالات",
    ),
    "Ministry of National Economy": Translation(
        fr="Ministère de l'Économie nationale",
        ar="وزارة الاقتصاد الوطني",
    ),
    "Ministry of Posts and Telecommunications": Translation(
        fr="Ministère des Postes et Télécommunications",
        ar="وزارة البريد والاتصالات",
    ),
    "Ministry of Telecommunications and Information Technology": Translation(
        fr="Ministère des Télécommunications et des Technologies de l'information",
        ar="وزارة الاتصالات وتكنولوجيا المعلومات",
    ),
    "Ministry of Transportation": Translation("Ministère des Transports", "وزارة النقل"),
    "Ministry of the Digital Transition of Posts and Electronic Communications": Translation(
        fr="Ministère de la Transition digitale, des Postes et des Communications électroniques",
        ar="وزارة التحول الرقمي والبريد والاتصالات الإلكترونية",
    ),
    "National Data Management Authority, Office of the Prime Minister": Translation(
        fr="Autorité nationale de gestion des données, Cabinet du Premier ministre",
        ar="الهيئة الوطنية لإدارة البيانات، مكتب رئيس الوزراء",
    ),
    "Qatar Tourism": Translation("Qatar Tourism", "قطر للسياحة"),
    "The Saudi General Authority of Foreign Trade": Translation(
        fr="Autorité générale du commerce extérieur d'Arabie saoudite",
        ar="الهيئة العامة للتجارة الخارجية السعودية",
    ),
}

# Delegations sheet, Heading: states' formal names as reference/data/members.csv gives them,
# institutions' names as reference/data/institutions.csv does, French in capitals with accents.
DELEGATIONS_HEADING: Texts = {
    "REPUBLIC OF THE SURINAME": Translation("RÉPUBLIQUE DU SURINAME", "جمهورية سورينام"),
    "THE STATE OF KUWAIT": Translation("ÉTAT DU KOWEÏT", "دولة الكويت"),
    "REPUBLIC OF SUDAN": Translation("RÉPUBLIQUE DU SOUDAN", "جمهورية السودان"),
    (
        "STATISTICAL, ECONOMIC, SOCIAL RESEARCH AND TRAINING CENTER FOR ISLAMIC COUNTRIES (SESRIC)"
    ): Translation(
        fr=(
            "CENTRE DE RECHERCHES STATISTIQUES, ÉCONOMIQUES SOCIALES ET DE FORMATION POUR LES PAYS "
            "ISLAMIQUES (SESRIC)"
        ),
        ar="مركز الأبحاث الإحصائية والاقتصادية والاجتماعية والتدريب للدول الإسلامية (SESRIC)",
    ),
    (
        "THE ISLAMIC CORPORATION FOR THE INSURANCE OF INVESTMENT AND EXPORT CREDIT (ICIEC)"
    ): Translation(
        fr=(
            "SOCIÉTÉ ISLAMIQUE D'ASSURANCE DES INVESTISSEMENTS ET DES CRÉDITS À L'EXPORTATION "
            "(ICIEC)"
        ),
        ar="المؤسسة الإسلامية لتأمين الاستثمار وائتمان الصادرات (ICIEC)",
    ),
    "STANDING COMMITTEE FOR SCIENTIFIC AND TECHNOLOGICAL COOPERATION (COMSTECH)": Translation(
        fr=(
            "COMITÉ MINISTÉRIEL PERMANENT DE LA COOPÉRATION SCIENTIFIQUE ET TECHNOLOGIQUE DE L'OCI "
            "(COMSTECH)"
        ),
        ar="اللجنة الدائمة للعلوم والتكنولوجيا (COMSTECH)",
    ),
    # The reference data has no French name of the secretariat; the sample's Delegations
    # row gives the one its French edition prints.
    "COMCEC COORDINATION OFFICE": Translation(
        "BUREAU DE COORDINATION DU COMCEC", "مكتب تنسيق الكومسيك"
    ),
}

# Each sheet's translated columns (reportkit.schema marks them), with their texts; a
# column not here has none, so any English text in it stops the run.
TRANSLATIONS: dict[str, dict[str, Texts]] = {
    "Meeting": {"Value": MEETING_VALUE},
    "Report": {"Text": REPORT_TEXT},
    "Agenda": {"Text": AGENDA_TEXT},
    "Programme": {
        "Title": PROGRAMME_TITLE,
        "Description": PROGRAMME_DESCRIPTION,
        "Points": PROGRAMME_POINTS,
    },
    "Participants": {"Position": PARTICIPANTS_POSITION, "Organisation": PARTICIPANTS_ORGANISATION},
    "Delegations": {"Heading": DELEGATIONS_HEADING},
}

# Which Meeting fields have their Value translated: the others (date, secretariat …) are
# left empty in the twin columns, as reportkit reads them from the English Value only.
_MEETING_TRANSLATED = frozenset(normalise_name(f.name) for f in MEETING_FIELDS if f.translated)
_HONORIFICS = frozenset({"Mr.", "Mr", "Ms.", "Mrs.", "Dr.", "H.E."})
_REFERENCE = re.compile(r"\[\[[^\]]*\]\]")
# French: a no-break space before ; : ! ? », after «.
_FRENCH_SPACING = re.compile(r"(?<!\u00a0)[;:!?»]|«(?!\u00a0)")
_EASTERN_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
_NAMES = {Language.FR: "French", Language.AR: "Arabic"}


@dataclass
class Plan:
    """One translated column of a sheet: each row's translation (None where the twin cell
    stays empty) and how many cells each language gets."""

    sheet: Worksheet
    name: str
    source: int
    width: float
    rows: dict[int, Translation | None] = field(default_factory=dict)

    @property
    def filled(self) -> int:
        return sum(1 for t in self.rows.values() if t is not None)


def headers(sheet: Worksheet) -> dict[str, int]:
    """The sheet's column numbers by header, matched as reportkit matches them."""
    found: dict[str, int] = {}
    for cell in sheet[1]:
        key = normalise_name(cell.value)
        if key and key not in found:
            found[key] = cell.column
    return found


def people(text: str) -> list[str]:
    """The names following an honorific (Mr. Selçuk KOÇ), which every edition keeps."""
    words = text.split()
    names = []
    for index, word in enumerate(words[:-1]):
        if word not in _HONORIFICS:
            continue
        name: list[str] = []
        for following in words[index + 1 :]:
            bare = following.rstrip(",;:)")
            if bare.endswith(".") and len(bare) > 2:
                bare = bare[:-1]
            if not bare or not bare[0].isupper():
                break
            name.append(bare)
            if bare != following:
                break
        if name:
            names.append(" ".join(name))
    return names


def mismatches(english: str, translation: Translation) -> list[str]:
    """What a translation loses of its English text, or gets wrong of its language's rules."""
    found = []
    for language in TRANSLATED_LANGUAGES:
        text, name = getattr(translation, language.value), _NAMES[language]
        if not text.strip():
            found.append(f"the {name} translation is empty")
            continue
        lines, english_lines = text.count("\n") + 1, english.count("\n") + 1
        if lines != english_lines:
            found.append(f"the {name} translation has {lines} lines, the English {english_lines}")
        if _REFERENCE.findall(text) != _REFERENCE.findall(english):
            found.append(f"the {name} translation's [[references]] differ from the English")
        if text.count("*") != english.count("*"):
            found.append(
                f"the {name} translation's *italic* and **bold** marks differ from the English"
            )
        found += [
            f'the {name} translation does not name "{person}" as the English does'
            for person in people(english)
            if person not in text
        ]
        if language is Language.FR and _FRENCH_SPACING.search(text):
            found.append("the French translation lacks a no-break space at ; : ! ? « or »")
        if language is Language.AR and _EASTERN_DIGITS.search(text):
            found.append("the Arabic translation has Eastern Arabic digits, not 0-9")
    return found


def read_column(
    sheet: Worksheet, name: str, width: float, texts: Texts, problems: list[str]
) -> Plan | None:
    """The translations of one column's English cells; a problem for each cell without one."""
    columns = headers(sheet)
    source = columns.get(normalise_name(name))
    if source is None:
        return None
    field_column = columns.get("field") if sheet.title == "Meeting" else None
    column = Plan(sheet, name, source, sheet.column_dimensions[_letter(source)].width or width)
    for row in range(2, sheet.max_row + 1):
        english = sheet.cell(row, source).value
        field_name = normalise_name(sheet.cell(row, field_column).value) if field_column else ""
        if field_column is not None and field_name not in _MEETING_TRANSLATED:
            english = None
        if english is None or (isinstance(english, str) and not english.strip()):
            column.rows[row] = None
            continue
        where = f"{sheet.title}!{_letter(source)}{row}"
        if not isinstance(english, str):
            problems.append(f"{where}: {english!r} is not text, so it has no translation")
            continue
        translation = texts.get(english.strip())
        if translation is None:
            problems.append(
                f'{where}: no translation of "{_shortened(english)}" — add it to'
                f" {sheet.title} {name} in {Path(__file__).name}"
            )
            continue
        problems += [f"{where}: {problem}" for problem in mismatches(english, translation)]
        column.rows[row] = translation
    has_twin = any(
        normalise_name(f"{name} {language.value}") in columns for language in TRANSLATED_LANGUAGES
    )
    return column if column.filled or has_twin else None


def write_column(column: Plan, language: Language) -> int:
    """Fill the column's twin for `language`, appended after the last column if it is new;
    the number of cells translated."""
    sheet, twin = column.sheet, f"{column.name} {language.value}"
    target = headers(sheet).get(normalise_name(twin), sheet.max_column + 1)
    header, english_header = sheet.cell(1, target), sheet.cell(1, column.source)
    header.value = twin
    _style(header, english_header, language)
    sheet.column_dimensions[_letter(target)].width = column.width
    for row, translation in column.rows.items():
        cell = sheet.cell(row, target)
        cell.value = getattr(translation, language.value) if translation else None
        _style(cell, sheet.cell(row, column.source), language)
    return column.filled


def _style(cell: Cell, english: Cell, language: Language) -> None:
    """The English cell's font, fill and border; text wrapped, right to left in Arabic."""
    cell.font = copy(english.font)
    cell.fill = copy(english.fill)
    cell.border = copy(english.border)
    cell.alignment = Alignment(
        wrap_text=True,
        vertical=english.alignment.vertical,
        readingOrder=2 if language is Language.AR else 0,
    )


def _letter(column: int) -> str:
    return get_column_letter(column)


def _shortened(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def translate(path: Path) -> list[str]:
    """Write the translations into the workbook at `path`; the problems that stopped it."""
    book = load_workbook(path)
    titles = {normalise_name(title): title for title in book.sheetnames}
    problems: list[str] = []
    columns: list[Plan] = []
    for schema_sheet in SHEETS:
        title = titles.get(normalise_name(schema_sheet.name))
        if title is None:
            continue
        data = TRANSLATIONS.get(schema_sheet.name, {})
        for schema_column in schema_sheet.columns:
            if not schema_column.translated:
                continue
            texts = data.get(schema_column.name, {})
            column = read_column(
                book[title], schema_column.name, schema_column.width, texts, problems
            )
            if column is not None:
                columns.append(column)
    if problems:
        return problems
    for column in columns:
        counts = [
            f"{column.name} {language.value} {write_column(column, language)}"
            for language in TRANSLATED_LANGUAGES
        ]
        print(f"{path}: {column.sheet.title}: " + ", ".join(counts) + " cells")
    out = io.BytesIO()
    book.save(out)
    write_atomic(path, out.getvalue())
    return []


def main(arguments: list[str]) -> int:
    if not arguments:
        print("usage: python tools/sample_translations.py WORKBOOK.xlsx ...", file=sys.stderr)
        return 2
    failed = False
    for argument in arguments:
        problems = translate(Path(argument))
        for problem in problems:
            print(f"{argument}: {problem}", file=sys.stderr)
        if problems:
            print(f"{argument}: nothing written", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
