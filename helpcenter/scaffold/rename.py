"""Rename an FAQ in every language, and rewrite every link to it.

    helpcenter-rename-faq OLD NEW      (scripts/rename_faq.py)

Moves `docs/<lang>/faq/OLD.md` to `docs/<lang>/faq/NEW.md` in each language that
has it (`git mv` when the file is tracked by git, so history follows the page),
then rewrites, in every Markdown page of every language, each link whose target
is the old file (inline `[text](faq/OLD.md#anchor)` and reference definitions
`[x]: ../faq/OLD.md`), and each `faq/OLD.md` in mkdocs.yml (`nav`) and in the
home pages' front matter (`most_asked`). Nothing is moved unless NEW is a valid
id, OLD exists in at least one language, and NEW is not used in a language that has
OLD (a page renamed by hand in one language is completed: the guard's
missing-translation finding suggests exactly this command).

The old address keeps answering: each language's `OLD -> NEW` joins the redirect map
in mkdocs.yml (`plugins: - redirects: redirect_maps:`, helpcenter/guard/redirects.py),
entries that led to OLD now lead to NEW (no chain through a missing page), and an
entry from NEW is dropped (NEW is a page again). The map is edited in place (the
rest of mkdocs.yml is untouched) and read back before anything moves.

Translation status (helpcenter/guard/translation.py) survives the rename: rewriting
links changes a page's bytes, so every pair of pages that was in line before the
rename has its `in_sync_with` record written again; a pair that was out of date stays
out of date.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpcenter.guard.project import Settings, _TolerantLoader
from helpcenter.guard.redirects import KEY as MAP_KEY
from helpcenter.guard.redirects import PLUGIN
from helpcenter.guard.translation import Entry, scan

from .scaffold import ScaffoldError, check_slug, existing, faq_folder
from .translations import MarkError, write_records

# A Markdown link target: inline `](target "title")` or a reference definition `[x]: target`.
_INLINE = re.compile(r"(\]\(\s*<?)([^)\s>#]+)(#[^)\s>]*)?")
_REFDEF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)([^\s>#]+)(#\S*)?", re.M)


@dataclass
class Renamed:
    """What `rename_faq` did."""

    old: str
    new: str
    moved: dict[str, tuple[Path, Path]] = field(default_factory=dict)  # language -> (old, new)
    rewritten: list[Path] = field(default_factory=list)  # pages and config with links changed
    redirects: dict[str, str] = field(default_factory=dict)  # old page -> new page, added to mkdocs.yml
    remarked: list[Path] = field(default_factory=list)  # translation records written again


def _git_tracked(root: Path, path: Path) -> bool:
    if shutil.which("git") is None:
        return False
    done = subprocess.run(["git", "ls-files", "--error-unmatch", str(path)], cwd=root, capture_output=True, text=True, check=False)
    return done.returncode == 0


def _move(root: Path, source: Path, target: Path) -> None:
    if _git_tracked(root, source):
        subprocess.run(["git", "mv", str(source), str(target)], cwd=root, check=True, capture_output=True)
    else:
        source.rename(target)


def _rewrite_links(text: str, page_dir: str, old_rel: str, new_name: str) -> str:
    """Every link in `text` (a page in docs-relative folder `page_dir`) that resolves to
    `old_rel` (docs-relative) now names `new_name` as its last part."""

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if "://" in target or target.startswith(("mailto:", "tel:", "/")):
            return match.group(0)
        if posixpath.normpath(posixpath.join(page_dir, target)) != old_rel:
            return match.group(0)
        head, _, _ = target.rpartition("/")
        return match.group(1) + (f"{head}/" if head else "") + new_name + (match.group(3) or "")

    return _REFDEF.sub(fix, _INLINE.sub(fix, text))


def _rewrite_paths(text: str, old_path: str, new_path: str) -> str:
    """`faq/OLD.md` as a whole path (nav entries, front-matter lists)."""
    return re.sub(rf"(?<![\w/.-]){re.escape(old_path)}(?![\w/.-])", new_path, text)


# -- the redirect map in mkdocs.yml, edited in place --------------------------------

_PLAIN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*")


def _scalar(text: str) -> str:
    return text if _PLAIN.fullmatch(text) else json.dumps(text, ensure_ascii=False)


def _block(indent: int, mapping: dict[str, str]) -> list[str]:
    pad = " " * indent
    if not mapping:
        return [f"{pad}{MAP_KEY}: {{}}"]
    return [f"{pad}{MAP_KEY}:"] + [f"{pad}  {_scalar(old)}: {_scalar(new)}" for old, new in mapping.items()]


def _node(mapping: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if isinstance(mapping, yaml.MappingNode):
        for key_node, value_node in mapping.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node, value_node
    return None


def _redirect_map(data) -> dict | None:
    for item in (data or {}).get("plugins") or []:
        if isinstance(item, dict) and PLUGIN in item:
            return dict((item[PLUGIN] or {}).get(MAP_KEY) or {})
        if item == PLUGIN:
            return {}
    return None


def _without_map(data):
    """mkdocs.yml's data without the redirects plugin's map (to prove nothing else changed)."""
    data = json.loads(json.dumps(data, default=str))
    plugins, options = [], {}
    for item in data.get("plugins") or []:
        if item == PLUGIN:
            continue
        if isinstance(item, dict) and PLUGIN in item:
            options = {k: v for k, v in (item[PLUGIN] or {}).items() if k != MAP_KEY}
            continue
        plugins.append(item)
    data.pop("plugins", None)
    return data, plugins, options


def edit_redirect_map(text: str, update) -> str:
    """mkdocs.yml's `text` with the redirects plugin's map replaced by
    `update(current map)`; the plugin is added when missing. Only the map's lines
    change. Raises ValueError when the result would read differently from what was meant."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").split("\n")
    before = yaml.load(text, Loader=_TolerantLoader) or {}
    if not isinstance(before, dict):
        raise ValueError("mkdocs.yml is not a mapping")
    current = _redirect_map(before)
    if current is None and isinstance(before.get("plugins"), dict):
        raise ValueError("`plugins` is not a list")
    wanted = update(dict(current or {}))
    root = yaml.compose(text, Loader=_TolerantLoader)
    plugins = _node(root, "plugins")
    if plugins is None:
        lines += ["plugins:", f"  - {PLUGIN}:", *_block(6, wanted)]
    elif not isinstance(plugins[1], yaml.SequenceNode) or plugins[1].flow_style or not plugins[1].value:
        raise ValueError("`plugins` is not a block list")
    else:
        items = plugins[1].value
        found = None
        for item in items:
            if isinstance(item, yaml.ScalarNode) and item.value == PLUGIN:
                found = ("bare", item)
            elif (entry := _node(item, PLUGIN)) is not None:
                found = ("entry", entry)
        if found is None:  # a new first item of the plugin list
            dash = items[0].start_mark.column - 2
            at = items[0].start_mark.line
            lines[at:at] = [f"{' ' * dash}- {PLUGIN}:", *_block(dash + 4, wanted)]
        elif found[0] == "bare":
            item = found[1]
            line = lines[item.start_mark.line]
            lines[item.start_mark.line : item.start_mark.line + 1] = [
                line[: item.end_mark.column] + ":" + line[item.end_mark.column :],
                *_block(item.start_mark.column + 4, wanted),
            ]
        else:
            key_node, options = found[1]
            if isinstance(options, yaml.ScalarNode) and options.value in ("", "~", "null"):
                line = lines[key_node.start_mark.line]
                lines[key_node.start_mark.line : key_node.start_mark.line + 1] = [
                    line[: key_node.end_mark.column] + ":",
                    *_block(key_node.start_mark.column + 4, wanted),
                ]
            elif not isinstance(options, yaml.MappingNode) or options.flow_style:
                raise ValueError(f"the {PLUGIN} plugin's options are not a block mapping")
            elif (entry := _node(options, MAP_KEY)) is None:
                at = options.value[0][0].start_mark.line
                lines[at:at] = _block(options.value[0][0].start_mark.column, wanted)
            else:
                map_key, value = entry
                start = map_key.start_mark.line
                if isinstance(value, yaml.MappingNode) and value.value and not value.flow_style:
                    end = max(v.end_mark.line + (v.end_mark.column > 0) for _, v in value.value)
                else:
                    end = value.end_mark.line + 1
                if lines[start][: map_key.start_mark.column].strip():
                    raise ValueError(f"`{MAP_KEY}` does not start its line")
                lines[start:end] = _block(map_key.start_mark.column, wanted)
    new = "\n".join(lines)
    after = yaml.load(new, Loader=_TolerantLoader) or {}
    if _redirect_map(after) != wanted or _without_map(after) != _without_map(before):
        raise ValueError("the edited mkdocs.yml would read differently")
    return new.replace("\n", newline)


