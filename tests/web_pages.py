"""Reading the web page's HTML in tests as a person reads it: a table's rows, a list's items,
a page's links, a form's hidden fields (with the standard library's parser, not by matching
text)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.links: list[str] = []
        self.inputs: list[dict[str, str]] = []
        self.lists: dict[str, list[str]] = {}
        self.paragraphs: dict[str, list[str]] = {}
        self._lists: list[str] = []
        self._items: list[tuple[str, list[str]]] = []
        self._paragraph: tuple[str, list[str]] | None = None
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
        if tag in ("ul", "ol"):
            self._lists.append(found.get("class", ""))
        elif tag == "li" and self._lists:
            self._items.append((self._lists[-1], []))
        elif tag == "p":
            self._paragraph = (found.get("class", ""), [])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        elif tag == "li" and self._items:
            kind, text = self._items.pop()
            self.lists.setdefault(kind, []).append(" ".join("".join(text).split()))
        elif tag == "p" and self._paragraph is not None:
            kind, text = self._paragraph
            self.paragraphs.setdefault(kind, []).append(" ".join("".join(text).split()))
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        for _, text in self._items:
            text.append(data)
        if self._paragraph is not None:
            self._paragraph[1].append(data)


def read(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def table_rows(html: str, kind: str) -> list[list[str]]:
    """The rows of every table of that class, header rows included."""
    return read(html).tables.get(kind, [])


def list_items(html: str, kind: str) -> list[str]:
    """The text of each item of every list of that class, a list inside an item part of its
    text."""
    return read(html).lists.get(kind, [])


def paragraphs(html: str, kind: str) -> list[str]:
    """The text of each paragraph of that class ("" for paragraphs without one)."""
    return read(html).paragraphs.get(kind, [])


def links(html: str) -> list[str]:
    return read(html).links


def hidden(html: str, name: str) -> str:
    """The value of the first input of that name."""
    return next(i["value"] for i in read(html).inputs if i.get("name") == name)
