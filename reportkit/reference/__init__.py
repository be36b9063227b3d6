"""Reference data on OIC member states, observers and institutions, with their sources."""

from reportkit.reference.oic import Delegation, DelegationKind, ReferenceData, load_reference

__all__ = ["Delegation", "DelegationKind", "ReferenceData", "load_reference"]
