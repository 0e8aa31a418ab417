"""The guided interview: the engine with a scripted prompter, and the command through CliRunner.

CliRunner's stdin is never a terminal, so the command would stop at once with
"needs a terminal". The `terminal` fixture replaces the command's one check,
`orgdesign.cli.interview.stdin_is_terminal`, so the real prompt loop reads the
scripted input.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

from orgdesign.engine.graph import OrgGraph
from orgdesign.engine.pipeline import recommend
from orgdesign.input.capacity import capacity_from_headcount
from orgdesign.input.load import load_org, validate_data
from orgdesign.input.source import parse_text
from orgdesign.interview.answers import Refused, accept
from orgdesign.interview.builder import build_org, org_yaml
from orgdesign.interview.questions import default_of, next_question, questions
from orgdesign.interview.session import answers_yaml, replay, run
from orgdesign.interview.wording import DEFAULT_FUNCTIONS, DEFAULT_OBJECTIVES, DEPARTMENT_DEFAULTS, OBJECTIVE_DEFAULTS
from orgdesign.vocabulary import FUNCTIONS, OBJECTIVE_KINDS

DEFAULT_KEYS = [
    "company.name",
    "company.industry",
    "company.region",
    "company.country",
    "company.size",
    "company.regulated",
    "functions",
    *(
        f"department.{d}.{field}"
        for d in ("executive", "marketing", "communications", "customer_service", "sales", "hr", "it", "legal", "risk")
        for field in ("name", "headcount")
    ),
    "social.team",
    "objectives",
    *(
        f"objective.{k}.priority"
        for k in ("listening", "customer_care", "brand_content", "reputation", "employer_brand", "account_governance")
    ),
    *(
        f"objective.{k}.owner"
        for k in ("listening", "customer_care", "brand_content", "reputation", "employer_brand", "account_governance")
    ),
    "department.marketing.capacity",
    "department.communications.capacity",
    "department.customer_service.capacity",
]

# A CMO who does not take every default: a retailer in Germany with a social team organized by function.
REPLIES = {
    "company.name": "Northwind Traders",
    "company.industry": "Retail",
    "company.region": "3",
    "company.country": "de",
    "functions": "1 2 3 4 5 product 10",
    "department.marketing.name": "Brand & Marketing",
    "department.customer_service.headcount": "1,200",
    "social.team": "y",
    "department.social_media.headcount": "6",
    "social.structure": "function",
    "objectives": "listening customer_care brand_content reputation product_insight account_governance",
    "objective.reputation.priority": "4",
    "objective.customer_care.owner": "social_media",
    "objective.product_insight.owner": "none",
    "department.social_media.capacity": "3",
}


# The CMO of a 300-person retailer: departments named as on their org chart, picked later by those names.
RETAILER = {
    "company.name": "Lakeshore Outfitters",
    "company.industry": "Retail",
    "company.country": "US",
    "functions": "1 2 3 4 6 9 10 11 14 17",
    "department.executive.headcount": "6",
    "department.marketing.name": "Brand Marketing",
    "department.marketing.headcount": "25",
    "department.communications.name": "Corporate Communications",
    "department.communications.headcount": "5",
    "department.customer_service.name": "Guest Services",
    "department.customer_service.headcount": "80",
    "department.risk.name": "Risk and Compliance",
    "department.agency.name": "Brightside Media",
    "department.ecommerce.name": "Digital Commerce",
    "objectives": "1 2 3 4 10 13",
    "objective.listening.owner": "Brightside Media",
    "objective.customer_care.owner": "Guest Services",
    "objective.brand_content.owner": "brand marketing",
    "objective.reputation.owner": "Corporate Communications",
    "objective.paid_social.owner": "brightside media",
    "objective.account_governance.owner": "Brightside Media",
}


class Scripted:
    """A prompter that replies from a list and records what it was asked and told; EOFError when out of replies."""

    def __init__(self, replies):
        self.replies = list(replies)
        self.asked: list[str] = []
        self.said: list[str] = []

    def ask(self, question, default, step, total):
        self.asked.append(f"{step}/{total} {question.key}")
        if not self.replies:
            raise EOFError
        return self.replies.pop(0)

    def say(self, message):
        self.said.append(message)

    def warn(self, message):
        self.said.append("refused: " + message)


def typed(replies: dict[str, str], mistakes: dict[str, str] | None = None) -> list[str]:
    """The lines a person types: the reply given for a key, Enter for every other question.

    `mistakes` are replies typed first and refused, before the right one.
    """
    answers: dict = {}
    lines = []
    while (question := next_question(answers)) is not None:
        reply = replies.get(question.key, "")
        if mistakes and question.key in mistakes:
            lines.append(mistakes[question.key])
        lines.append(reply)
        answers[question.key] = accept(question, reply) if reply else default_of(question, answers)
    return lines


def keyboard(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


@pytest.fixture
def terminal(monkeypatch):
    """Let the command prompt although CliRunner's stdin is not a terminal."""
    monkeypatch.setattr("orgdesign.cli.interview.stdin_is_terminal", lambda: True)


