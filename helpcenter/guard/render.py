"""Renders an article the way the site's build does, for the standalone check.

The build checks the HTML MkDocs renders (rendered.py, the backstop); so the
check renders each page with the same Python-Markdown extensions and options
(`markdown_extensions` in mkdocs.yml, after MkDocs' own defaults) and runs the
same rendered-page rules over it. What only the renderer sees (attributes from
attr_list, Markdown inside `<div markdown>`, a duplicate reference definition,
a tab-indented admonition body) is then reported by both tools alike.

It also collects each page's anchors (every `id`, and `name` on `<a>`), the set
MkDocs validates `page.md#anchor` links against.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

import markdown
from selectolax.lexbor import LexborHTMLParser

from .project import PyTag

MKDOCS_DEFAULTS = ("toc", "tables", "fenced_code")  # mkdocs.config.defaults: always on


def _resolve(value: Any) -> Any:
    if isinstance(value, PyTag):
        module, _, name = value.target.rpartition(".")
        target = getattr(importlib.import_module(module), name)
        return target if value.kind == "name" else target(*map(_resolve, value.args), **{k: _resolve(v) for k, v in value.kwds})
    if isinstance(value, dict):
        return {key: _resolve(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item) for item in value]
    return value


def extensions(raw: Any) -> tuple[list[str], dict[str, dict]]:
    """(names, configs) from mkdocs.yml's `markdown_extensions`, as MkDocs reads them."""
    names: list[str] = list(MKDOCS_DEFAULTS)
    configs: dict[str, dict] = {}
    for item in raw or []:
        if isinstance(item, str):
            name, options = item, None
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
        else:
            continue
        if name not in names:
            names.append(name)
        if isinstance(options, dict):
            configs[name] = _resolve(options)
    return names, configs


@dataclass
class Renderer:
    """One Python-Markdown instance per process, reset between pages."""

    names: list[str]
    configs: dict[str, dict]

    def __post_init__(self) -> None:
        self._md: markdown.Markdown | None = None

    def html(self, body: str) -> str:
        if self._md is None:
            self._md = markdown.Markdown(extensions=self.names, extension_configs=self.configs)
        self._md.reset()
        return self._md.convert(body)


def anchors(html: str) -> frozenset[str]:
    """The ids a `#fragment` link can land on."""
    found = set()
    for node in LexborHTMLParser(html).root.traverse(include_text=False):
        attributes = node.attributes
        if attributes.get("id"):
            found.add(attributes["id"])
        if node.tag == "a" and attributes.get("name"):
            found.add(attributes["name"])
    return frozenset(found)
