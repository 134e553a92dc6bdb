"""schema.org FAQPage JSON-LD, built from the parsed FAQ (never typed twice)."""

from __future__ import annotations

import json
from html import escape

from .faq import FaqDoc


def faq_jsonld(doc: FaqDoc, url: str | None = None) -> str | None:
    """The JSON-LD text for one FAQ page, safe to put inside <script>."""
    if not doc.title or not doc.steps:
        return None
    # The answer is HTML (search engines show it): the page's words are text in it, escaped.
    items = "".join(f"<li><strong>{escape(s.title)}</strong>: {escape(s.instruction)}</li>" for s in doc.steps)
    answer = (f"<p>{escape(doc.answer)}</p>" if doc.answer else "") + f"<ol>{items}</ol>"
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": doc.title,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
        ],
    }
    if url:
        data["url"] = url
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Nothing inside may close the <script> element early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
