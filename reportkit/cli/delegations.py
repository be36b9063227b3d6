"""`reportkit delegations`: the delegations reportkit knows, in a report's order, or those
matching a search."""

from __future__ import annotations

import sys

import click

from reportkit.cli.help import EXIT_INPUT, USAGE, epilog

# The orders a listing can take: `model.Ordering`'s values but as-typed, which follows a
# workbook, written out so that --help need not load the model (tests/test_cli_help.py
# holds them to it).
LISTING_ORDERS = ("english", "french", "arabic", "oic")


@click.command(
    short_help="List the delegations reportkit knows, or search them.",
    epilog=epilog(
        [
            "reportkit delegations",
            "reportkit delegations --search pakistan",
            "reportkit delegations --ordering french",
        ],
        [(0, "listed"), (EXIT_INPUT, "nothing matches the search"), USAGE],
    ),
)
@click.option(
    "--ordering",
    type=click.Choice(LISTING_ORDERS),
    default="english",
    show_default=True,
    help="The order of member and observer states.",
)
@click.option(
    "--search", default="", help="Show only entries whose names contain or resemble TEXT."
)
def delegations(ordering: str, search: str) -> None:
    """List the delegations reportkit knows: name, formal name, category.

    Any of these names (or a formal name, ISO code, acronym) may be typed in the
    Participants sheet's Delegation column. An organisation not listed is written with
    Section other.
    """
    from reportkit.arrange.delegations import category, list_delegations
    from reportkit.model import Ordering

    entries = list_delegations(Ordering(ordering), search)
    if not entries:
        click.echo(
            f'no delegation matches "{search}" — an organisation reportkit does not know is'
            " written as it is, with Section other in the Participants sheet",
            err=True,
        )
        sys.exit(EXIT_INPUT)
    width = min(max(len(d.name) for d in entries), 24)
    for entry in entries:
        click.echo(f"{entry.name:<{width}}  {entry.formal_name}  [{category(entry)}]")
