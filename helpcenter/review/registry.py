"""What a pull request changes in who readers are told to trust.

    helpcenter-registry-diff --base REF [--config mkdocs.yml]   # Markdown for the job summary

Compares, between the commit REF (the pull request's base) and the working tree
(the pull request merged into it, as GitHub checks it out):

- `extra.contacts` in mkdocs.yml, entry by entry (by `id`): a channel added or
  removed, any of its fields (`url`, `source`, `verified`, `kind`, `label` …)
  changed;
- `extra.link_policy`: every key; its lists (`official_domains`,
  `reference_domains`, `reference_prefixes`) item by item, in any order;
- the guard's host lists `helpcenter/guard/data/*.txt` (free-mail providers, URL
  shorteners, social and messenger hosts), line by line: removing a host from
  them weakens a rule.

mkdocs.yml is read as data with the guard's own loader (helpcenter.guard.project:
`!ENV` resolved, other tags ignored, dates kept as written), so a comment, a
re-ordering or a change of quoting is no change, and a changed value is one even
when the line around it looks the same. Values are printed in code spans, so a
link in them is never clickable in the summary.

The section is prominent when anything changed and says that someone other than
the author must check each change against its official source; `.github/CODEOWNERS`
asks the safety reviewers for it. Exit 0 once compared, 1 when a side cannot be
read as YAML, 2 when REF is not a commit of the repository.

    helpcenter-registry-diff --base REF --reviews FILE --author LOGIN --head-sha SHA

also decides, when anything changed, whether someone other than the author with
write access approved the head commit (helpcenter/review/approval.py): exit 1 until
then (.github/workflows/registry-review.yml).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpcenter.guard.cli import config_arg
from helpcenter.guard.project import YamlDoc, read_yaml

DATA_DIR = "helpcenter/guard/data"  # the guard's host lists, relative to the repository root
POLICY_LISTS = ("official_domains", "reference_domains", "reference_prefixes")
TEAM = "@bitpie-help/safety-reviewers"  # .github/CODEOWNERS


class GitError(Exception):
    """The base commit (or the repository) cannot be read."""


@dataclass(frozen=True)
class Change:
    """One difference: `where` is the file (and line on the pull request's side)."""

    section: str  # "extra.contacts", "extra.link_policy" or a data file's path
    entry: str  # the contact's id, the policy key, or "" for a host list
    field: str  # the contact's field (label.zh …), or ""
    kind: str  # "added", "removed", "changed"
    before: Any = None
    after: Any = None
    where: str = ""


# -- reading both sides -------------------------------------------------------------------


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True)


def repo_root(start: Path) -> Path:
    result = _git(start, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip() or f"{start} is not in a git repository")
    return Path(result.stdout.decode().strip())


def verify_commit(root: Path, ref: str) -> None:
    if not ref or _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise GitError(f"'{ref}' is not a commit of this repository (a shallow checkout? use fetch-depth: 0)")


def show(root: Path, ref: str, rel: str) -> bytes | None:
    """The bytes of `rel` at commit `ref`, or None when the file is not there."""
    result = _git(root, "show", f"{ref}:{rel}")
    return result.stdout if result.returncode == 0 else None


def base_data_files(root: Path, ref: str) -> list[str]:
    result = _git(root, "ls-tree", "--name-only", f"{ref}:{DATA_DIR}")
    if result.returncode != 0:
        return []
    return [f"{DATA_DIR}/{name}" for name in result.stdout.decode("utf-8").split() if name.endswith(".txt")]


def _doc(raw: bytes | None, name: str) -> YamlDoc:
    if raw is None:
        return YamlDoc({}, {})
    return read_yaml(Path(name), raw)


def _extra(doc: YamlDoc) -> Mapping[str, Any]:
    extra = doc.data.get("extra") if isinstance(doc.data, Mapping) else None
    return extra if isinstance(extra, Mapping) else {}


def _contacts(doc: YamlDoc) -> dict[str, tuple[int, Any]]:
    """Contact entries by id (an entry without a usable, unique id by its position)."""
    raw = _extra(doc).get("contacts")
    out: dict[str, tuple[int, Any]] = {}
    for index, entry in enumerate(raw if isinstance(raw, list) else []):
        key = entry.get("id") if isinstance(entry, Mapping) else None
        key = str(key) if isinstance(key, (str, int)) and str(key) and str(key) not in out else f"#{index + 1}"
        out[key] = (index, entry)
    return out


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_flat(item, f"{prefix}.{key}" if prefix else str(key)))
        if not out and prefix:
            out[prefix] = {}
        return out
    return {prefix: value}


