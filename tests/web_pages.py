"""Reading the web page's HTML in tests as a person reads it: a table's rows, a page's links,
a form's hidden fields (with the standard library's parser, not by matching text)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.links: list[str] = []
        self.inputs: list[dict[str, str]] = []
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "table":
            self._table = found.get("class", "")
            self.tables.setdefault(self._table, [])
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "a":
            self.links.append(found.get("href", ""))
        elif tag == "input":
            self.inputs.append(found)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def table_rows(html: str, kind: str) -> list[list[str]]:
    """The rows of every table of that class, header rows included."""
    return read(html).tables.get(kind, [])


def links(html: str) -> list[str]:
    return read(html).links


def hidden(html: str, name: str) -> str:
    """The value of the first input of that name."""
    return next(i["value"] for i in read(html).inputs if i.get("name") == name)
