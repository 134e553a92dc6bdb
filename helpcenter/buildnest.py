"""Which build is the outer one, and the state that lives for exactly one build.

mkdocs-static-i18n builds every other language by calling MkDocs' `build()` again
from its own `on_post_build` (priority -100), so a hook's `on_config`,
`on_pre_build` and `on_post_build` also run once per nested language build. And
MkDocs loads a hook module once per process: under `mkdocs serve` its globals
outlive every rebuild. So a hook keeps one `OuterBuild`, which creates a fresh
state object when an outer build starts (never for a nested one) and tells
whole-site steps whether they run in the outer build:

    build = OuterBuild(GuardState)
    def on_config(config):     state = build.start()       # new state per outer build
    def on_pre_build(config):  if build.enter(): ...        # outer build starts
    def on_post_build(config): if build.leave(): ...        # outer build ends: the whole
                                                            # site is on disk (run at a
                                                            # priority below -100)
    def on_build_error(error): build.reset()
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class BuildDepth:
    depth: int = 0

    def enter(self) -> bool:
        """Count a build starting; True for the outer one."""
        self.depth += 1
        return self.depth == 1

    def leave(self) -> bool:
        """Count a build ending; True when the outer one ends."""
        self.depth = max(self.depth - 1, 0)
        return self.depth == 0

    def reset(self) -> None:
        """After a failed build, the next one is an outer build again."""
        self.depth = 0


@dataclass
class OuterBuild(Generic[T]):
    """A `BuildDepth` plus the state of the current outer build."""

    factory: Callable[[], T]
    nest: BuildDepth = field(default_factory=BuildDepth)
    state: T | None = None

    @property
    def outer(self) -> bool:
        """True while no build has entered, or inside the outer build only."""
        return self.nest.depth <= 1

    def start(self) -> T:
        """Called from on_config: a new state when no build is running (an outer
        build, or the next `mkdocs serve` rebuild); the running one otherwise."""
        if self.nest.depth == 0 or self.state is None:
            self.state = self.factory()
        return self.state

    def enter(self) -> bool:
        return self.nest.enter()

    def leave(self) -> bool:
        return self.nest.leave()

    def reset(self) -> None:
        self.nest.reset()
