"""Review routing for pull requests: what the pull-request workflow writes into its
job summary so reviewers need neither a clone nor a build.

- `summary`   `helpcenter-summary`: the findings of every gate per language (each in
              its file's language), the warnings too, and how to open the preview
              artifacts (`site-preview`, `offline-copy`), in Chinese and English
- `registry`  `helpcenter-registry-diff --base REF`: what a pull request changes in
              the contact registry (`extra.contacts`), the link policy
              (`extra.link_policy`) and the guard's host lists
              (`helpcenter/guard/data/*.txt`), read as data (the guard's own YAML
              loader), with the call for a second person to check it
- `approval`  whether someone other than the author, with write access, approved the
              head commit of a pull request that changes them (GitHub's review JSON;
              .github/workflows/registry-review.yml fails until then)

`.github/CODEOWNERS` names the team whose review such a change needs
(tests/test_review.py checks which rule owns each protected path).
"""