# --- the engine -------------------------------------------------------------------


def test_defaults_ask_these_keys_in_this_order():
    prompter = Scripted([""] * 100)
    run(prompter, {}, lambda answers: None)
    assert [asked.split(" ", 1)[1] for asked in prompter.asked] == DEFAULT_KEYS
    assert prompter.asked[0] == "1/7 company.name" and prompter.asked[-1].startswith("7/7 ")


def test_defaults_build_a_valid_org_and_a_recommendation():
    answers = run(Scripted([""] * 100), {}, lambda answers: None)
    org = validate_data(build_org(answers), "<interview>")
    result = recommend(org)
    assert org.organization.size == "midmarket" and org.organization.region == "north_america"
    assert set(org.current_owners.values()) == {"marketing"}  # the common habit (E13)
    assert {d.reports_to for d in org.departments if d.id != "executive"} == {"executive"}
    assert len(set(result.solution.owners.values())) > 1


def test_everything_chosen_still_builds_a_feasible_org():
    replies = {
        "functions": " ".join(f for f in FUNCTIONS if f != "social_media"),
        "social.team": "yes",
        "objectives": " ".join(OBJECTIVE_KINDS),
        "company.size": "enterprise",
    }
    answers = run(Scripted(typed(replies)), {}, lambda answers: None)
    org = validate_data(build_org(answers))
    assert len(org.departments) == len(FUNCTIONS) and len(org.objectives) == len(OBJECTIVE_KINDS)
    recommend(org)


def test_the_docs_give_the_defaults_the_interview_uses():
    doc = (Path(__file__).parents[1] / "docs" / "interview.md").read_text(encoding="utf-8")
    cells = [line.split("|") for line in doc.splitlines() if line.startswith("| `")]
    rows = {row[1].strip(): row[4] for row in cells if len(row) == 6}  # the answer keys: key, asked, answer, default
    assert re.findall(r"`(\w+)`", rows["`functions`"]) == list(DEFAULT_FUNCTIONS)
    assert re.findall(r"`(\w+)`", rows["`objectives`"]) == list(DEFAULT_OBJECTIVES)


def test_every_function_and_objective_kind_has_defaults():
    assert set(DEPARTMENT_DEFAULTS) == set(FUNCTIONS)
    assert set(OBJECTIVE_DEFAULTS) == set(OBJECTIVE_KINDS)


@pytest.mark.parametrize("headcount", [0, 1, 2, 9, 10, 99, 100, 999, 1000, 50_000])
def test_suggested_capacity_is_what_the_engine_derives(headcount):
    org = validate_data(
        {
            "organization": {"name": "x", "region": "europe", "size": "small"},
            "departments": [{"id": "m", "function": "marketing", "headcount": headcount}],
            "objectives": [{"id": "o", "kind": "listening"}],
        }
    )
    assert capacity_from_headcount(headcount) == OrgGraph(org).capacity("m")


def test_follow_up_questions_come_from_earlier_answers():
    answers = {"company.size": "enterprise", "functions": ["marketing", "legal"]}
    keys = [q.key for q in questions(answers)]
    assert "department.legal.headcount" in keys and "department.sales.name" not in keys
    assert keys[-1] == "social.team"  # nothing after it until it is answered
    headcount = next(q for q in questions(answers) if q.key == "department.marketing.headcount")
    assert default_of(headcount, answers) == 400


