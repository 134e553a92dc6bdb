"""The one record every rule returns, and the ways it is printed.

A finding stores its rule's code and the values its message names, never the
text: the text is rendered from the rule catalogue (helpcenter/guard/catalogue.py)
when it is printed, in the language of the file it is about or in the language
asked for. So the record stays small and picklable (pages are checked in worker
processes), and one finding prints in Chinese or in English.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import catalogue


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place: `path` is relative to the project root.

    Create it with `catalogue.finding(code, path, line, case, **fields)`."""

    path: str
    line: int
    code: str
    case: str = ""
    fields: tuple[tuple[str, Any], ...] = ()
    frame: str = ""  # "", or where it was found: "registry", "rendered"

    def __post_init__(self) -> None:
        catalogue.check(self.code, self.case, self.fields, self.frame)

    @property
    def severity(self) -> catalogue.Severity:
        return catalogue.RULES[self.code].severity

    @property
    def fails(self) -> bool:
        """Whether this finding fails the build and the check (severity `error`)."""
        return catalogue.fails(self.severity)

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.fields)

    def lang(self, lang: str | None = None) -> catalogue.Lang:
        """The language it prints in: `lang` if given, else its file's (English outside docs/zh/, docs/en/)."""
        return catalogue.choose(self.path, lang)

    def message(self, lang: str | None = None) -> str:
        return catalogue.render(self.code, self.case, self.fields, self.lang(lang), self.frame)[0]

    def fix(self, lang: str | None = None) -> str:
        return catalogue.render(self.code, self.case, self.fields, self.lang(lang), self.frame)[1]

    def text(self, lang: str | None = None) -> str:
        chosen = self.lang(lang)
        message, fix = catalogue.render(self.code, self.case, self.fields, chosen, self.frame)
        return f"{self.path}:{self.line}: [{self.code}] {message}{catalogue.FIX_LABEL.format(chosen, fix=fix)}"

    def github(self, lang: str | None = None) -> str:
        """A GitHub Actions annotation: `::error`, `::warning` or `::notice` by severity."""

        def esc(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        chosen = self.lang(lang)
        message, fix = catalogue.render(self.code, self.case, self.fields, chosen, self.frame)
        prop = esc(self.path).replace(",", "%2C").replace(":", "%3A")
        return (
            f"::{self.severity} file={prop},line={self.line},title={self.code}::"
            f"{esc(message)}{esc(catalogue.FIX_LABEL.format(chosen, fix=fix))}"
        )


@dataclass(frozen=True)
class Problem:
    """A rule's verdict before it is placed at a file and line.

    Create it with `catalogue.problem(code, case, **fields)`."""

    code: str
    case: str = ""
    fields: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        catalogue.check(self.code, self.case, self.fields)

    def at(self, path: str, line: int, frame: str = "") -> Finding:
        return Finding(path, line, self.code, self.case, self.fields, frame)

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.fields)

    def message(self, lang: str = catalogue.DEFAULT_LANG) -> str:
        return catalogue.render(self.code, self.case, self.fields, catalogue.choose("", lang))[0]

    def fix(self, lang: str = catalogue.DEFAULT_LANG) -> str:
        return catalogue.render(self.code, self.case, self.fields, catalogue.choose("", lang))[1]


# -- findings saved for another command (the pull request's job summary) -------------


def to_record(found: Finding) -> dict[str, Any]:
    """A finding as plain JSON data (its code and values, never its text)."""
    return {
        "path": found.path,
        "line": found.line,
        "code": found.code,
        "case": found.case,
        "frame": found.frame,
        "fields": dict(found.fields),
    }


def from_record(data: dict[str, Any]) -> Finding:
    """The finding `to_record` saved; raises ValueError (or KeyError, TypeError) on a record it did not write."""
    return catalogue.finding(
        data["code"], data["path"], int(data["line"]), data.get("case", ""), frame=data.get("frame", ""), **dict(data.get("fields") or {})
    )


def save_records(findings, path) -> None:
    """Write `findings` to `path` as JSON (`--record FILE` of the check, the build gate and verify-site)."""
    import json
    from pathlib import Path

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps([to_record(f) for f in findings], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
