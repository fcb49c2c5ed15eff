"""Where the reader is, and browser-like back/forward history of places."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, unquote


@dataclass(frozen=True)
class Location:
    """The home page (entry_id None) or an entry, optionally at a section anchor."""

    entry_id: str | None = None
    anchor: str = ""

    @property
    def is_home(self) -> bool:
        return self.entry_id is None

    def to_string(self) -> str:
        if self.entry_id is None:
            return "home:"
        return "entry:" + quote(self.entry_id) + ("#" + quote(self.anchor) if self.anchor else "")

    @classmethod
    def parse(cls, text: str) -> Location | None:
        """``entry:ID#anchor``, ``ID#anchor``, ``ID`` or ``home:``; None when empty or unreadable."""
        text = (text or "").strip()
        if not text:
            return None
        if text == "home:":
            return cls()
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
