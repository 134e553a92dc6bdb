"""Reads mkdocs.yml into the typed settings every rule needs.

mkdocs.yml uses tags (`!ENV`, `!!python/name:`) that `yaml.safe_load` refuses, and
the standalone check must not pay for MkDocs' full config validation. So we load
it with a tolerant SafeLoader (`!ENV [NAME, default]` resolves like MkDocs does,
other tags become None) and compose it a second time to know each key's line.
Dates stay text (`2026-13-40` would raise inside PyYAML): the schema
(helpcenter/guard/config.py) reads them, and reports a bad one as a finding.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .config import CategoryConfig, ContactConfig, read_guard_config
from .findings import Finding


class _TolerantLoader(yaml.SafeLoader):
    """SafeLoader that resolves `!ENV` and turns every other custom tag into None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1], items[-1] if len(items) > 1 else None
        if len(items) == 1:
            names = items
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


@dataclass(frozen=True)
class PyTag:
    """A `!!python/name:` or `!!python/object/apply:` value, kept unresolved: only the
    page renderer (helpcenter.guard.render) imports it, for Markdown extension options
    such as `slugify`, as MkDocs itself does when it builds."""

    kind: str  # "name" or "object/apply"
    target: str  # dotted path
    args: tuple = ()
    kwds: tuple = ()  # sorted (key, value) pairs


def _python_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    kind, _, target = suffix.partition(":")
    if kind == "name":
        return PyTag("name", target)
    if kind in ("object/apply", "object/new"):
        if isinstance(node, yaml.SequenceNode):
            return PyTag("object/apply", target, tuple(loader.construct_sequence(node, deep=True)))
        value = loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else {}
        kwds = value.get("kwds") or {}
        return PyTag("object/apply", target, tuple(value.get("args") or ()), tuple(sorted(kwds.items())) if isinstance(kwds, dict) else ())
    return None


_TolerantLoader.add_constructor("!ENV", _env)
_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)
_TolerantLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _key_lines(node: yaml.Node, prefix: tuple = ()) -> dict[tuple, int]:
    """Map each key path, e.g. ('extra', 'contacts', 0, 'url'), to its 1-based line."""
    lines: dict[tuple, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            path = prefix + (key_node.value,)
            lines[path] = key_node.start_mark.line + 1
            lines.update(_key_lines(value_node, path))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = prefix + (index,)
            lines[path] = item.start_mark.line + 1
            lines.update(_key_lines(item, path))
    return lines


@dataclass(frozen=True)
class YamlDoc:
    """Plain data plus the line of every key path."""

    data: dict[str, Any]
    lines: dict[tuple, int]

    def line(self, *path: Any) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_yaml(path: Path, raw: bytes | None = None) -> YamlDoc:
    text = (path.read_bytes() if raw is None else raw).decode("utf-8")
    data = yaml.load(text, Loader=_TolerantLoader) or {}
    node = yaml.compose(text, Loader=_TolerantLoader)
    return YamlDoc(data=data, lines=_key_lines(node) if node is not None else {})


@dataclass(frozen=True)
class LinkPolicy:
    """Which external sites articles may link to (mkdocs.yml `extra.link_policy`)."""

    brand: str = "bitpie"
    official_domains: tuple[str, ...] = ("bitpie.com",)
    reference_domains: tuple[str, ...] = ()
    # Reviewed places on a host that is not allowed as a whole, as "host/path/":
    # e.g. "github.com/bitpiedotcom/" (BitPie's own repositories), not all of github.com.
    reference_prefixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    """Everything the rules need to know about one project."""

    root: Path
    config_file: Path
    docs_dir: Path
    languages: tuple[str, ...]
    policy: LinkPolicy
    contact_page: str = "contact.md"
    faq_dir: str = "faq"
    min_steps: int = 2
    faq_nav_max: int = 40
    raw_contacts: list[Any] = field(default_factory=list)
    markdown_extensions: list[Any] = field(default_factory=list)  # as in mkdocs.yml
    category_ids: frozenset[str] = frozenset()  # extra.faq_categories
    yaml: YamlDoc | None = None
    contacts: tuple[ContactConfig, ...] = ()  # extra.contacts, as the schema read them
    faq_categories: tuple[CategoryConfig, ...] = ()
    findings: tuple[Finding, ...] = ()  # problems in the guard's part of mkdocs.yml

    def rel(self, path: Path) -> str:
        """A path as printed in findings: relative to the project root, POSIX style."""
        if path.is_absolute() and ".." not in path.parts:
            try:  # lexical first: the path as the writer knows it, and no file-system calls
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def config_rel(self) -> str:
        return self.rel(self.config_file)


def _languages(plugins: Any) -> tuple[str, ...]:
    """Locales from the mkdocs-static-i18n plugin, the default language first."""
    for item in plugins or []:
        if isinstance(item, dict) and "i18n" in item:
            langs = (item["i18n"] or {}).get("languages") or []
            ordered = sorted(langs, key=lambda lang: not lang.get("default", False))
            return tuple(str(lang["locale"]) for lang in ordered if "locale" in lang)
    return ()


ZONE = "Asia/Shanghai"  # dates in mkdocs.yml and front matter are the writers' and readers' dates


def today_in_zone():
    """Today in the project's stated time zone, whatever the machine's TZ."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(ZONE)).date()


# Settings already read, by config path, bytes and environment (`!ENV`): `mkdocs
# serve` reads mkdocs.yml again for every rebuild, and two hooks read it per build.
_LOADED: dict[tuple, Settings] = {}


def load_settings(config_file: Path) -> Settings:
    """The settings of the project whose config is `config_file`; problems in the
    guard's part of it are in `Settings.findings` (the schema: helpcenter/guard/config.py)."""
    config_file = Path(config_file).resolve()
    raw = config_file.read_bytes()
    key = (config_file, raw, tuple(sorted(os.environ.items())))
    if key not in _LOADED:
        if len(_LOADED) >= 8:
            _LOADED.clear()
        _LOADED[key] = _load_settings(config_file, raw)
    return _LOADED[key]


def _load_settings(config_file: Path, raw: bytes) -> Settings:
    doc = read_yaml(config_file, raw)
    data = doc.data if isinstance(doc.data, dict) else {}
    root = config_file.parent
    docs_dir = (root / str(data.get("docs_dir") or "docs")).resolve()
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    guard = read_guard_config(doc, config_file.name)  # findings name it as Settings.config_rel does
    raw_policy = guard.link_policy
    policy = LinkPolicy(
        brand=raw_policy.brand.lower(),
        official_domains=tuple(d.lower() for d in raw_policy.official_domains),
        reference_domains=tuple(d.lower() for d in raw_policy.reference_domains),
        reference_prefixes=tuple(d.lower() for d in raw_policy.reference_prefixes),
    )
    return Settings(
        root=root,
        config_file=config_file,
        docs_dir=docs_dir,
        languages=_languages(data.get("plugins")) or ("",),
        policy=policy,
        contact_page=raw_policy.contact_page,
        faq_dir=raw_policy.faq_dir.strip("/"),
        min_steps=raw_policy.min_steps,
        faq_nav_max=raw_policy.faq_nav_max,
        raw_contacts=list(extra.get("contacts") or []) if isinstance(extra.get("contacts"), list) else [],
        markdown_extensions=list(data.get("markdown_extensions") or []) if isinstance(data.get("markdown_extensions"), list) else [],
        category_ids=frozenset(category.id for category in guard.faq_categories),
        yaml=doc,
        contacts=guard.contacts,
        faq_categories=guard.faq_categories,
        findings=guard.findings,
    )
