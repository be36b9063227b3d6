"""The template's paragraph styles, by the role each row of text plays in the report.

Arrange decides which style presents a row (a `paragraph` is numbered in one report and
running text in another); the template defines how each style looks, and a secretariat
restyles it in Word under these names (docs/templates.md).
"""

NUMBERED_PARAGRAPH = "Numbered Paragraph"
TEXT = "Report Text"
HEADING = "Section Heading"
NUMBERED_HEADING = "Numbered Heading"
SUBHEADING = "Subheading"
NUMBERED_SUBHEADING = "Numbered Subheading"
ITEM = "Report Item"
BULLET = "Report Bullet"
NOTE = "Report Note"
AGENDA_ITEM = "Agenda Item"
AGENDA_LINE = "Agenda Line"
AGENDA_NOTE = "Agenda Note"
PARTICIPANTS_SECTION = "Participants Section"
DELEGATION_HEADING = "Delegation Heading"
DELEGATE_NAME = "Delegate Name"
DELEGATE_DETAILS = "Delegate Details"
DELEGATE_DETAILS_LAST = "Delegate Details Last"

# Styles numbered by a list of their own in the template, which a block can restart.
NUMBERED = (NUMBERED_PARAGRAPH, NUMBERED_HEADING, NUMBERED_SUBHEADING, ITEM, AGENDA_ITEM)
