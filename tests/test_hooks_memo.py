"""The hooks' per-build memos (issue 17) change the cost of a build, never its output.

hooks/guard.py looks each page's result up once per outer build and judges in the
rendered page only the URLs the source scan did not judge already
(helpcenter.guard.rendered); hooks/reader.py looks the section links up once per
language build. `HELPCENTER_HOOKS_MEMO=0` takes the straightforward path (every
lookup again for every page, every URL judged): both builds of the shipped docs
must write the same files, byte for byte, and log the same warnings.
"""

from __future__ import annotations

import subprocess

from helpcenter.guard.rendered import check_rendered
from helpcenter.guard.runner import check_config

from conftest import ENV, MKDOCS, ROOT


def _build(out, memo: bool) -> tuple[dict[str, bytes], list[str]]:
    env = {**ENV, "HELPCENTER_HOOKS_MEMO": "1" if memo else "0", "SOURCE_DATE_EPOCH": "1764000000", "HELPCENTER_CACHE": "0"}
    result = subprocess.run(MKDOCS + ["build", "--strict", "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    files = {path.relative_to(out).as_posix(): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()}
    logged = [line for line in result.stderr.splitlines() if "WARNING" in line or "guard" in line]
    return files, logged


def test_shipped_docs_build_byte_for_byte_the_same_with_and_without_the_memos(tmp_path):
    fast, fast_log = _build(tmp_path / "fast", memo=True)
    plain, plain_log = _build(tmp_path / "plain", memo=False)
    assert sorted(fast) == sorted(plain)
    assert len(fast) > 100  # both languages, every page
    differ = [name for name in fast if fast[name] != plain[name]]
    assert differ == []
    assert fast_log == plain_log
    # the section links a memo keeps are each language's own: the English pages link
    # to the English contact page, the Chinese ones to the Chinese one
    en = fast["en/safety/index.html"].decode()
    zh = fast["safety/index.html"].decode()
    assert 'class="hc-announce__contact"' in en and 'href="../contact/"' in en
    assert 'href="../contact/"' in zh and "联系" in zh


def _report(mini):
    return check_config(mini.config)


def test_rendered_page_fast_path_finds_what_the_full_path_finds(mini):
    # the source names one lookalike link (the source scan judged and reported it);
    # the rendered page adds another one and a javascript: URL the source never showed
    path = mini.page(
        "# Page\n\nIntro.\n\n[a](https://bitpieaab.com/)\n\n<!-- https://bitpieaac.com/ -->\n",
        lang="en",
    )
    report = _report(mini)
    page = report.page(path)
    assert "https://bitpieaab.com/" in page.seen
    html = (
        '<h1>Page</h1><p><a href="https://bitpieaab.com/">a</a> <a href="https://bitpieaac.com/">b</a> <a href="javascript:go()">c</a></p>'
    )
    fast = check_rendered(html, page, report.checker, fast=True)
    plain = check_rendered(html, page, report.checker, fast=False)
    assert fast == plain
    assert {(f.line, f.code) for f in fast} == {(7, "lookalike-domain"), (1, "html-javascript-url")}


def test_one_parse_gives_the_same_anchors_as_the_anchor_reader(mini):
    from helpcenter.guard.html import check_document
    from helpcenter.guard.render import anchors

    checker = _report(mini).checker
    html = (
        '<h2 id="steps">Steps</h2><a name="old">x</a><span name="not-an-anchor">y</span><p id>empty</p>'
        '<div id="">none</div><script id="s">1</script><p>plain</p><!-- <p id="hidden"> -->'
        '<a href="javascript:x()" id="bad">z</a><table><tr><td id="cell">1</td></tr></table>'
    )
    ids: set[str] = set()
    problems = check_document(html, checker, ids)
    assert frozenset(ids) == anchors(html) == {"steps", "old", "s", "bad", "cell"}
    assert problems == check_document(html, checker)
    assert {p.problem.code for p in problems} == {"html-script", "html-javascript-url"}


def test_material_gets_its_han_expression_compiled_once_and_back_when_switched_off():
    import importlib.util

    from material.plugins.search import plugin as material_search

    spec = importlib.util.spec_from_file_location("search_hook_under_test", ROOT / "hooks/search.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    real = material_search.bre
    try:
        hook._compile_once(True)
        shim = material_search.bre
        assert shim is not real
        first = shim.compile(r"(\p{script: Han}+)", shim.UNICODE)
        assert shim.compile(r"(\p{script: Han}+)", shim.UNICODE) is first
        assert first.sub(lambda m: f"[{m.group(0)}]", "转账 to 钱包") == "[转账] to [钱包]"
        hook._compile_once(True)  # twice: still one layer
        assert material_search.bre is shim
        hook._compile_once(False)
        assert material_search.bre is real
    finally:
        material_search.bre = real
