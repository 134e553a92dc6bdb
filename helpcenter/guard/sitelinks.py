"""Links between the site's own pages: the target file exists, and so does the
`#anchor` on it.

MkDocs validates these too (`validation.links` in mkdocs.yml), but its warnings
name no line, and a site built by another engine gets no validation at all. The
guard reads each relative link at its source line (helpcenter.guard.markdown)
and each page's anchors from its rendered HTML: in the build from the page MkDocs
rendered, in the standalone check from its own rendering (helpcenter.guard.render).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from .catalogue import finding
from .findings import Finding
from .links import scheme_of

INSTALLABLE = frozenset(
    ".apk .xapk .apks .apkm .aab .ipa .mobileconfig .mobileprovision .exe .msi .msix .appx .dmg .pkg "
    ".deb .rpm .jar .crx .xpi .bat .cmd .ps1 .sh .vbs .scr .app .run .bin".split()
)
IMAGES = frozenset(".png .jpg .jpeg .gif .webp .svg .bmp .avif".split())
QR_NAME = re.compile(r"(?i)qr|二维码|扫码|wechat|weixin|微信")


@dataclass(frozen=True)
class LocalPage:
    rel: str  # as printed in findings
    doc: str  # path under docs/, e.g. "zh/faq/x.md"
    links: tuple[tuple[str, int], ...]  # (url as written, line)


def local_links(urls: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """The links that point inside the site (no scheme, not protocol-relative)."""
    return tuple((url, line) for url, line in urls if scheme_of(url) is None and not url.startswith("//") and url.strip())


def check_local_links(
    pages: Iterable[LocalPage], files: set[str], anchors: Mapping[str, frozenset[str]], page_suffixes: Iterable[str] = (".md",)
) -> list[Finding]:
    """`files`: every file under docs/ ("zh/faq/x.md", "zh/img/a.png"); `anchors`:
    each rendered page's ids, by its docs path. Pages whose anchors are unknown
    (not rendered) are not checked for anchors."""
    suffixes = tuple(page_suffixes)
    out: list[Finding] = []
    for page in pages:
        for url, line in page.links:
            target, _, fragment = url.partition("#")
            target = unquote(target.split("?", 1)[0])
            if target.startswith("/"):
                out.append(finding("absolute-link", page.rel, line, url=url))
                continue
            suffix = posixpath.splitext(target.lower())[1]
            if suffix in INSTALLABLE:
                out.append(finding("installable-file", page.rel, line, url=url, suffix=suffix))
            if suffix in IMAGES and QR_NAME.search(posixpath.basename(target)):
                out.append(finding("qr-image", page.rel, line, url=url))
            if not target:
                doc = page.doc
            else:
                doc = posixpath.normpath(posixpath.join(posixpath.dirname(page.doc), target))
                if doc.startswith("../") or doc == "..":
                    out.append(finding("broken-link", page.rel, line, "outside", url=url))
                    continue
                if doc not in files:
                    index = posixpath.join(doc, "index.md")
                    if index in files or target.endswith("/"):
                        out.append(
                            finding(
                                "unrecognized-link",
                                page.rel,
                                line,
                                url=url,
                                suggestion=posixpath.relpath(index, posixpath.dirname(page.doc)),
                            )
                        )
                    else:
                        out.append(finding("broken-link", page.rel, line, "missing", url=url, doc=doc))
                    continue
            if fragment and doc.endswith(suffixes) and doc in anchors and fragment not in anchors[doc]:
                out.append(finding("broken-anchor", page.rel, line, url=url, doc=doc, fragment=fragment))
    return out
