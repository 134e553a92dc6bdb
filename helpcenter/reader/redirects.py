"""The page at a renamed page's old address: the reader is sent on to the new one.

mkdocs-redirects writes a page in English for every old address, with an inline
script that differs for each target (so every redirect would add its own hash to
the `_headers` policy, which Cloudflare Pages ignores past 2,000 characters).
hooks/redirects.py writes this page over it instead, in the language of the
address:

- `<meta http-equiv="refresh">` to the new page, relative (works under a sub-path
  and in the file:// offline copy, where the target is a `.html` file), so no
  script is needed;
- a short line and a link to the new page with its title, for a reader whose
  browser does not follow the refresh;
- one inline script, the same on every such page (one hash in the policy), that
  carries the old address's `#section` over to the new page; outside the
  `<article>`, as on every page Material builds (verify-site reads the article
  with the articles' rules, and the script against `_headers`);
- nothing from another host, `noindex` so search engines index the new page.
"""

from __future__ import annotations

from html import escape

from .strings import strings_for

# The same on every moved page: one entry in the Content-Security-Policy.
SCRIPT = 'var a=document.getElementById("hc-moved");if(a){if(location.hash&&!a.hash)a.hash=location.hash;location.replace(a.href)}'


def moved_page(lang: str, target: str, title: str | None, site_name: str) -> str:
    """The HTML of an old address that now leads to `target` (a relative URL)."""
    words = strings_for(lang)
    url = escape(target, quote=True)
    label = escape(title or target)
    return f"""<!doctype html>
<html lang="{escape(lang or "en", quote=True)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(words["moved_title"])} · {escape(site_name)}</title>
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<main>
<article>
<h1>{escape(words["moved_title"])}</h1>
<p>{escape(words["moved_text"])}{"" if words["moved_text"].endswith("：") else " "}<a id="hc-moved" href="{url}">{label}</a></p>
<p>{escape(words["moved_note"])}</p>
</article>
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""
