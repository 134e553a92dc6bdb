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

from helpcenter.guard.project import load_settings

ROOT = Path(__file__).resolve().parents[2]
_NAV_FAQ = re.compile(r"^\s+- faq/(?!index\.md)[^\n]+\.md$", re.M)
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
    title = f"{rng.choice(material.titles).rstrip('？?')} ({number})" if lang == "en" else f"{rng.choice(material.titles).rstrip('？?')}（{number}）"
    colon = ": " if lang == "en" else "："
    steps = rng.sample(material.steps, n_steps)
    lines = [
        "---", f"title: {yaml.safe_dump(title, allow_unicode=True).strip().removesuffix('...').strip()}",
        f"description: {yaml.safe_dump(title, allow_unicode=True).strip().removesuffix('...').strip()}",
        f"category: {rng.choice(CATEGORIES)}",
        "sources:", f"  - url: {SOURCE}", "    title: Help", "    checked: 2026-11-20",
        "---", "", f"# {title}", "", rng.choice(material.answers), "",
        "## Steps" if lang == "en" else "## 操作步骤", "",
    ]
    lines += [f"{i}. **{t}**{colon}{instruction}" for i, (t, instruction) in enumerate(steps, 1)]
    lines += ["", rng.choice(material.paragraphs), ""]
    lines += ["## If this did not help" if lang == "en" else "## 如果仍未解决", ""]
    lines += ["Please [contact support](../contact.md)." if lang == "en" else "请[联系客服](../contact.md)。", ""]
    lines += ["## Related articles" if lang == "en" else "## 相关文章", ""]
    lines += [f"- [{o}]({o}.md)" for o in others] + ["- [Safety](../safety.md)" if lang == "en" else "- [安全须知](../safety.md)", ""]
    return "\n".join(lines)


def make_project(dest: Path, n: int, seed: int = 7, hook: bool = True) -> Path:
    """A copy of the project whose docs hold the real pages plus `n` generated FAQs
    per language; returns its mkdocs.yml. `hook=False` drops the guard hook."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    rng = random.Random(seed)
    names = [f"generated-{i:04d}" for i in range(n)]
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # The nav is written out as the hook would complete it (FAQs up to faq_nav_max
    # in the sidebar, the rest on the FAQ index page only), so that with and without
    # the hook the site is the same.
    last = "      - faq/backup-recovery-phrase.md\n"
    assert last in config, "mkdocs.yml nav changed: update benchlib/corpus.py"
    curated = len(_NAV_FAQ.findall(config))
    room = max(load_settings(ROOT / "mkdocs.yml").faq_nav_max - curated, 0)
    config = config.replace(last, last + "".join(f"      - faq/{name}.md\n" for name in names[:room]))
    if names[room:]:  # what the hook's on_files does for FAQs past the limit (one pattern: cheap to match)
        config += "not_in_nav: /*/faq/generated-*.md\n"
    if not hook:
        config = config.replace("  - hooks/guard.py\n", "")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    materials = {lang: harvest(lang) for lang in ("zh", "en")}
    for i, name in enumerate(names):
        n_steps = rng.randint(3, 6)
        others = rng.sample([x for x in names if x != name], min(2, n - 1)) if n > 1 else []
        for lang in ("zh", "en"):
            page = faq_page(lang, i, random.Random(seed * 1000 + i * 2 + (lang == "en")), materials[lang], n_steps, others)
            (dest / "docs" / lang / "faq" / f"{name}.md").write_text(page, encoding="utf-8")
    return dest / "mkdocs.yml"