def _redirect_update(settings: Settings, old: str, new: str, languages: list[str]):
    """What the rename does to the redirect map: OLD -> NEW in each of `languages`
    (those that have NEW afterwards), earlier entries to OLD now to NEW, an entry
    from NEW dropped."""

    def doc(lang: str, slug: str) -> str:
        return "/".join(part for part in (lang, settings.faq_dir, f"{slug}.md") if part)

    def update(current: dict) -> dict:
        retarget = {doc(lang, old): doc(lang, new) for lang in settings.languages}
        drop = {doc(lang, new) for lang in settings.languages}
        out = {}
        for key, target in current.items():
            if key in drop:
                continue
            path, hash_, fragment = str(target).partition("#")
            out[key] = retarget[path] + hash_ + fragment if path in retarget else target
        for lang in languages:
            out[doc(lang, old)] = doc(lang, new)
        return out

    return update


# -- translation status ------------------------------------------------------------


def _in_line(site) -> set[tuple[str, str, str]]:
    """(language, page, twin's language) of every record that matches its twin now."""
    out = set()
    for lang, pages in site.items():
        for page, entry in pages.items():
            for twin_lang, recorded in entry.record.synced:
                twin = site.get(twin_lang, {}).get(page)
                if twin is not None and twin.record.fingerprint == recorded:
                    out.add((lang, page, twin_lang))
    return out


