"""The "Is this really BitPie?" checker (docs/*/verify.md, issue 16).

A reader pastes one thing (a URL, a bare domain, an e-mail address, a phone
number or a messenger handle) and learns whether it is official. The verdict is
the guard's: `verdict.judge` runs the pasted string through the guard's own
`LinkChecker` (helpcenter.guard.links), so the page and the build agree by
construction. The page itself (overrides/verify.html and
overrides/assets/javascripts/verify.js) repeats those rules in the reader's
browser, from data exported here at build time (`export.page_data`): the
registry, the link policy, the guard's host lists, a Public Suffix List extract
and the confusables that matter. tests/test_checker*.py prove both agree.

- `verdict`   read the pasted string; the guard's verdict and its reason
- `export`    everything the page needs, from mkdocs.yml and the guard's data
- `messages.yml`  what each verdict and reason says to readers, in zh and en
"""
