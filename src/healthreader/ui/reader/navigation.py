"""Where the reader is, and browser-like back/forward history of places."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote, unquote, urlencode


@dataclass(frozen=True)
class Location:
    """The home page, an entry (optionally at a section anchor), or a search's results page."""

    entry_id: str | None = None
    anchor: str = ""
    query: str = ""  # set for a results page
    qtype: str = ""
    qcategory: str = ""
    exact: bool = False

    @property
    def is_home(self) -> bool:
        return self.entry_id is None and not self.query

    @property
    def is_search(self) -> bool:
        return self.entry_id is None and bool(self.query)

    def to_string(self) -> str:
        if self.is_search:
            values = {
                "q": self.query,
                "type": self.qtype,
                "category": self.qcategory,
                "exact": "1" if self.exact else "",
            }
            return "search:?" + urlencode({k: v for k, v in values.items() if v})
        if self.entry_id is None:
            return "home:" + ("#" + quote(self.anchor) if self.anchor else "")
        return "entry:" + quote(self.entry_id) + ("#" + quote(self.anchor) if self.anchor else "")

    @classmethod
    def parse(cls, text: str) -> Location | None:
        """``entry:ID#anchor``, ``ID#anchor``, ``ID``, ``home:`` (``home:#cat-1``, a topic on it) or
        ``search:?q=…``; None when unreadable."""
        text = (text or "").strip()
        if not text:
            return None
        if text == "home:" or text.startswith("home:#"):
            return cls(None, unquote(text.partition("#")[2]))
        if text.startswith("search:"):
            values = {k: v[0] for k, v in parse_qs(text.partition("?")[2]).items()}
            query = values.get("q", "").strip()
            if not query:
                return None
            return cls(None, "", query, values.get("type", ""), values.get("category", ""), values.get("exact") == "1")
        if text.startswith("entry:"):
            text = text[len("entry:") :]
        entry_id, _, anchor = text.partition("#")
        entry_id = unquote(entry_id).strip()
        return cls(entry_id, unquote(anchor)) if entry_id else None


@dataclass
class History:
    """Back and forward stacks, like a web browser's."""

    current: Location | None = None
    back_stack: list[Location] = field(default_factory=list)
    forward_stack: list[Location] = field(default_factory=list)
    limit: int = 200

    def visit(self, loc: Location) -> None:
        if self.current is not None and self.current != loc:
            self.back_stack.append(self.current)
            del self.back_stack[: -self.limit]
        self.forward_stack.clear()
        self.current = loc

    def replace(self, loc: Location) -> None:
        """Update where we are without a new history step (e.g. scrolling to a section)."""
        self.current = loc

    def can_back(self) -> bool:
        return bool(self.back_stack)

    def can_forward(self) -> bool:
        return bool(self.forward_stack)

    def back(self) -> Location | None:
        if not self.back_stack:
            return None
        if self.current is not None:
            self.forward_stack.append(self.current)
        self.current = self.back_stack.pop()
        return self.current

    def forward(self) -> Location | None:
        if not self.forward_stack:
            return None
        if self.current is not None:
            self.back_stack.append(self.current)
        self.current = self.forward_stack.pop()
        return self.current

    def clear(self) -> None:
        self.current = None
        self.back_stack.clear()
        self.forward_stack.clear()
