"""Hooks that act once per `mkdocs build` see the i18n plugin's nested builds."""

from helpcenter.buildnest import BuildDepth


def test_only_the_outer_build_starts_and_ends():
    depth = BuildDepth()
    assert depth.enter() is True  # mkdocs build
    assert depth.enter() is False  # i18n: the English build, inside on_post_build
    assert depth.leave() is False  # ... which ends first
    assert depth.leave() is True  # then the outer build: the whole site is written


def test_a_failed_build_does_not_leave_the_next_one_nested():
    depth = BuildDepth()
    depth.enter()
    depth.enter()
    depth.reset()  # on_build_error
    assert depth.enter() is True
