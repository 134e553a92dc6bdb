"""Optional online check: do the registry's URLs still answer? Off by default and
never run in CI (no network there); `scripts/check.py --online` turns it on.

Requests run concurrently in a small thread pool, each with a timeout; a HEAD that
is refused falls back to GET. Redirects are followed only within the same host.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from .catalogue import finding
from .findings import Finding


@dataclass(frozen=True)
class Answer:
    url: str
    status: int | None
    error: str | None


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 - urllib's signature
        if urlsplit(newurl).hostname != urlsplit(req.full_url).hostname:
            raise urllib.error.URLError(f"redirects to another host: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_SameHostRedirects)


def probe(url: str, timeout: float) -> Answer:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": "bitpie-help-center-linkcheck/1"})
        try:
            with _opener.open(request, timeout=timeout) as response:
                return Answer(url, response.status, None)
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return Answer(url, error.code, str(error.reason))
        except (urllib.error.URLError, OSError, ValueError) as error:
            return Answer(url, None, str(getattr(error, "reason", error)))
    return Answer(url, None, "no answer")


def check_urls(urls: list[tuple[str, int]], config_rel: str, timeout: float = 10.0, workers: int = 8) -> list[Finding]:
    """`urls`: (url, mkdocs.yml line) pairs. A finding for each that does not answer 2xx/3xx."""
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls) or 1))) as pool:
        answers = list(pool.map(lambda item: probe(item[0], timeout), urls))
    findings = []
    for (url, line), answer in zip(urls, answers):
        if answer.status is not None and answer.status < 400:
            continue
        why = f"HTTP {answer.status}" if answer.status else answer.error
        findings.append(finding("registry-unreachable", config_rel, line, url=url, why=str(why)))
    return findings