def test_refused_answers_are_explained_and_asked_again():
    prompter = Scripted(["", "", "mars", "europe", "Germany", "de", "", "", "?", "markting sales", "1 2 5"])
    with pytest.raises(EOFError):
        run(prompter, answers := {}, lambda so_far: None)
    assert answers["company.region"] == "europe" and answers["company.country"] == "de"
    assert answers["functions"] == ["executive", "marketing", "sales"]
    refusals = [s for s in prompter.said if s.startswith("refused: ")]
    assert refusals == [
        "refused: 'mars' is not in the list: North America, Latin America, Europe, Asia-Pacific, "
        "Middle East and Africa",
        "refused: 'Germany' is not a two-letter country code such as US, MX or DE",
        "refused: 'markting' is not one of the choices (did you mean 'marketing'?)",
    ]
    assert any("The executive is the top of the org chart" in s for s in prompter.said)  # the `?` help


@pytest.mark.parametrize(
    ("key", "reply", "value"),
    [
        ("company.name", "  Café [bold]Ü[/]  ", "Café [bold]Ü[/]"),
        ("company.regulated", "YES", True),
        ("company.regulated", False, False),
        ("company.size", "3", "enterprise"),
        ("company.region", "North-America", "north_america"),
        ("functions", ["legal", 2, "marketing"], ["marketing", "legal"]),
        ("functions", "it, hr", ["hr", "it"]),
    ],
)
def test_answers_are_parsed_from_typing_and_from_files(key, reply, value):
    question = next(q for q in questions({}) if q.key == key)
    assert accept(question, reply) == value


@pytest.mark.parametrize(
    ("key", "reply", "message"),
    [
        ("company.name", "Acme\x1b[2J", "contains the invisible character U+001B; remove it"),
        ("company.name", "x" * 201, "is too long (201 characters; at most 200)"),
        ("company.regulated", "maybe", "answer yes or no, not the text 'maybe'"),
        ("company.size", "0", "there is no choice 0; pick 1 to 3"),
        ("functions", [], "pick at least one"),
        ("functions", {"a": 1}, "expected a list of choices, found a mapping"),
    ],
)
def test_bad_answers_are_refused_with_a_reason(key, reply, message):
    question = next(q for q in questions({}) if q.key == key)
    with pytest.raises(Refused, match="^" + re.escape(message) + "$"):
        accept(question, reply)


def test_a_whole_number_is_expected_where_one_is_asked():
    question = next(q for q in questions({"functions": ["marketing"]}) if q.key.endswith("headcount"))
    assert accept(question, "1 200") == 1200
    for reply in ("lots", "-3", "4.5", True):
        with pytest.raises(Refused):
            accept(question, reply)


def test_interrupted_at_any_step_resumes_with_nothing_lost():
    lines = typed(REPLIES)
    whole = org_yaml(build_org(run(Scripted(lines), {}, lambda answers: None)))
    for cut in range(len(lines) + 1):
        saved: dict = {}
        with pytest.raises(EOFError) if cut < len(lines) else contextlib.nullcontext():
            run(Scripted(lines[:cut]), saved, lambda answers: None)
        draft = parse_text(answers_yaml(saved, "draft"), "org.draft.yaml")
        answers = replay(draft, complete=False)
        assert answers == saved
        assert org_yaml(build_org(run(Scripted(lines[cut:]), answers, lambda answers: None))) == whole


def _asked(key: str, answers: dict):
    """The question with this key, as asked after `answers` (the answers before it take their defaults)."""
    lines = typed({**RETAILER, **answers})
    so_far: dict = {}
    for line in lines:
        question = next_question(so_far)
        if question.key == key:
            return question, so_far
        so_far[question.key] = accept(question, line) if line else default_of(question, so_far)
    raise AssertionError(f"{key} is not asked")


