"""The draft FAQ page, per language.

The draft passes the guard as it is (a short answer, three numbered steps in the
format `1. **Step title**: what to do.`, a link to the contact page), so a writer
can preview it at once. Every placeholder says `TODO`, so it is obviously a draft
in the preview and `scripts/check_drafts.py` refuses to let it be published.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml

PLACEHOLDER = "TODO"


@dataclass(frozen=True)
class Template:
    """The words one language's draft is made of."""

    title: str  # placeholder title, when the writer gives none
    description: str
    answer: str
    steps_heading: str
    step: str  # one numbered step; {n} is its number
    escalation_heading: str
    escalation: str
    related_heading: str
    related: tuple[str, ...]
    category_note: str  # the front matter's comments, in the draft's language
    source_url_note: str
    source_title: str
    sources_note: str  # a translation draft: the source's sources, to check
    pending_note: str


ZH = Template(
    title="TODO：用读者的话写下问题（中文标题）",
    description="TODO：一句话回答这个问题（显示在搜索结果里）。",
    answer="TODO：先用一到三句话直接回答问题，再在下面写步骤。",
    steps_heading="操作步骤",
    step="**TODO 第 {n} 步的标题**：TODO：读者在这一步要做什么。",
    escalation_heading="如果仍未解决",
    escalation=("TODO：写出按步骤做完仍未解决时该怎么办。请通过官方渠道[联系客服](../contact.md)。客服不会向你索要助记词、私钥或密码。"),
    related_heading="相关文章",
    related=("[常见问题](index.md)", "[安全须知](../safety.md)"),
    category_note="TODO：改为 mkdocs.yml 中 extra.faq_categories 的一个分类 id",
    source_url_note="TODO：改为这些步骤所依据的 BitPie 官方页面或 BitPie 代码库中的文件",
    source_title="TODO：来源页面自己的标题",
    sources_note="TODO：以下来源抄自原文；如果有中文版本，改为中文版本的地址和标题，然后删除这一行",
    pending_note="翻译完成后，helpcenter-translations --mark 会删除这一行",
)

EN = Template(
    title="TODO: the question, in the reader's words (English title)",
    description="TODO: one sentence that answers the question (shown in search results).",
    answer="TODO: Answer the question in one to three sentences first, then give the steps below.",
    steps_heading="Steps",
    step="**TODO title of step {n}**: TODO: what the reader does in this step.",
    escalation_heading="If this did not help",
    escalation=(
        "TODO: say what to do if the steps did not solve it. "
        "[Contact support](../contact.md) through official channels. "
        "Support will never ask for your recovery phrase, private keys or password."
    ),
    related_heading="Related articles",
    related=("[FAQ](index.md)", "[Safety](../safety.md)"),
    category_note="TODO: one of mkdocs.yml extra.faq_categories",
    source_url_note="TODO: the official BitPie page or BitPie repository file the steps rely on",
    source_title="TODO: the source's own title",
    sources_note="TODO: these sources are copied from the original; where an English version exists, cite it instead, then delete this line",
    pending_note="helpcenter-translations --mark removes this once it is translated",
)

TEMPLATES: dict[str, Template] = {"zh": ZH, "en": EN}
STEPS = 3


def template_for(lang: str) -> Template:
    """The language's template; English for a language without one."""
    return TEMPLATES.get(lang.split("_")[0].split("-")[0].lower(), EN)


def _yaml_scalar(text: str) -> str:
    """`text` as a YAML value: plain when YAML reads it back unchanged, else quoted."""
    try:
        if yaml.safe_load(f"key: {text}") == {"key": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def render(
    lang: str,
    title: str | None = None,
    category: str = "wallet",
    checked: str = "2026-01-01",
    *,
    steps: int = STEPS,
    hints: tuple[str, ...] = (),
    translate_from: str | None = None,
    sources: str | None = None,
) -> str:
    """The draft page for one language. `title`: the question, if the writer gave it;
    `category`: a valid category id to start from; `checked`: today's date.
    A translation of an existing page also gets: `steps`, the source's number of
    steps; `hints`, the source's step titles, shown in the placeholders;
    `translate_from`, the source's language (helpcenter.guard.translation.PENDING);
    `sources`, the source's `sources:` block as YAML."""
    t = template_for(lang)
    title = title or t.title

    def step(n: int) -> str:
        text = t.step.format(n=n)
        hint = hints[n - 1].replace("*", "").strip() if n <= len(hints) else ""
        if hint:  # the step title to translate, inside the placeholder title
            text = text.replace("**:", f" ({hint})**:", 1).replace("**：", f"（{hint}）**：", 1)
        return f"{n}. {text}"

    steps_text = "\n".join(step(n) for n in range(1, max(steps, 1) + 1))
    related = "\n".join(f"- {link}" for link in t.related)
    if sources is None:
        sources = (
            f"  - url: https://bitpie.com/  # {t.source_url_note}\n    title: {_yaml_scalar(t.source_title)}\n    checked: {checked}\n"
        )
    elif translate_from:
        sources = f"  # {t.sources_note}\n{sources}"
    pending = f"translate_from: {translate_from}  # {t.pending_note}\n" if translate_from else ""
    return (
        "---\n"
        f"title: {_yaml_scalar(title)}\n"
        f"description: {_yaml_scalar(t.description)}\n"
        f"category: {category}  # {t.category_note}\n"
        "sources:\n"
        f"{sources}"
        f"{pending}"
        "---\n\n"
        f"# {title}\n\n"
        f"{t.answer}\n\n"
        f"## {t.steps_heading}\n\n"
        f"{steps_text}\n\n"
        f"## {t.escalation_heading}\n\n"
        f"{t.escalation}\n\n"
        f"## {t.related_heading}\n\n"
        f"{related}\n"
    )