def _remark(settings: Settings, before: set[tuple[str, str, str]], moved: dict[str, str]) -> list[Path]:
    """Write again the records that were in line before the rename (pages renamed
    from `moved`'s keys to its values) and no longer match."""
    site = scan(settings)
    updates: dict[tuple[str, str], dict[str, str]] = {}
    for lang, page, twin_lang in before:
        page = moved.get(page, page)
        entry: Entry | None = site.get(lang, {}).get(page)
        twin = site.get(twin_lang, {}).get(page)
        if entry is None or twin is None or entry.record.recorded(twin_lang) == twin.record.fingerprint:
            continue
        updates.setdefault((lang, page), {})[twin_lang] = twin.record.fingerprint
    return write_records(settings, site, updates)


# -- the command's work ------------------------------------------------------------


def rename_faq(settings: Settings, old: str, new: str) -> Renamed:
    check_slug(new)
    sources = {lang: faq_folder(settings, lang) / f"{old}.md" for lang in settings.languages}
    sources = {lang: path for lang, path in sources.items() if path.is_file()}
    if not sources:
        raise ScaffoldError("no-such-faq", slug=old)
    # NEW may exist already in a language without OLD: a rename done by hand in one language
    clash = [path for path in existing(settings, new) if path.parent.parent.name in sources or (settings.languages == ("",) and sources)]
    if clash or new.lower() == old.lower():
        raise ScaffoldError(
            "id-used", slug=new, listed=tuple(settings.rel(p) for p in clash) or (settings.rel(next(iter(sources.values()))),)
        )
    old_rel, new_rel = f"{settings.faq_dir}/{old}.md", f"{settings.faq_dir}/{new}.md"
    config = _rewrite_paths(settings.config_file.read_text(encoding="utf-8"), old_rel, new_rel)  # nav
    has_new = [lang for lang in settings.languages if lang in sources or (faq_folder(settings, lang) / f"{new}.md").is_file()]
    update = _redirect_update(settings, old, new, has_new)
    try:
        config = edit_redirect_map(config, update)
    except (ValueError, yaml.YAMLError) as error:
        entries = tuple(f"{k}: {v}" for k, v in update({}).items())
        raise ScaffoldError("redirect-edit", config=settings.config_rel, error=str(error).replace("\n", " "), entries=entries) from error
    in_line = _in_line(scan(settings))
    done = Renamed(old, new)
    for lang, source in sources.items():
        target = source.with_name(f"{new}.md")
        _move(settings.root, source, target)
        done.moved[lang] = (source, target)
    for lang in settings.languages:
        lang_dir = settings.docs_dir / lang if lang else settings.docs_dir
        if not lang_dir.is_dir():
            continue
        for page in sorted(lang_dir.rglob("*.md")):
            text = page.read_text(encoding="utf-8")
            page_dir = posixpath.dirname(page.relative_to(lang_dir).as_posix())
            changed = _rewrite_links(text, page_dir, old_rel, f"{new}.md")
            if page_dir == "":
                changed = _rewrite_paths(changed, old_rel, new_rel)  # most_asked in the home page
            if changed != text:
                page.write_text(changed, encoding="utf-8", newline="\n")
                done.rewritten.append(page)
    settings.config_file.write_text(config, encoding="utf-8", newline="")
    done.rewritten.append(settings.config_file)
    done.redirects = {k: v for k, v in update({}).items()}
    try:
        done.remarked = _remark(settings, in_line, {old_rel: new_rel})
    except MarkError as error:  # a front matter that cannot be edited safely: left for `--mark`
        raise ScaffoldError("io", error=error.text("en")) from error
    return done
