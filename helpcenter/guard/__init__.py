"""helpguard: the BitPie help center's content guard.

One module per concern, each rule a small function returning `Finding`s:

- `catalogue`  every rule code: severity, part, and its message and fix in English and Chinese
- `findings`   the Finding record (code and fields) and how it is printed, in the file's language
- `config`     the typed schema of extra.contacts, extra.link_policy, extra.faq_categories
- `project`    reads mkdocs.yml (tag-tolerant, with line numbers) into typed settings
- `registry`   the official contact registry (`extra.contacts`) and its validation
- `domains`    domain analysis: Public Suffix List, lookalikes, punycode, homoglyphs
- `links`      the link policy: what an article may link to, and why not
- `markdown`   parses an article with pulldown-cmark (pyromark) into links, HTML, text, lists
- `html`       raw HTML rules (script, iframe, event handlers, javascript: URLs)
- `faq`        FAQ structure: short answer, numbered steps, escalation link
- `parity`     zh/en parity: same files, same number of FAQ steps
- `runner`     runs every rule over the docs tree (used by the hook and the CLI)
- `rendered`   backstop: checks the HTML MkDocs actually rendered
- `jsonld`     FAQPage JSON-LD built from the parsed FAQ
- `faq_index`  the FAQ folder lists itself: in the nav and on the FAQ index page
- `online`     optional check that registry URLs answer (never in CI)
- `cli`        the standalone command: `python -m helpguard`
"""
