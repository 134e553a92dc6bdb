"""The one record every rule returns, and the ways it is printed."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place: `path` is relative to the project root."""

    path: str
    line: int
    code: str
    message: str
    fix: str

    def text(self) -> str:
        return f"{self.path}:{self.line}: [{self.code}] {self.message} Fix: {self.fix}"

    def github(self) -> str:
        def esc(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        prop = esc(self.path).replace(",", "%2C").replace(":", "%3A")
        return (
            f"::error file={prop},line={self.line},title={self.code}::"
            f"{esc(self.message)} Fix: {esc(self.fix)}"
        )


def at(path: str, line: int):
    """A small factory so rules read `make(code, message, fix)` at one place."""

    def make(code: str, message: str, fix: str) -> Finding:
        return Finding(path, line, code, message, fix)

    return make
