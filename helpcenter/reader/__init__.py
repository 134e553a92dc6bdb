"""helpcenter.reader: what the reader sees around the articles.

- `strings`  the interface's words in each language (safety line, home, 404, hints)
- `html`     build-time touches to rendered articles (permalinks out of headings'
             names, tables that stack on a phone with ✓ / ✗ marks, unbroken domains)
- `pages`    the home page's data (categories, most asked questions with their
             summaries) and one 404 page per language
The MkDocs hook that wires these in is hooks/reader.py; the templates are in overrides/.
"""
