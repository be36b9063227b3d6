"""The reference list as a rapporteur browses it: which names reportkit accepts, in order."""

from __future__ import annotations

from reportkit.arrange.ordering import collation_key, state_key
from reportkit.model import Ordering
from reportkit.reference import Delegation, DelegationKind, load_reference
from reportkit.reference.matching import FOUND, closeness
from reportkit.reference.names import match_key

_KIND_LABELS = {DelegationKind.MEMBER: "member state", DelegationKind.OBSERVER: "observer state"}


def category(delegation: Delegation) -> str:
    return (
        _KIND_LABELS.get(delegation.kind)
        or delegation.category
        or "OIC body (category unconfirmed)"
    )


def list_delegations(ordering: Ordering = Ordering.ENGLISH, search: str = "") -> list[Delegation]:
    """Member states, observer states, then OIC bodies, each in the order a list prints them."""
    everything = load_reference().delegations
    by_state = state_key(ordering)
    ordered = [
        *sorted((d for d in everything if d.kind is DelegationKind.MEMBER), key=by_state),
        *sorted((d for d in everything if d.kind is DelegationKind.OBSERVER), key=by_state),
        *sorted(
            (d for d in everything if d.kind is DelegationKind.INSTITUTION),
            key=lambda d: (d.rank, collation_key(d.formal_name, ordering)),
        ),
    ]
    if not search:
        return ordered
    wanted = match_key(search)
    return [d for d in ordered if _matches(wanted, d)]


def _matches(wanted: str, delegation: Delegation) -> bool:
    """A name containing the search anywhere ("stan" finds Pakistan: a person browsing
    types any part of a name), or close to it (a typo should still find the entry)."""
    keys = [match_key(name) for name in delegation.names]
    return any(wanted in key or closeness(wanted, key) >= FOUND for key in keys)
