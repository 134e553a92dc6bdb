"""Rename an FAQ in every language, and rewrite every link to it.

    helpcenter-rename-faq OLD NEW      (scripts/rename_faq.py)

Moves `docs/<lang>/faq/OLD.md` to `docs/<lang>/faq/NEW.md` in each language that
has it (`git mv` when the file is tracked by git, so history follows the page),
then rewrites, in every Markdown page of every language, each link whose target
is the old file (inline `[text](faq/OLD.md#anchor)` and reference definitions
`[x]: ../faq/OLD.md`), and each `faq/OLD.md` in mkdocs.yml (`nav`) and in the
home pages' front matter (`most_asked`). Nothing is moved unless NEW is a valid,
unused id and OLD exists in at least one language.

Not done here (yet): a redirect from the old URL (see the README).
"""
from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.guard.project import Settings

from .scaffold import ScaffoldError, check_slug, existing, faq_folder

# A Markdown link target: inline `](target "title")` or a reference definition `[x]: target`.
_INLINE = re.compile(r"(\]\(\s*<?)([^)\s>#]+)(#[^)\s>]*)?")
_REFDEF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)([^\s>#]+)(#\S*)?", re.M)


@dataclass
class Renamed:
    """What `rename_faq` did."""

    old: str
    new: str
    moved: dict[str, tuple[Path, Path]] = field(default_factory=dict)   # language -> (old, new)
    rewritten: list[Path] = field(default_factory=list)                 # pages and config with links changed


def _git_tracked(root: Path, path: Path) -> bool:
    if shutil.which("git") is None:
        return False
    done = subprocess.run(["git", "ls-files", "--error-unmatch", str(path)], cwd=root,
                          capture_output=True, text=True, check=False)
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


def rename_faq(settings: Settings, old: str, new: str) -> Renamed:
    check_slug(new)
    sources = {lang: faq_folder(settings, lang) / f"{old}.md" for lang in settings.languages}
    sources = {lang: path for lang, path in sources.items() if path.is_file()}
    if not sources:
        raise ScaffoldError("no-such-faq", slug=old)
    clash = existing(settings, new)
    if clash:
        raise ScaffoldError("id-used", slug=new, listed=tuple(settings.rel(p) for p in clash))
    done = Renamed(old, new)
    for lang, source in sources.items():
        target = source.with_name(f"{new}.md")
        _move(settings.root, source, target)
        done.moved[lang] = (source, target)
    old_rel, new_rel = f"{settings.faq_dir}/{old}.md", f"{settings.faq_dir}/{new}.md"
    for lang in settings.languages:
        lang_dir = settings.docs_dir / lang if lang else settings.docs_dir
        if not lang_dir.is_dir():
            continue
        for page in sorted(lang_dir.rglob("*.md")):
            text = page.read_text(encoding="utf-8")
            page_dir = posixpath.dirname(page.relative_to(lang_dir).as_posix())
            changed = _rewrite_links(text, page_dir, old_rel, f"{new}.md")
            if page_dir == "":
                changed = _rewrite_paths(changed, old_rel, new_rel)   # most_asked in the home page
            if changed != text:
                page.write_text(changed, encoding="utf-8", newline="\n")
                done.rewritten.append(page)
    config = settings.config_file.read_text(encoding="utf-8")
    changed = _rewrite_paths(config, old_rel, new_rel)
    if changed != config:
        settings.config_file.write_text(changed, encoding="utf-8", newline="\n")
        done.rewritten.append(settings.config_file)
    return done
