"""helpscaffold: the writers' tools for adding an FAQ (`scripts/new_faq.py`).

- `templates`  the draft FAQ page per language: front matter, short answer, numbered
               steps, escalation to the contact page, related articles
- `scaffold`   checks the id, then writes the draft in every language folder
- `drafts`     finds the placeholders (`TODO`) a draft still has, so a draft
               is previewed but never published
- `cli`        the commands: `scripts/new_faq.py`, `scripts/check_drafts.py`

A new FAQ needs no other edit: the FAQ index pages and the nav list the FAQ folder
by themselves (helpcenter/guard/faq_index.py).
"""
