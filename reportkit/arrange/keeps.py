"""Which report paragraphs keep with the one after them, beyond what their styles say.

A paragraph that ends in a colon announces the list under it ("… the following issues:");
printed at the foot of a page with its list on the next, it announces nothing. Its style
(a numbered paragraph, running text) keeps with nothing, as most such paragraphs should,
so the lead-in alone is kept with its list's first item.
"""

from __future__ import annotations

from reportkit.arrange import styles
from reportkit.arrange.result import BodyBlock

LIST_STYLES = frozenset({styles.BULLET, styles.ITEM})
# Marks that may close a lead-in after its colon: emphasis and spaces.
_CLOSING = " \t\n*\u00a0\u202f"


def leads_in(block: BodyBlock, following: BodyBlock | None) -> bool:
    """Whether `block` introduces the list that `following` opens."""
    if following is None or following.style not in LIST_STYLES or block.style in LIST_STYLES:
        return False
    return block.text.rstrip(_CLOSING).endswith(":")