def _list_items(text: bytes | None) -> dict[str, int]:
    """Entries of a host list (one per line, `#` comments), with their line."""
    items: dict[str, int] = {}
    if text is None:
        return items
    for number, line in enumerate(text.decode("utf-8", "replace").splitlines(), 1):
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            items.setdefault(entry, number)
    return items


# -- comparing -----------------------------------------------------------------------------


def diff_contacts(base: YamlDoc, head: YamlDoc, config: str) -> list[Change]:
    old, new = _contacts(base), _contacts(head)
    out: list[Change] = []
    for key in list(new) + [k for k in old if k not in new]:
        before = _flat(old[key][1]) if key in old else {}
        after = _flat(new[key][1]) if key in new else {}
        index = new[key][0] if key in new else None
        kind_of_entry = "added" if key not in old else "removed" if key not in new else "changed"
        for field in list(after) + [f for f in before if f not in after]:
            if before.get(field) == after.get(field) and field in before and field in after:
                continue
            kind = (
                kind_of_entry
                if kind_of_entry != "changed"
                else ("added" if field not in before else "removed" if field not in after else "changed")
            )
            where = ""
            if index is not None and field in after:
                where = f"{config}:{head.line('extra', 'contacts', index, *field.split('.'))}"
            out.append(Change("extra.contacts", key, field, kind, before.get(field), after.get(field), where))
    return out


def diff_policy(base: YamlDoc, head: YamlDoc, config: str) -> list[Change]:
    old = _extra(base).get("link_policy")
    new = _extra(head).get("link_policy")
    old = old if isinstance(old, Mapping) else {}
    new = new if isinstance(new, Mapping) else {}
    out: list[Change] = []
    for key in [str(k) for k in new] + [str(k) for k in old if k not in new]:
        before, after = old.get(key), new.get(key)
        if key in POLICY_LISTS or isinstance(before, list) or isinstance(after, list):
            before_items = [str(x) for x in before] if isinstance(before, list) else ([] if before is None else [str(before)])
            after_items = [str(x) for x in after] if isinstance(after, list) else ([] if after is None else [str(after)])
            for index, item in enumerate(after_items):
                if item not in before_items:
                    line = (
                        head.line("extra", "link_policy", key, index) if isinstance(after, list) else head.line("extra", "link_policy", key)
                    )
                    out.append(Change("extra.link_policy", key, "", "added", None, item, f"{config}:{line}"))
            for item in before_items:
                if item not in after_items:
                    out.append(Change("extra.link_policy", key, "", "removed", item, None, ""))
            continue
        if key in new and key in old and before == after:
            continue
        kind = "added" if key not in old else "removed" if key not in new else "changed"
        where = f"{config}:{head.line('extra', 'link_policy', key)}" if key in new else ""
        out.append(Change("extra.link_policy", key, "", kind, before, after, where))
    return out


def diff_lists(base: Mapping[str, bytes | None], head: Mapping[str, bytes | None]) -> list[Change]:
    out: list[Change] = []
    for rel in sorted(set(base) | set(head)):
        old, new = _list_items(base.get(rel)), _list_items(head.get(rel))
        out += [Change(rel, "", "", "added", None, item, f"{rel}:{line}") for item, line in new.items() if item not in old]
        out += [Change(rel, "", "", "removed", item, None, "") for item in old if item not in new]
    return out


def compare(root: Path, ref: str, config_file: Path) -> list[Change]:
    """Every change between commit `ref` and the working tree. Raises GitError, yaml.YAMLError."""
    verify_commit(root, ref)
    config_file = config_file.resolve()
    try:
        config = config_file.relative_to(root.resolve()).as_posix()
    except ValueError as error:
        raise GitError(f"{config_file} is not inside the repository {root}") from error
    base = _doc(show(root, ref, config), config)
    head = _doc(config_file.read_bytes() if config_file.is_file() else None, config)
    names = set(base_data_files(root, ref)) | {f"{DATA_DIR}/{p.name}" for p in (root / DATA_DIR).glob("*.txt")}
    lists_base = {name: show(root, ref, name) for name in names}
    lists_head = {name: (root / name).read_bytes() if (root / name).is_file() else None for name in names}
    return diff_contacts(base, head, config) + diff_policy(base, head, config) + diff_lists(lists_base, lists_head)


# -- the job summary's section -----------------------------------------------------------

_KIND = {"added": "added · 新增", "removed": "removed · 删除", "changed": "changed · 修改"}
_SECTION = {"extra.contacts": "contact registry · 联系方式登记表", "extra.link_policy": "link policy · 链接策略"}


