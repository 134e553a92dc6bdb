"""helpcenter.search: search that stays in the reader's language, online and offline.

- `languages`  one search configuration per language (tokens, pipeline)
- `split`      splits the merged index mkdocs-static-i18n writes into one per language
- `segment`    Chinese query segmentation, the same as Material's search worker
- `scope`      one build's search work (user dictionary, keywords, split), for hooks/search.py
- `rustcut`    jieba's segmentation computed by rjieba, behind Material's search plugin
- `engine`     the offline command-line search (lunr.py) over a built site
- `cli`        `helpcenter-search` / scripts/search.py
The MkDocs hook that wires these in is hooks/search.py.
"""
