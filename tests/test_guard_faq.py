"""FAQ rules: a complete, numbered set of steps and a way to escalate, checked in the source."""

from __future__ import annotations

from conftest import FAQ_EN


def faq(mini, body: str, lang: str = "en"):
    path = mini.write(f"{lang}/faq/forgot.md", body)
    return path.relative_to(mini.root).as_posix()


def replace_steps(steps: str) -> str:
    head, rest = FAQ_EN.split("1. **Find", 1)
    tail = rest.split("## If this did not help", 1)[1]
    return head + steps + "\n## If this did not help" + tail


def test_gap_in_numbering_is_reported_at_the_step(mini):
    rel = faq(mini, replace_steps("1. **A**: do a.\n2. **B**: do b.\n4. **D**: do d.\n"))
    found = [f for f in mini.findings() if f.code == "faq-step-numbering"]
    assert [(f.path, f.line) for f in found] == [(rel, 13)]
    assert "from 2 to 4" in found[0].message() and "step 3 is missing" in found[0].message()


def test_repeated_numbers_are_reported(mini):
    rel = faq(mini, replace_steps("1. **A**: do a.\n1. **B**: do b.\n1. **C**: do c.\n"))
    lines = [f.line for f in mini.findings() if f.code == "faq-step-numbering" and f.path == rel]
    assert lines == [12, 13]


def test_numbering_must_start_at_one(mini):
    rel = faq(mini, replace_steps("2. **A**: do a.\n3. **B**: do b.\n4. **C**: do c.\n"))
    found = [f for f in mini.findings() if f.code == "faq-step-numbering"]
    assert [(f.path, f.line) for f in found] == [(rel, 11)]
    assert "start at 2" in found[0].message()


def test_step_without_title_or_instruction(mini):
    rel = faq(mini, replace_steps("1. Just text without a title.\n2. **Only a title**:\n3. **Fine**: do c.\n"))
    codes = {(f.line, f.code) for f in mini.findings() if f.path == rel}
    assert (11, "faq-step-title") in codes
    assert (12, "faq-step-empty") in codes


def test_punctuation_is_not_an_instruction(mini):
    rel = faq(mini, replace_steps("1. **A**: 。\n2. **B**: do b.\n3. **C**: do c.\n"))
    assert (rel, 11, "faq-step-empty") in mini.codes()


def test_empty_bold_title_is_not_a_title(mini):
    rel = faq(mini, replace_steps("1. ****: do a.\n2. **B**: do b.\n3. **C**: do c.\n"))
    assert (rel, 11, "faq-step-title") in mini.codes()


def test_title_needs_a_colon(mini):
    rel = faq(mini, replace_steps("1. **A** do a.\n2. **B**: do b.\n3. **C**: do c.\n"))
    assert (rel, 11, "faq-step-format") in mini.codes()


def test_colon_inside_bold_and_full_width_colon_are_accepted(mini):
    mini.write("zh/faq/forgot.md", replace_steps("1. **甲：** 做甲。\n2. **乙**：做乙。\n3. **丙**：做丙。\n").replace("Forgot", "忘记"))
    assert mini.findings() == []


def test_too_few_steps(mini):
    rel = faq(mini, replace_steps("1. **Only**: one step.\n"))
    assert (rel, 11, "faq-too-few-steps") in mini.codes()


def test_no_steps_at_all(mini):
    rel = faq(mini, replace_steps("- **A**: bullets are not steps.\n- **B**: do b.\n"))
    found = [f for f in mini.findings() if f.path == rel and f.code == "faq-no-steps"]
    assert found and "numbered list" in found[0].message()


def test_split_steps_are_reported(mini):
    rel = faq(mini, replace_steps("1. **A**: do a.\n2. **B**: do b.\n\nA paragraph between.\n\n3. **C**: do c.\n"))
    codes = {(f.line, f.code) for f in mini.findings() if f.path == rel}
    assert (16, "faq-steps-split") in codes


def test_missing_escalation_link(mini):
    rel = faq(mini, FAQ_EN.replace("[contact support](../contact.md)", "contact support"))
    found = [f for f in mini.findings() if f.path == rel and f.code == "faq-no-escalation"]
    assert found and "contact" in found[0].fix()


def test_escalation_link_may_use_directory_url_or_anchor(mini):
    faq(mini, FAQ_EN.replace("(../contact.md)", "(../contact.md#steps)"))
    assert mini.findings() == []


def test_missing_short_answer(mini):
    rel = faq(mini, FAQ_EN.replace("Restore the wallet from its recovery phrase and set a new password.\n\n", ""))
    assert any(f.path == rel and f.code == "faq-no-answer" for f in mini.findings())


def test_faq_recognised_by_front_matter_outside_the_folder(mini):
    body = "---\ntype: faq\n---\n\n# Q?\n\nAnswer.\n\nNo steps here.\n"
    path = mini.page(body, lang="en", name="misc.md", other=body)
    rel = path.relative_to(mini.root).as_posix()
    assert (rel, 5, "faq-no-steps") in mini.codes()


def test_index_page_in_faq_folder_is_not_an_faq(mini):
    mini.write("en/faq/index.md", "# FAQ\n\n- [Forgot](forgot.md)\n")
    mini.write("zh/faq/index.md", "# 常见问题\n\n- [忘记](forgot.md)\n")
    assert mini.findings() == []


def test_all_problems_in_one_faq_are_reported_together(mini):
    rel = faq(mini, replace_steps("1. **A**: do a.\n3. text only\n4. **D**:\n").replace("[contact support](../contact.md)", "us"))
    codes = {f.code for f in mini.findings() if f.path == rel}
    assert {"faq-step-numbering", "faq-step-title", "faq-step-empty", "faq-no-escalation"} <= codes


def test_an_admonition_inside_a_step_keeps_the_steps_together(mini):
    body = FAQ_EN.replace("2. **Import", '    !!! warning "Careful"\n        Keep the old phone until it works.\n\n2. **Import')
    mini.write("en/faq/forgot.md", body)
    assert [f.text() for f in mini.findings()] == []


def test_steps_numbered_with_a_parenthesis_are_reported(mini):
    mini.write("en/faq/forgot.md", FAQ_EN.replace("1. **", "1) **").replace("2. **", "2) **").replace("3. **", "3) **"))
    assert "list-paren" in {f.code for f in mini.findings()}


def test_a_procedure_on_any_page_is_held_to_the_steps_format(mini):
    path = mini.write("en/contact.md", "# Contact\n\n1. **Open the app**: go to settings.\n3. **Write**: send a ticket.\n")
    rel = path.relative_to(mini.root).as_posix()
    assert (rel, 4, "faq-step-numbering") in mini.codes()