def test_todays_owners_are_picked_by_the_names_typed_earlier():
    answers = run(Scripted(typed(RETAILER)), {}, lambda answers: None)
    org = validate_data(build_org(answers))
    assert org.current_owners == {
        "listening": "agency",
        "customer_care": "customer_service",
        "brand_content": "marketing",
        "reputation": "communications",
        "paid_social": "agency",
        "account_governance": "agency",
    }
    assert org.department("agency").name == "Brightside Media"


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("Guest Servces", "'Guest Servces' is not in the list (did you mean 'Guest Services'?)"),
        ("Brightside", "'Brightside' is not in the list (did you mean 'Brightside Media'?)"),
        (
            "Northwind Agency",
            "'Northwind Agency' is not in the list: Executive Office, Brand Marketing, Corporate Communications, "
            "Guest Services, Human Resources, IT, Legal, Risk and Compliance, Brightside Media, Digital Commerce, "
            "Nobody",
        ),
        ("12", "there is no choice 12; pick 1 to 11"),
    ],
)
def test_a_department_not_in_the_list_is_refused_with_suggestions(reply, message):
    question, _ = _asked("objective.customer_care.owner", {})
    with pytest.raises(Refused, match="^" + re.escape(message) + "$"):
        accept(question, reply)


@pytest.mark.parametrize(
    ("reply", "owner"),
    [
        ("4", "customer_service"),
        ("customer_service", "customer_service"),
        ("GUEST SERVICES", "customer_service"),
        ("nobody", "none"),
        ("none", "none"),
    ],
)
def test_an_owner_is_a_number_an_id_or_a_name(reply, owner):
    question, _ = _asked("objective.customer_care.owner", {})
    assert accept(question, reply) == owner


def test_a_department_name_given_twice_is_refused():
    question, _ = _asked("department.customer_service.name", {})
    with pytest.raises(Refused, match="^another department is already called 'Brand Marketing'; give this one"):
        accept(question, "brand  marketing")


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("4x", "expected a whole number from 1 to 5, found the text '4x'"),
        ("7", "7 is out of range: give 1 to 5"),
        ("0", "0 is out of range: give 1 to 5"),
    ],
)
def test_a_priority_is_refused_in_terms_of_its_scale(reply, message):
    question, _ = _asked("objective.brand_content.priority", {})
    assert question.help == "From 1 (nice to have) to 5 (critical)."
    with pytest.raises(Refused, match="^" + re.escape(message) + "$"):
        accept(question, reply)


def test_each_objective_is_asked_about_in_plain_english():
    answers = {"objectives": " ".join(OBJECTIVE_KINDS)}
    prompts = {}
    for kind in OBJECTIVE_KINDS:
        prompts[kind] = (
            _asked(f"objective.{kind}.priority", answers)[0].prompt,
            _asked(f"objective.{kind}.owner", answers)[0].prompt,
        )
    assert prompts["account_governance"] == (
        "How much does owning the accounts and the guidelines matter?",
        "Who is in charge of the accounts and the guidelines today?",
    )
    assert prompts["customer_care"] == (
        "How much does answering customers on social media matter?",
        "Who is in charge of answering customers on social media today?",
    )
    assert prompts["reputation"] == (
        "How much does protecting the reputation and handling crises matter?",
        "Who is in charge of reputation and crises today?",
    )
    for kind, (priority, _) in prompts.items():  # "How much does <doing something> matter?", never a bare name
        doing = priority.removeprefix("How much does ").removesuffix(" matter?")
        assert doing.split()[0].endswith("ing"), kind


def test_capacity_is_asked_as_a_business_question():
    question, _ = _asked("department.marketing.capacity", {})
    assert question.prompt == "How many social media objectives could Brand Marketing run well next year?"
    assert question.help == "Out of the 6 you picked. The suggestion follows from its headcount."
    assert question.more == (
        "Think of next year's plan: with the people and budget Brand Marketing has, beside its other work, how many "
        "of the objectives you picked could it lead and do well? The recommendation puts it in charge of no more "
        "than that, and says so if it is in charge of more today."
    )
    keys = [q.key for q in questions(run(Scripted(typed(RETAILER)), {}, lambda answers: None))]
    assert "department.agency.capacity" not in keys  # an agency is never put in charge