def code(value: Any) -> str:
    """A value as a table cell's code span: never a clickable link, `|` escaped."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(code(item) for item in value)
    text = str(value).replace("\r", " ").replace("\n", " ")
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("|", "\\|")


def markdown(changes: Iterable[Change], ref: str) -> str:
    changes = list(changes)
    short = ref[:12]
    if not changes:
        return (
            "## Contact registry and link policy · 联系方式登记表和链接策略\n\n"
            f"No change since the base (`{short}`). · 与基准提交（`{short}`）相比没有改动。\n"
        )
    out = [
        "## ⚠️ Contact registry or link policy changed · 联系方式登记表或链接策略有改动",
        "",
        "> [!CAUTION]",
        "> Readers trust these addresses with their money. Before this pull request is merged, **someone other than "
        "its author** must open each `source` page and confirm there every address added or changed below, and "
        "confirm that each domain or host added to the link policy or the guard's lists is needed and genuine "
        "(a removed host weakens a rule). "
        f"`.github/CODEOWNERS` asks `{TEAM}` to review.",
        ">",
        "> 读者会把资产托付给这些地址。合并之前，**必须由作者以外的另一个人**逐一打开 `source` 官方页面，"
        "核实下面每个新增或修改的地址确实由官方公布，并确认链接策略或检查程序的主机名单中新增的每个域名确有必要、真实可信"
        "（从这些名单中删除主机，会削弱检查规则）。"
        f"`.github/CODEOWNERS` 已指定 `{TEAM}` 审核。",
        "",
        f"Compared with the base commit `{short}`. · 对比的基准提交：`{short}`。",
        "",
        "| where · 位置 | what · 内容 | change · 改动 | before · 改动前 | after · 改动后 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for change in changes:
        section = _SECTION.get(change.section, f"`{change.section}`")
        what = " ".join(
            part
            for part in (section, code(change.entry) if change.entry else "", f"→ {code(change.field)}" if change.field else "")
            if part
        )
        where = code(change.where) if change.where else "—"
        out.append(f"| {where} | {what} | {_KIND[change.kind]} | {code(change.before)} | {code(change.after)} |")
    return "\n".join(out) + "\n"


def failure(message: str) -> str:
    return (
        "## ⚠️ Contact registry and link policy: not compared · 联系方式登记表和链接策略：未能比较\n\n"
        f"{code(message)}\n\nCheck the changes to `mkdocs.yml` (`extra.contacts`, `extra.link_policy`) and "
        f"`{DATA_DIR}/` by hand. · 请人工检查 `mkdocs.yml`（`extra.contacts`、`extra.link_policy`）和 `{DATA_DIR}/` 的改动。\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="helpcenter-registry-diff",
        description="What a pull request changes in the contact registry, the link policy and the guard's host lists (Markdown).",
    )
    parser.add_argument("--base", required=True, help="the pull request's base commit (e.g. origin/main or a SHA)")
    config_arg(parser)
    parser.add_argument(
        "--reviews",
        type=Path,
        metavar="FILE",
        help="the pull request's reviews (GitHub API JSON): with changes, exit 1 without a second person's approval",
    )
    parser.add_argument("--author", default="", help="with --reviews: the pull request's author (login)")
    parser.add_argument("--head-sha", default="", help="with --reviews: the pull request's head commit")
    args = parser.parse_args(argv)
    if args.reviews and not (args.author and args.head_sha):
        parser.error("--reviews needs --author and --head-sha")
    try:
        root = repo_root(args.config.resolve().parent)
        changes = compare(root, args.base, args.config)
    except GitError as error:
        print(failure(str(error)), end="")
        print(f"registry-diff: {error}", file=sys.stderr)
        return 2
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        message = f"mkdocs.yml cannot be read as YAML: {error}".replace("\n", " ")
        print(failure(message), end="")
        print(f"registry-diff: {message}", file=sys.stderr)
        return 1
    print(markdown(changes, args.base), end="")
    print(f"registry-diff: {len(changes)} change(s) since {args.base}", file=sys.stderr)
    if args.reviews is None or not changes:
        return 0
    from .approval import decide, read_reviews
    from .approval import markdown as approval_markdown

    try:
        reviews = read_reviews(args.reviews)
    except (OSError, ValueError) as error:
        print(f"\n{failure(f'the reviews cannot be read: {error}')}", end="")
        print(f"registry-diff: the reviews in {args.reviews} cannot be read: {error}", file=sys.stderr)
        return 1
    decision = decide(reviews, args.author, args.head_sha)
    print("\n" + approval_markdown(decision), end="")
    if not decision.ok:
        print(
            "::error title=second-review::A change to the contact registry or the link policy needs an approval on the "
            "latest commit from someone with write access other than the author.",
            file=sys.stderr,
        )
    return 0 if decision.ok else 1
