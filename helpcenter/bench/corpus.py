"""Realistic synthetic corpora: N FAQ articles per language, built from the real
articles' sentences and steps reshuffled, with valid structure (short answer,
the same number of steps in zh and en, escalation link, related links), so the
guard hook has real work and passes clean.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpcenter.guard.faq_index import faq_names
from helpcenter.guard.project import load_settings

ROOT = Path(__file__).resolve().parents[2]
_NAV_FAQ_NAME = re.compile(r"^\s+- faq/(?!index\.md)([^\n]+\.md)$", re.M)
# Hooks that only check or add to the site (guard, search split, checker data,
# security headers); hooks/reader.py gives the templates their words (the home and
# 404 pages cannot render without it) and hooks/preview.py acts under serve only.
CHECKING_HOOKS = ("guard", "search", "checker", "headers")
CATEGORIES = ("wallet", "transfers", "security", "support")
SOURCE = "https://github.com/bitpiedotcom/bitpie-docs/blob/master/FAQ/index.rst"
STEP = re.compile(r"^\d+\. \*\*(.+?)\*\*[:：]\s*(.+)$", re.M)


@dataclass
class Material:
    """Sentences and steps taken from the real FAQs of one language."""

    titles: list[str]
    answers: list[str]
    steps: list[tuple[str, str]]
    paragraphs: list[str]


def harvest(lang: str) -> Material:
    titles, answers, steps, paragraphs = [], [], [], []
    for path in sorted((ROOT / "docs" / lang / "faq").glob("*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---", 2)
        titles.append(yaml.safe_load(front)["title"])
        blocks = [b.strip() for b in body.split("\n\n") if b.strip()]
        answers.append(next(b for b in blocks if not b.startswith(("#", "!!!", "-", "1."))))
        steps += [(t, i) for t, i in STEP.findall(body)]
        paragraphs += [b for b in blocks if not b.startswith(("#", "!!!", "-")) and not STEP.match(b) and "](" not in b]
    return Material(titles, answers, steps, paragraphs)


def faq_page(lang: str, number: int, rng: random.Random, material: Material, n_steps: int, others: list[str]) -> str:
    title = (
        f"{rng.choice(material.titles).rstrip('？?')} ({number})"
        if lang == "en"
        else f"{rng.choice(material.titles).rstrip('？?')}（{number}）"
    )
    colon = ": " if lang == "en" else "："
    steps = rng.sample(material.steps, n_steps)
    lines = [
        "---",
        f"title: {yaml.safe_dump(title, allow_unicode=True).strip().removesuffix('...').strip()}",
        f"description: {yaml.safe_dump(title, allow_unicode=True).strip().removesuffix('...').strip()}",
        f"category: {rng.choice(CATEGORIES)}",
        "sources:",
        f"  - url: {SOURCE}",
        "    title: Help",
        "    checked: 2026-11-20",
        "---",
        "",
        f"# {title}",
        "",
        rng.choice(material.answers),
        "",
        "## Steps" if lang == "en" else "## 操作步骤",
        "",
    ]
    lines += [f"{i}. **{t}**{colon}{instruction}" for i, (t, instruction) in enumerate(steps, 1)]
    lines += ["", rng.choice(material.paragraphs), ""]
    lines += ["## If this did not help" if lang == "en" else "## 如果仍未解决", ""]
    lines += ["Please [contact support](../contact.md)." if lang == "en" else "请[联系客服](../contact.md)。", ""]
    lines += ["## Related articles" if lang == "en" else "## 相关文章", ""]
    lines += [f"- [{o}]({o}.md)" for o in others] + ["- [Safety](../safety.md)" if lang == "en" else "- [安全须知](../safety.md)", ""]
    return "\n".join(lines)


def _without_hooks(config: str) -> str:
    for name in CHECKING_HOOKS:
        config = config.replace(f"  - hooks/{name}.py\n", "")
    return config


def make_project(dest: Path, n: int, seed: int = 7, hook: bool = True, hooks: bool = True, root: Path = ROOT) -> Path:
    """A copy of the project at `root` (this checkout, or an older one to compare
    with) whose docs hold the real pages plus `n` generated FAQs per language;
    returns its mkdocs.yml. `hook=False` drops the guard hook; `hooks=False` drops
    every hook the pages do not need (see `_without_hooks`)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(root / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    rng = random.Random(seed)
    names = [f"generated-{i:04d}" for i in range(n)]
    materials = {lang: harvest(lang) for lang in ("zh", "en")}
    for i, name in enumerate(names):
        n_steps = rng.randint(3, 6)
        others = rng.sample([x for x in names if x != name], min(2, n - 1)) if n > 1 else []
        for lang in ("zh", "en"):
            page = faq_page(lang, i, random.Random(seed * 1000 + i * 2 + (lang == "en")), materials[lang], n_steps, others)
            (dest / "docs" / lang / "faq" / f"{name}.md").write_text(page, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    # The nav is written out as the guard hook completes it (every FAQ file the nav
    # does not name, by file name, up to faq_nav_max in the sidebar; the rest on the
    # FAQ index page only, marked not in the nav), so that with and without the
    # hooks the site is the same.
    last = "      - faq/backup-recovery-phrase.md\n"
    assert last in config, "mkdocs.yml nav changed: update helpcenter/bench/corpus.py"
    curated = set(_NAV_FAQ_NAME.findall(config))
    room = max(load_settings(root / "mkdocs.yml").faq_nav_max - len(curated), 0)
    rest = [name for name in faq_names(dest / "docs", ("zh", "en"), "faq") if name not in curated]
    config = config.replace(last, last + "".join(f"      - faq/{name}\n" for name in rest[:room]))
    unlisted = rest[room:]
    patterns = [f"/*/faq/{name}" for name in unlisted if not name.startswith("generated-")]
    if any(name.startswith("generated-") for name in unlisted):
        patterns.append("/*/faq/generated-*.md")  # one pattern: cheap to match (the hook uses a set)
    if patterns:
        config += "not_in_nav: |\n" + "".join(f"  {pattern}\n" for pattern in patterns)
    if not hook:
        config = config.replace("  - hooks/guard.py\n", "")
    if not hooks:
        config = _without_hooks(config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest / "mkdocs.yml"