@pytest.mark.parametrize("regulated", ["", "yes"])
def test_a_default_run_needs_no_missing_department(regulated):
    answers = run(Scripted(typed({"company.regulated": regulated})), {}, lambda answers: None)
    org = validate_data(build_org(answers))
    assert org.department("risk").name == "Risk Management"
    assert [f.message for f in recommend(org).findings if f.code == "OD101"] == []


def test_questions_speak_without_ids_or_jargon():
    everything = {
        "functions": " ".join(f for f in FUNCTIONS if f != "social_media"),
        "social.team": "yes",
        "objectives": " ".join(OBJECTIVE_KINDS),
    }
    answers = run(Scripted(typed(everything)), {}, lambda answers: None)
    for question in questions(answers):
        for words in (question.prompt, question.help, question.more):
            assert not re.search(r"[a-z]_[a-z]|RACI|capacity|solver|penalt|\bfit\b|\bids?\b", words), (
                question.key,
                words,
            )


def test_every_prompt_and_hint_fits_80_columns():
    from orgdesign.interview.terminal import HINT, bracket

    everything = {
        "functions": " ".join(f for f in FUNCTIONS if f != "social_media"),
        "social.team": "yes",
        "objectives": " ".join(OBJECTIVE_KINDS),
    }
    answers = run(Scripted(typed(everything)), {}, lambda answers: None)
    for question in questions(answers):
        line = f"{question.prompt} [{bracket(question, default_of(question, answers))}]"
        assert len(line) <= 80 and len(question.help) <= 80, line
    assert len(HINT) <= 80


# --- the command in a (scripted) terminal ------------------------------------------


