"""Publishing a built report: what is already at the target (`existing`) and where it came
from (`origin`); merging a person's edits and writing the report, its kept copies
(`report`) and its change note (`notes`); its PDF (`pdf`, `pdf_export`, `pdf_archive`);
and reading back a report's builds (`history`)."""
