"""Whether a change to the contact registry has a second person's approval.

Fed the pull request's reviews as GitHub's REST API returns them (`GET
/repos/{owner}/{repo}/pulls/{number}/reviews`, saved by scripts/pr_reviews.sh),
its author and its head commit; decided here, offline, so it is tested with JSON:

- each reviewer's state is their latest review that is APPROVED, CHANGES_REQUESTED
  or DISMISSED (a COMMENTED or PENDING review changes nothing), as GitHub counts it;
- an approval counts only if it is by someone other than the author, not a bot,
  with write access to the repository (`author_association` OWNER, MEMBER or
  COLLABORATOR: anyone with a GitHub account can submit an "approving" review on a
  public repository), and on the head commit (a push after the approval may change
  an address again);
- an outstanding CHANGES_REQUESTED from such a reviewer blocks.

`helpcenter-registry-diff --reviews FILE --author LOGIN --head-sha SHA` applies it when
the pull request changes the registry, the link policy or the guard's host lists
(.github/workflows/registry-review.yml).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TRUSTED = frozenset({"OWNER", "MEMBER", "COLLABORATOR"})
DECISIVE = frozenset({"APPROVED", "CHANGES_REQUESTED", "DISMISSED"})


@dataclass(frozen=True)
class Decision:
    ok: bool
    approvers: tuple[str, ...] = ()
    blockers: tuple[str, ...] = ()  # reviewers whose latest decisive review asks for changes
    ignored: tuple[str, ...] = ()  # approvals that do not count, with why: "login (reason)"


def read_reviews(path: Path) -> list[dict[str, Any]]:
    """The reviews in `path`: one JSON array, or several back to back (what `gh api
    --paginate` writes, one per page). Raises ValueError on anything else."""
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    reviews: list[dict[str, Any]] = []
    at = 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            break
        page, at = decoder.raw_decode(text, at)
        if not isinstance(page, list) or not all(isinstance(item, dict) for item in page):
            raise ValueError("not a list of reviews")
        reviews += page
    return reviews


def _login(review: dict[str, Any]) -> str:
    user = review.get("user")
    return str(user.get("login", "")) if isinstance(user, dict) else ""


def _is_bot(review: dict[str, Any]) -> bool:
    user = review.get("user")
    return isinstance(user, dict) and (user.get("type") == "Bot" or str(user.get("login", "")).endswith("[bot]"))


def decide(reviews: list[dict[str, Any]], author: str, head_sha: str) -> Decision:
    ordered = sorted(enumerate(reviews), key=lambda pair: (str(pair[1].get("submitted_at") or ""), pair[0]))
    latest: dict[str, dict[str, Any]] = {}
    for _, review in ordered:
        login = _login(review)
        if login and review.get("state") in DECISIVE:
            latest[login.lower()] = review
    approvers, blockers, ignored = [], [], []
    for review in latest.values():
        login = _login(review)
        why = (
            "the author · 作者本人"
            if login.lower() == author.lower()
            else "a bot · 机器人"
            if _is_bot(review)
            else "no write access · 没有写权限"
            if review.get("author_association") not in TRUSTED
            else ""
        )
        if review["state"] == "APPROVED":
            if not why and review.get("commit_id") != head_sha:
                why = "an earlier commit · 针对较早的提交"
            (ignored.append(f"{login} ({why})") if why else approvers.append(login))
        elif review["state"] == "CHANGES_REQUESTED" and not why:
            blockers.append(login)
    return Decision(bool(approvers) and not blockers, tuple(sorted(approvers)), tuple(sorted(blockers)), tuple(sorted(ignored)))


def markdown(decision: Decision) -> str:
    def names(items: tuple[str, ...]) -> str:
        return ", ".join(f"`{item}`" for item in items)

    out = ["## Second review · 第二人审核", ""]
    if decision.ok:
        out.append(
            f"✅ Approved on the latest commit by {names(decision.approvers)}. · 已由 {names(decision.approvers)} 在最新提交上批准。"
        )
    else:
        out.append(
            "❌ **Not yet.** A change to the contact registry or the link policy needs an approval on the latest "
            "commit from someone with write access other than the author, after checking each change against its "
            "official source. · **尚未通过。** 联系方式登记表或链接策略的改动，需要由作者以外、有写权限的人对照官方来源逐条核实后，"
            "在最新提交上批准。"
        )
        if decision.blockers:
            out += ["", f"Changes requested by {names(decision.blockers)}. · {names(decision.blockers)} 要求修改。"]
    if decision.ignored:
        out += ["", f"Not counted · 不计入：{names(decision.ignored)}"]
    return "\n".join(out) + "\n"
