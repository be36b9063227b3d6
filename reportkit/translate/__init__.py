"""translate: the translators' round trip, workbook → XLIFF 1.2 → workbook.

`reportkit translate export` gives translators one XLIFF unit per translatable cell, which
any CAT tool reads; `reportkit translate import` writes their targets into the twin
columns (`Text fr`) and records, on a hidden sheet, which English each was made for
(`reportkit.read.translation_record`), so that a translation the English has outgrown is
said by `check` and marked for review by the next export.

translate-toolkit, which reads and writes the XLIFF, is imported only by the modules that
need it (`xliff`), and only when a translate command runs.
"""
