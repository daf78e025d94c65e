"""Back/forward navigation history, like a web browser's."""

from __future__ import annotations


class History:
    """Locations visited, with the current one between the back and forward stacks."""

    def __init__(self) -> None:
        self._back: list[str] = []
        self._forward: list[str] = []
        self.current = ""

    def visit(self, location: str) -> None:
        """Go to a new location; this clears the forward stack, as browsers do."""
        if location == self.current:
            return
        if self.current:
            self._back.append(self.current)
        self.current = location
        self._forward.clear()

    def can_go_back(self) -> bool:
        """Whether :meth:`back` has somewhere to go."""
        return bool(self._back)

    def can_go_forward(self) -> bool:
        """Whether :meth:`forward` has somewhere to go."""
        return bool(self._forward)

    def back(self) -> str:
        """Step back and return the new current location ("" if there is none)."""
        if not self._back:
            return ""
        self._forward.append(self.current)
        self.current = self._back.pop()
        return self.current

    def forward(self) -> str:
        """Step forward and return the new current location ("" if there is none)."""
        if not self._forward:
            return ""
        self._back.append(self.current)
        self.current = self._forward.pop()
        return self.current