def test_enter_everywhere_writes_a_valid_org_and_shows_the_recommendation(cli, terminal, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("interview", input="\n" * 100)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Step 1 of 7 · The company" in out and "Step 7 of 7 · Capacity" in out
    assert "What is the company called? [My company]" in out
    assert "Recommended owners" in out and "Key findings" in out and "Recommended:" in out
    assert "Saved the org file to org.yaml. Next:" in out
    assert "Where is the company based? [North America]" in out
    assert "Who is in charge of social listening today? [Marketing]" in out
    next_steps = [line.strip() for line in out[out.index("Saved the org file") :].splitlines()[1:]]
    assert next_steps[0] == "orgdesign recommend org.yaml"
    assert " ".join(next_steps[1:3]) == (
        "Everything: who must work with whom, what changes from today, and a RACI chart: for each objective, "
        "who is in charge (A), does the work (R), is asked first (C) and is kept informed (I)."
    )
    assert next_steps[3:] == [
        "orgdesign explain org.yaml customer_care",
        "Why Customer Service should be in charge of Social customer care, and what would change that.",
        "orgdesign export org.yaml --format html --output report.html",
        "A report to share, with the org chart.",
    ]
    saved = (tmp_path / "org.yaml").read_text(encoding="utf-8")
    assert saved.startswith("# Written by orgdesign interview")
    assert load_org(str(tmp_path / "org.yaml")).organization.name == "My company"
    assert not (tmp_path / "org.draft.yaml").exists()
    assert cli("validate", tmp_path / "org.yaml").exit_code == 0


def test_invalid_answers_are_asked_again_in_the_terminal(cli, terminal, tmp_path):
    output = tmp_path / "org.yaml"
    lines = ["Acme\x07", "Acme", "", "mars", "2", "Mexico", "MX", "", "", "", "", "many", "12"]
    result = cli("interview", "--output", output, input=keyboard(lines) + "\n" * 100)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "contains the invisible character U+0007; remove it. Try again." in out
    assert "'mars' is not in the list: North America, Latin America" in out
    assert "'Mexico' is not a two-letter country code such as US, MX or DE. Try again." in out
    assert "expected a whole number from 0 to 10,000,000, found the text 'many'. Try again." in out
    org = load_org(str(output))
    assert (org.organization.name, org.organization.region, org.organization.country) == ("Acme", "latin_america", "MX")
    assert org.department("executive").headcount == 12


def test_the_retailer_picks_todays_owners_by_name_and_sees_why_a_reply_is_refused(cli, terminal, tmp_path):
    mistakes = {"objective.brand_content.priority": "4x", "objective.customer_care.owner": "Guest Servces"}
    lines = typed(RETAILER, mistakes)
    output = tmp_path / "org.yaml"
    result = cli("interview", "-o", output, input=keyboard(lines))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "How much does publishing the brand's own content matter? [4]" in out
    assert "expected a whole number from 1 to 5, found the text '4x'. Try again." in out
    assert "Who is in charge of answering customers on social media today? [Brand Marketing]" in out
    assert "'Guest Servces' is not in the list (did you mean 'Guest Services'?). Try again." in out
    assert "   9 Brightside Media" in out and "customer_service" not in out[: out.index("Your recommendation")]
    assert load_org(str(output)).current_owners["customer_care"] == "customer_service"
    assert "Why Guest Services should be in charge of Social customer care" in out


def test_names_are_shown_literally_never_as_markup(cli, terminal, tmp_path):
    replies = {"functions": "1 2", "department.marketing.name": "[bold red]Growth[/]"}
    result = cli("interview", "-o", tmp_path / "org.yaml", input=keyboard(typed(replies)))
    assert result.exit_code == 0, result.stderr
    assert "About how many people work in [bold red]Growth[/]?" in result.stdout


def test_not_a_terminal_says_so_at_once(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("interview", input="\n" * 100)
    assert result.exit_code == 2
    assert "orgdesign interview needs a terminal; give answers with --answers FILE" in result.stderr
    assert result.stdout == "" and list(tmp_path.iterdir()) == []


def test_interrupted_then_resumed_writes_the_same_file(cli, terminal, tmp_path):
    lines = typed(REPLIES)
    whole = tmp_path / "whole.yaml"
    assert cli("interview", "-o", whole, input=keyboard(lines)).exit_code == 0
    for cut in (1, 9, len(lines) - 1):
        output = tmp_path / f"cut{cut}.yaml"
        draft = tmp_path / f"cut{cut}.draft.yaml"
        stopped = cli("interview", "-o", output, input=keyboard(lines[:cut]))
        assert stopped.exit_code == 1
        assert f"Your answers so far are saved in {draft}" in stopped.stderr
        assert f"Continue with: orgdesign interview --resume --output {output}" in stopped.stderr
        assert not output.exists()
        kept = parse_text(draft.read_text(encoding="utf-8"), str(draft)).data
        assert len(kept) == cut + 1 and kept["version"] == 1 and kept["company.name"] == "Northwind Traders"
        resumed = cli("interview", "-o", output, "--resume", input=keyboard(lines[cut:]))
        assert resumed.exit_code == 0, resumed.stderr
        assert output.read_bytes() == whole.read_bytes()
        assert not draft.exists()


def test_a_draft_is_never_discarded_silently(cli, terminal, tmp_path):
    output = tmp_path / "org.yaml"
    draft = tmp_path / "org.draft.yaml"
    cli("interview", "-o", output, input="Acme\n\n")
    before = draft.read_bytes()
    declined = cli("interview", "-o", output, input="n\n")
    assert declined.exit_code == 2
    assert "An unfinished interview is saved in" in declined.stdout and "continue it with --resume" in declined.stderr
    assert draft.read_bytes() == before
    continued = cli("interview", "-o", output, input="\n" * 100)
    assert continued.exit_code == 0, continued.stderr
    assert load_org(str(output)).organization.name == "Acme" and not draft.exists()


def test_resume_without_a_draft_is_an_error(cli, terminal, tmp_path):
    result = cli("interview", "-o", tmp_path / "org.yaml", "--resume")
    assert result.exit_code == 2
    assert "org.draft.yaml: no unfinished interview to resume" in result.stderr


def test_an_existing_org_file_is_replaced_only_when_asked(cli, terminal, tmp_path):
    output = tmp_path / "org.yaml"
    output.write_text("keep me\n", encoding="utf-8")
    refused = cli("interview", "-o", output, input="\n")
    assert refused.exit_code == 2 and "left as it is" in refused.stderr
    assert output.read_text(encoding="utf-8") == "keep me\n"
    assert not (tmp_path / "org.draft.yaml").exists()
    answers = tmp_path / "answers.yaml"
    answers.write_text("company.name: Acme\n", encoding="utf-8")
    scripted = cli("interview", "-o", output, "--answers", answers)
    assert scripted.exit_code == 2 and "already exists; use --force to overwrite it" in scripted.stderr
    assert output.read_text(encoding="utf-8") == "keep me\n"
    assert cli("interview", "-o", output, input="y\n" + "\n" * 100).exit_code == 0
    assert load_org(str(output)).organization.name == "My company"
    assert cli("interview", "-o", output, "--answers", answers, "--force").exit_code == 0
    assert load_org(str(output)).organization.name == "Acme"


# --- answers files ----------------------------------------------------------------


def test_answers_file_runs_without_a_terminal(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "company.name: Acme Bank\ncompany.industry: banking\ncompany.country: 'NO'\n"
        "functions: [executive, marketing, communications, customer_service, legal, risk]\n"
        "social.team: true\nsocial.reports_to: communications\nsocial.structure: audience\n"
        "objectives: [customer_care, reputation, account_governance]\n"
        "objective.customer_care.owner: social_media\nobjective.reputation.owner: Communications\n",
        encoding="utf-8",
    )
    output = tmp_path / "acme.yaml"
    result = cli("interview", "--answers", answers, "--output", output)
    assert result.exit_code == 0, result.stderr
    assert "Step 1" not in result.stdout and "Recommended owners" in result.stdout
    org = load_org(str(output))
    assert org.organization.regulated is True and org.organization.country == "NO"
    team = org.department("social_media")
    assert (team.reports_to, team.structure, team.headcount) == ("communications", "audience", 4)
    assert org.current_owners == {
        "customer_care": "social_media",
        "reputation": "communications",
        "account_governance": "marketing",
    }
    assert not (tmp_path / "acme.draft.yaml").exists()


def test_answers_file_with_an_unknown_key_is_located(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "version: 1\ncompany.name: Acme\ncompany.nmae: Acme\nfunctions: [marketing]\ndepartment.rnd.headcount: 3\n",
        encoding="utf-8",
    )
    result = cli("interview", "--answers", answers, "-o", tmp_path / "org.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{answers}:3:1: company.nmae: unknown answer key (did you mean 'company.name'?)",
        f"{answers}:5:1: department.rnd.headcount: not asked with these answers: follow-up questions come only "
        "for the functions, objectives and social team chosen",
    ]
    assert not (tmp_path / "org.yaml").exists()


def test_answers_file_with_bad_values_names_line_and_key(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "company.size: huge\nfunctions: [marketing]\ndepartment.marketing.headcount: -4\n", encoding="utf-8"
    )
    result = cli("interview", "--answers", answers, "-o", tmp_path / "org.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{answers}:1:1: company.size: 'huge' is not one of the choices "
        "(expected one of: small, midmarket, enterprise)",
        f"{answers}:3:1: department.marketing.headcount: -4 is out of range: give 0 to 10,000,000",
    ]


def test_a_draft_can_be_finished_as_an_answers_file(cli, terminal, tmp_path):
    cli("interview", "-o", tmp_path / "org.yaml", input="Acme\n")
    result = cli("interview", "--answers", tmp_path / "org.draft.yaml", "-o", tmp_path / "done.yaml")
    assert result.exit_code == 0, result.stderr
    assert load_org(str(tmp_path / "done.yaml")).organization.name == "Acme"


def test_answers_that_leave_no_possible_owner_still_save_the_file(cli, tmp_path):
    answers = tmp_path / "answers.yaml"
    answers.write_text("functions: [marketing]\ndepartment.marketing.capacity: 0\n", encoding="utf-8")
    output = tmp_path / "org.yaml"
    result = cli("interview", "--answers", answers, "-o", output)
    assert result.exit_code == 1
    assert f"Saved the org file to {output}" in result.stdout
    assert load_org(str(output)).department("marketing").capacity == 0


def test_resume_and_answers_do_not_mix(cli, tmp_path):
    result = cli("interview", "--answers", tmp_path / "a.yaml", "--resume")
    assert result.exit_code == 2 and "--resume" in result.stderr
