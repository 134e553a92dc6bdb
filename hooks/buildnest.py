"""Which build is the outer one.

mkdocs-static-i18n builds every other language by calling MkDocs' `build()` again
from its own `on_post_build` (priority -100), so a hook's `on_pre_build` and
`on_post_build` also run once per nested language build. A hook that should act
once per `mkdocs build` (or per `mkdocs serve` rebuild) counts with `BuildDepth`:

    depth = BuildDepth()
    def on_pre_build(config):  if depth.enter(): ...   # outer build starts
    def on_post_build(config): if depth.leave(): ...   # outer build ends: the whole
                                                        # site is on disk (run at a
                                                        # priority below -100)
    def on_build_error(error): depth.reset()
"""
from __future__ import annotations

from dataclasses import dataclass


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
