"""A faster live preview (helpcenter/preview.py, hooks/preview.py): compiled
templates and git dates kept between `mkdocs serve` rebuilds, never stale; the
guard still reports a problem saved into a page at its line; `mkdocs build`
untouched."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import time

import jinja2
import pytest

from helpcenter import preview
from helpcenter.bench.serve import free_port
from helpcenter.guard import project

from conftest import ROOT, copy_project, fetch_text, mkdocs_serve, wait_for


def _hook():
    spec = importlib.util.spec_from_file_location("preview_hook_under_test", ROOT / "hooks/preview.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_templates_compiled_once_are_reused_and_an_edited_one_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setattr(preview, "TEMPLATES", preview.MemoryBytecodeCache())
    (tmp_path / "page.html").write_text("{{ x }}-A", encoding="utf-8")

    def env():
        return preview.keep_templates(jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), auto_reload=False))

    assert env().get_template("page.html").render(x=1) == "1-A"
    real = jinja2.Environment._parse
    with monkeypatch.context() as m:
        m.setattr(jinja2.Environment, "_parse", lambda *a, **k: pytest.fail("compiled again"))
        assert env().get_template("page.html").render(x=2) == "2-A"  # a new environment, nothing compiled
        (tmp_path / "page.html").write_text("{{ x }}-B", encoding="utf-8")
        with pytest.raises(BaseException, match="compiled again"):
            env().get_template("page.html")
    assert jinja2.Environment._parse is real
    assert env().get_template("page.html").render(x=3) == "3-B"


class FakeUtil:
    def __init__(self, head: str) -> None:
        self.head, self.calls, self.ignored_commits = head, [], []

    def get_head_commit(self, path):
        return self.head

    def get_git_commit_timestamp(self, path, is_first_commit=False):
        self.calls.append(path)
        return ("c0ffee", 1_700_000_000) if "known" in path else ("", 1_800_000_000)

    def get_tag_name_for_commit(self, commit_hash):
        self.calls.append("tag " + commit_hash)
        return "v1"


class FakePlugin:
    def __init__(self, head: str, **options) -> None:
        self.config = {"enabled": True, "type": "date", **options}
        self.util = FakeUtil(head)


def dates(plugin, *paths):
    return [plugin.util.get_git_commit_timestamp(path) for path in paths] + [plugin.util.get_tag_name_for_commit("c0ffee")]


def test_git_dates_are_kept_while_head_and_options_stay(tmp_path):
    kept = preview.GitDates()
    first = FakePlugin("aaa")
    assert kept.attach(first, str(tmp_path))
    assert dates(first, "/d/known.md", "/d/new.md") == [("c0ffee", 1_700_000_000), ("", 1_800_000_000), "v1"]
    assert first.util.calls == ["/d/known.md", "/d/new.md", "tag c0ffee"]
    again = FakePlugin("aaa")  # the next rebuild: a new helper, same HEAD
    kept.attach(again, str(tmp_path))
    assert dates(again, "/d/known.md", "/d/new.md") == [("c0ffee", 1_700_000_000), ("", 1_800_000_000), "v1"]
    assert again.util.calls == ["/d/new.md"]  # a file git does not know is asked every time
    committed = FakePlugin("bbb")  # a commit moved HEAD
    kept.attach(committed, str(tmp_path))
    dates(committed, "/d/known.md")
    assert committed.util.calls == ["/d/known.md", "tag c0ffee"]
    other = FakePlugin("bbb", enable_git_follow=False)  # another option
    kept.attach(other, str(tmp_path))
    dates(other, "/d/known.md")
    assert other.util.calls == ["/d/known.md", "tag c0ffee"]


@pytest.mark.parametrize(
    "plugin",
    [
        None,
        object(),
        FakePlugin(
            "",
        ),
        FakePlugin("aaa", enabled=False),
    ],
)
def test_git_dates_leave_alone_what_they_cannot_vouch_for(plugin, tmp_path):
    assert not preview.GitDates().attach(plugin, str(tmp_path))


def test_the_hook_acts_under_serve_only(monkeypatch):
    from mkdocs import utils

    monkeypatch.setattr(utils, "clean_directory", utils.clean_directory)  # put back after the test
    hook = _hook()
    hook.on_startup(command="build", dirty=False)
    assert hook.on_env(jinja2.Environment(), config=None, files=None).bytecode_cache is None
    assert not getattr(utils.clean_directory, "_helpcenter", False)
    hook.on_startup(command="serve", dirty=False)
    assert utils.clean_directory._helpcenter
    assert hook.on_env(jinja2.Environment(), config=None, files=None).bytecode_cache is preview.TEMPLATES


def test_settings_are_read_again_when_the_config_changes(mini):
    first = project.load_settings(mini.config)
    assert project.load_settings(mini.config) is first
    mini.config.write_text(mini.config.read_text(encoding="utf-8").replace("min_steps: 2", "min_steps: 3"), encoding="utf-8")
    assert project.load_settings(mini.config).min_steps == 3


@pytest.mark.build
def test_serve_rebuilds_show_every_edit_and_every_problem(tmp_path):
    """A real `mkdocs serve` on a git checkout of the project: an edited page and an
    edited override template are both served after the rebuild (nothing stale from
    the kept templates, dates or guard results), a problem saved into a page is
    reported at its line, and fixing it serves the page again."""
    copy_project(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "start"], cwd=tmp_path, check=True)
    log = tmp_path / "serve.log"
    page = tmp_path / "docs/en/about.md"
    template = tmp_path / "overrides/partials/source-file.html"
    with mkdocs_serve(tmp_path, log) as base:

        def served(path):
            return fetch_text(base + path)

        wait_for(lambda: "livereload" in served("/en/about/"), "the first build")
        page.write_text(page.read_text(encoding="utf-8") + "\nZanzibar preview sentence.\n", encoding="utf-8")
        wait_for(lambda: "Zanzibar preview sentence" in served("/en/about/"), "the edited page")
        template.write_text(template.read_text(encoding="utf-8") + "\n<!-- kept-template-check -->\n", encoding="utf-8")
        page.write_text(page.read_text(encoding="utf-8") + "\nAnother sentence.\n", encoding="utf-8")  # serve watches docs/ only
        wait_for(lambda: "kept-template-check" in served("/en/about/"), "the edited template")
        line = len(page.read_text(encoding="utf-8").split("\n")) + 1
        page.write_text(page.read_text(encoding="utf-8") + "\nSee [help](https://bitpie-help.com/).\n", encoding="utf-8")
        wait_for(
            lambda: f"docs/en/about.md:{line}: [lookalike-domain]" in log.read_text(encoding="utf-8", errors="replace"),
            "the guard's finding in the rebuild",
        )
        page.write_text(
            page.read_text(encoding="utf-8").replace("See [help](https://bitpie-help.com/).", "Fixed sentence."), encoding="utf-8"
        )
        wait_for(lambda: "Fixed sentence." in served("/en/about/"), "the fixed page")
        assert "Zanzibar preview sentence" in served("/en/about/")
        assert re.search(r"\d{4}", served("/en/about/"))  # still dated


def test_the_theme_listing_kept_is_the_one_mkdocs_makes_and_overrides_are_listed_again(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    overrides = tmp_path / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets/a.css").write_text("a{}", encoding="utf-8")
    (overrides / "main.html").write_text("{% extends 'base.html' %}", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme:\n  name: material\n  custom_dir: overrides\n", encoding="utf-8")

    def listed(add) -> list[tuple[str, str]]:
        config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        files = Files([])
        add(files, config.theme.get_env(), config)
        return [(f.src_uri, f.abs_src_path) for f in files]

    kept = preview.ThemeFiles()
    mkdocs_own = listed(Files.add_files_from_theme)
    assert len(mkdocs_own) > 20 and ("assets/a.css", str(overrides / "assets/a.css")) in mkdocs_own
    assert listed(kept.add) == mkdocs_own
    walked = kept.listed
    (overrides / "assets/b.css").write_text("b{}", encoding="utf-8")
    again = listed(kept.add)
    assert kept.listed == walked + 1  # only overrides/ walked again; Material's folder kept
    assert again == listed(Files.add_files_from_theme) and ("assets/b.css", str(overrides / "assets/b.css")) in again


def test_chinese_segments_are_kept_per_text_and_dictionary(tmp_path):
    calls = []

    class Index:
        config = {"jieba_dict": None, "jieba_dict_user": str(tmp_path / "user.txt")}

        def _segment_chinese(self, data):
            calls.append(data)
            return f"seg({data})"

    (tmp_path / "user.txt").write_text("助记词 10\n", encoding="utf-8")
    kept = preview.Segments()
    segment = kept.wrap(Index._segment_chinese)
    assert segment(Index(), "忘记密码") == "seg(忘记密码)" and segment(Index(), "忘记密码") == "seg(忘记密码)"
    assert calls == ["忘记密码"]
    os.utime(tmp_path / "user.txt", ns=(1, 1))  # the user dictionary changed
    segment(Index(), "忘记密码")
    assert calls == ["忘记密码", "忘记密码"]


def test_the_native_watcher_hears_changes_and_ignores_reads(tmp_path):
    from mkdocs.livereload import LiveReloadServer

    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "a.md"
    page.write_text("# A\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(tmp_path))
    server.watch(str(docs))
    server.watch(str(config))
    assert preview.native_watcher(server)
    assert set(server._watched_paths) == {str(docs), str(config)}
    server.observer.start()

    def heard(change) -> bool:
        # One save is several events (open, modify, close): let the last change's
        # trailing events land before listening for this one.
        time.sleep(0.5)
        with server._rebuild_cond:
            server._want_rebuild = False
        change()
        with server._rebuild_cond:
            return server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=5)

    try:
        assert not heard(lambda: page.read_text(encoding="utf-8"))  # the build reads pages: no rebuild
        assert heard(lambda: page.write_text("# A2\n", encoding="utf-8"))
        assert heard(lambda: (docs / "sub").mkdir() or (docs / "sub/b.md").write_text("# B\n", encoding="utf-8"))

        def replace() -> None:  # an editor saving by writing a new file over the old one
            replacement = tmp_path / "mkdocs.yml.tmp"
            replacement.write_text("site_name: U\n", encoding="utf-8")
            replacement.replace(config)

        assert heard(replace)
        assert heard(lambda: config.write_text("site_name: V\n", encoding="utf-8"))
        assert not heard(lambda: (tmp_path / "elsewhere.txt").write_text("x", encoding="utf-8"))
    finally:
        server.observer.stop()
        server.observer.join()


def test_the_native_watcher_leaves_a_running_or_unknown_server_alone():
    class Running:
        observer = None

    assert not preview.native_watcher(Running())


def test_quick_clean_empties_the_folder_at_once_but_its_hidden_files(tmp_path):
    site = tmp_path / "site"
    (site / "en/faq").mkdir(parents=True)
    (site / "en/faq/index.html").write_text("x", encoding="utf-8")
    (site / "index.html").write_text("x", encoding="utf-8")
    (site / ".keep").write_text("x", encoding="utf-8")
    (site / "link").symlink_to(tmp_path / "elsewhere")  # a dangling link goes too
    (tmp_path / "other").write_text("not ours", encoding="utf-8")
    thread = preview.quick_clean(str(site))
    assert sorted(p.name for p in site.iterdir()) == [".keep"]
    thread.join()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "site"]  # the moved entries are deleted
    assert preview.quick_clean(str(site)) is None and preview.quick_clean(str(tmp_path / "none")) is None
