"""The questions as data: what the interview asks, in which order, with which defaults.

The questions are a function of the answers so far: each chosen function
brings its name and headcount questions, each chosen objective its priority
and current owner. Answers are keyed by stable strings (`company.name`,
`functions`, `department.marketing.headcount`, `objective.customer_care.priority`)
that come back in the same order for the same answers, which is what makes a
draft resumable and an answers file replayable (`session.py`).

Every question has a default, and the defaults describe a plausible
midmarket company whose marketing department runs social media out of habit
(E13), so pressing Enter throughout still ends in a valid org. The words are
written for a CMO who has never seen an org file: no ids in the questions,
and departments are offered by the names the person gave them.

The questions are made when they are asked, in the language in use; section
names stay English (marked `N_`) because they identify the step, and are
translated where they are shown. The default names of departments and
objectives are suggestions in the person's language: what they accept is
theirs, and written to the org file as given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from orgdesign.i18n import N_, _, ngettext
from orgdesign.input.capacity import capacity_from_headcount
from orgdesign.input.names import key as name_key
from orgdesign.interview.wording import (
    DEFAULT_FUNCTIONS,
    DEFAULT_OBJECTIVES,
    DEPARTMENT_DEFAULTS,
    OBJECTIVE_DEFAULTS,
    SOCIAL_TEAM,
)
from orgdesign.vocabulary import FUNCTIONS, OBJECTIVE_KINDS, REGIONS, SIZES, STRUCTURES

Answers = dict[str, Any]

SECTIONS = (
    N_("The company"),
    N_("Functions"),
    N_("Departments"),
    N_("Social media team"),
    N_("Objectives"),
    N_("Today's owners"),
    N_("Capacity"),
)


SIZE_FACTOR = {"small": 0.2, "midmarket": 1, "enterprise": 10}
MAIN_FUNCTIONS = ("social_media", "marketing", "communications", "customer_service")
REGULATED_INDUSTRIES = frozenset({"financial_services", "banking", "insurance", "pharmaceuticals", "healthcare"})
NOBODY = "none"
PRIORITY_SCALE = (1, 5)
HEADCOUNT_RANGE = (0, 10_000_000)
CAPACITY_RANGE = (0, 100)


@dataclass(frozen=True)
class Question:
    """One question: what to ask, how to explain it, its default, and how to check the answer.

    `kind` is text, choice, multi, int or yes_no. `default` is a value or a
    function of the answers so far. A choice is `(id, label)`; with `named`,
    the labels are names a person may type instead of the number (departments,
    regions), and `aliases` are more such names (the English ones, when the
    labels are translated). An int answer must lie within `bounds`. `check` returns a reason
    to refuse an already parsed answer, or None.
    """

    key: str
    section: str
    prompt: str
    kind: str
    default: Any = ""
    choices: tuple[tuple[str, str], ...] = ()
    named: bool = False
    aliases: tuple[tuple[str, str], ...] = ()
    bounds: tuple[int, int] = HEADCOUNT_RANGE
    help: str = ""
    more: str = ""
    check: Callable[[Any], str | None] | None = None

    @property
    def step(self) -> int:
        """The section's number, for a "Step 3 of 7" indicator."""
        return SECTIONS.index(self.section) + 1

    def label(self, ident: str) -> str:
        """What a person reads for a choice: its name for named choices, else its id."""
        return dict(self.choices).get(ident, ident) if self.named else ident


# --- checks -----------------------------------------------------------------------


def _longest(limit: int) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if len(value) <= limit:
            return None
        return _("is too long ({count} characters; at most {limit})").format(count=len(value), limit=limit)

    return check


def _named(limit: int) -> Callable[[str], str | None]:
    """Refuse an empty name, which the org file would refuse later, away from the answer that caused it."""
    too_long = _longest(limit)
    return lambda value: _("must not be empty") if not value else too_long(value)


def _unique_name(taken: dict[str, str], limit: int) -> Callable[[str], str | None]:
    """Refuse a department name given already: later questions pick departments by name."""
    too_long = _longest(limit)

    def check(value: str) -> str | None:
        if value and name_key(value) in taken:
            return _("another department is already called {name}; give this one another name").format(
                name=repr(taken[name_key(value)])
            )
        return too_long(value)

    return check


def _country(value: str) -> str | None:
    if value and not re.fullmatch(r"[A-Za-z]{2}", value):
        return _("{value} is not a two-letter country code such as US, MX or DE").format(value=repr(value))
    return None


# --- the questions ----------------------------------------------------------------


def _industry_id(text: str) -> str:
    return text.strip().lower().replace(" ", "_").replace("-", "_")


def _headcount(function: str) -> Callable[[Answers], int]:
    base = DEPARTMENT_DEFAULTS[function].headcount
    return lambda answers: max(1, round(base * SIZE_FACTOR[answers.get("company.size", "midmarket")]))


def _labels(vocabulary: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """A vocabulary's choices with their descriptions in the language in use."""
    return tuple((ident, _(label)) for ident, label in vocabulary.items())


def company_questions() -> tuple[Question, ...]:
    """The questions about the company, first of all."""
    return (
        Question(
            "company.name",
            "The company",
            _("What is the company called?"),
            "text",
            _("My company"),
            help=_("The name that heads the recommendation and the org chart."),
            more=_(
                "Any name works: the whole company, a business unit or a brand. You can change it later in the org "
                "file."
            ),
            check=_named(200),
        ),
        Question(
            "company.industry",
            "The company",
            _("Which industry is it in?"),
            "text",
            "",
            help=_("Such as retail, airline, consumer goods, banking or software. Enter skips it."),
            more=_(
                "Some advice depends on the industry: in airlines, retail or utilities customer service carries "
                "more of the work with customers; in software or manufacturing the people who make the products "
                "hear more feedback."
            ),
            check=_longest(80),
        ),
        Question(
            "company.region",
            "The company",
            _("Where is the company based?"),
            "choice",
            "north_america",
            choices=_labels(REGIONS),
            named=True,
            aliases=tuple(REGIONS.items()),
            help=_("Its home region: type the number or the name."),
            more=_(
                "Departments serve the home region unless the org file says otherwise, and some advice depends on "
                "it: in Latin America, for example, customer service usually leads the work with customers."
            ),
        ),
        Question(
            "company.country",
            "The company",
            _("Which country, as a two-letter code?"),
            "text",
            "",
            help=_("Such as US, MX or DE. Enter skips it."),
            more=_("Your own rules can depend on the country; the built-in advice goes by region."),
            check=_country,
        ),
        Question(
            "company.size",
            "The company",
            _("How large is the company?"),
            "choice",
            "midmarket",
            choices=_labels(SIZES),
            help=_("By number of employees. It sets the headcounts suggested later."),
            more=_(
                "In small companies marketing tends to hold the accounts and leadership speaks for the company; "
                "larger ones spread the work across departments."
            ),
        ),
        Question(
            "company.regulated",
            "The company",
            _("Is it in a regulated industry?"),
            "yes_no",
            lambda answers: _industry_id(answers.get("company.industry", "")) in REGULATED_INDUSTRIES,
            help=_("Such as banking, insurance, health care or utilities."),
            more=_(
                "In a regulated company legal and risk review what is published and are asked about customer care "
                "and the accounts, and communications keeps control of reputation and of the accounts."
            ),
        ),
    )


def functions_question() -> Question:
    """Which functions the company has: each becomes a department."""
    return Question(
        "functions",
        "Functions",
        _("Which of these functions does the company have?"),
        "multi",
        DEFAULT_FUNCTIONS,
        choices=tuple((f, _(d)) for f, d in FUNCTIONS.items() if f != SOCIAL_TEAM),
        help=_("Each becomes a department; you name them next. A social media team comes later."),
        more=_(
            "Pick the functions that exist today, even small ones: the advice depends on who is there to be put in "
            "charge or to be asked. Keep legal and risk even if they are a few people: a crisis response needs "
            "them. The executive is the top of the org chart; every other department reports to it. An outside "
            "agency that runs social media for you counts too: pick agency, and give its name on the next screens."
        ),
    )


def social_question() -> Question:
    """Whether there is a social media team of its own."""
    return Question(
        "social.team",
        "Social media team",
        _("Is there a dedicated social media team?"),
        "yes_no",
        False,
        help=_("A team whose main job is social media, however small."),
        more=_(
            "Many companies run social media from marketing without a team of its own. If there is one, the next "
            "questions ask where it reports and how its people are organized."
        ),
    )


def objectives_question() -> Question:
    """What social media should do for the company: the objectives."""
    return Question(
        "objectives",
        "Objectives",
        _("What should social media do for the company?"),
        "multi",
        DEFAULT_OBJECTIVES,
        choices=_labels(OBJECTIVE_KINDS),
        help=_("Pick what matters. The recommendation puts one department in charge of each."),
        more="\n".join(
            f"{n:>2} " + _("{name}: {description}").format(name=_(words.name), description=_(words.more))
            for n, words in enumerate(OBJECTIVE_DEFAULTS.values(), 1)
        ),
    )


def department_names(answers: Answers) -> dict[str, str]:
    """Department id -> name, for every department the answers create so far."""
    ids = list(answers.get("functions", ()))
    if answers.get("social.team"):
        ids.append(SOCIAL_TEAM)
    return {d: answers.get(f"department.{d}.name", _(DEPARTMENT_DEFAULTS[d].name)) for d in ids}


def _department_questions(function: str, answers: Answers) -> list[Question]:
    words = DEPARTMENT_DEFAULTS[function]
    section = "Social media team" if function == SOCIAL_TEAM else "Departments"
    named = {d: name for d, name in department_names(answers).items() if f"department.{d}.name" in answers}
    taken = {name_key(name): name for d, name in named.items() if d != function}
    called = answers.get(f"department.{function}.name", _(words.name))
    return [
        Question(
            f"department.{function}.name",
            section,
            _(words.called),
            "text",
            _(words.name),
            help=_("The name people use for it. You will pick departments by these names later."),
            more=_(
                "Use the name on your org chart, such as Guest Services for customer service, or the agency's "
                "own name. The recommendation and the org chart use it."
            ),
            check=_unique_name(taken, 200),
        ),
        Question(
            f"department.{function}.headcount",
            section,
            _(words.people).format(name=called),
            "int",
            _headcount(function),
            bounds=HEADCOUNT_RANGE,
            help=_("A rough number is fine."),
            more=_(
                "The headcount suggests how much social media work the department can take on; you can change "
                "that at the end."
            ),
        ),
    ]


def _social_questions(answers: Answers) -> list[Question]:
    functions = answers["functions"]
    boss = next((f for f in ("marketing", "executive") if f in functions), functions[0])
    names = department_names(answers)
    return [
        *_department_questions(SOCIAL_TEAM, answers),
        Question(
            "social.reports_to",
            "Social media team",
            _("Which department does the social media team report to?"),
            "choice",
            boss,
            choices=tuple((f, names[f]) for f in functions),
            named=True,
            help=_("Type the number or the name."),
            more=_(
                "Most social teams sit inside marketing. A team placed apart from the departments that use what "
                "it learns tends to become a silo; the recommendation says who it needs to work with."
            ),
        ),
        Question(
            "social.structure",
            "Social media team",
            _("How are the team's people organized?"),
            "choice",
            "network",
            choices=_labels(STRUCTURES),
            help=_("By network (one person per platform) is the most common today."),
            more=_(
                "Most social teams organize by network, which deepens silos and keeps social data from the "
                "departments that could use it (E25). Working for the internal functions, or for audiences such as "
                "customers and candidates, works better (E28)."
            ),
        ),
    ]


def _objective_questions(answers: Answers) -> list[Question]:
    kinds = answers["objectives"]
    names = department_names(answers)
    owner = next((d for d in ("marketing", SOCIAL_TEAM) if d in names), NOBODY)
    out = [
        Question(
            f"objective.{kind}.priority",
            "Objectives",
            _(OBJECTIVE_DEFAULTS[kind].doing),
            "int",
            OBJECTIVE_DEFAULTS[kind].priority,
            bounds=PRIORITY_SCALE,
            help=_("From 1 (nice to have) to 5 (critical)."),
            more=_(OBJECTIVE_DEFAULTS[kind].more)
            + " "
            + _(
                "The more it matters, the more weight the recommendation gives to putting the best-suited "
                "department in charge of it."
            ),
        )
        for kind in kinds
    ]
    out += [
        Question(
            f"objective.{kind}.owner",
            "Today's owners",
            _(OBJECTIVE_DEFAULTS[kind].work),
            "choice",
            owner,
            choices=(*names.items(), (NOBODY, _("Nobody"))),
            named=True,
            aliases=((NOBODY, "Nobody"),),
            help=_("Whoever answers for it now, even if only by habit: type a number or a name."),
            more=_(
                "In charge means the one department that answers for the results, even when others do part of "
                "the work. Marketing is in charge of most social media today. The recommendation compares today's "
                "owners with the departments best suited to the work, and lists what would change. An outside "
                "agency is in the list only if you picked it among the functions."
            ),
        )
        for kind in kinds
    ]
    return out


def _capacity_questions(answers: Answers) -> list[Question]:
    owners = {answers[f"objective.{kind}.owner"] for kind in answers["objectives"]}
    names = department_names(answers)
    # An agency is never put in charge (governance.agency-never-accountable), so its capacity is not asked.
    main = [d for d in names if d != "agency" and (d in MAIN_FUNCTIONS or d in owners)]
    count = len(answers["objectives"])
    return [
        Question(
            f"department.{d}.capacity",
            "Capacity",
            _("How many social media objectives could {department} run well next year?").format(department=names[d]),
            "int",
            capacity_from_headcount(answers[f"department.{d}.headcount"]),
            bounds=CAPACITY_RANGE,
            help=ngettext(
                "Out of the {count} you picked. The suggestion follows from its headcount.",
                "Out of the {count} you picked. The suggestion follows from its headcount.",
                count,
            ).format(count=count),
            more=_(
                "Think of next year's plan: with the people and budget {department} has, beside its other work, "
                "how many of the objectives you picked could it lead and do well? The recommendation puts it in "
                "charge of no more than that, and says so if it is in charge of more today."
            ).format(department=names[d]),
        )
        for d in main
    ]


def questions(answers: Answers) -> list[Question]:
    """The questions the interview asks given the answers so far, in order.

    The list stops where the next questions depend on an answer not given yet.
    """
    out = [*company_questions(), functions_question()]
    if "functions" not in answers:
        return out
    for function in answers["functions"]:
        out += _department_questions(function, answers)
    out.append(social_question())
    if "social.team" not in answers:
        return out
    if answers["social.team"]:
        out += _social_questions(answers)
    out.append(objectives_question())
    if "objectives" not in answers:
        return out
    out += _objective_questions(answers)
    if all(f"objective.{kind}.owner" in answers for kind in answers["objectives"]):
        out += _capacity_questions(answers)
    return out


def next_question(answers: Answers) -> Question | None:
    """The first unanswered question, or None when the interview is complete."""
    return next((q for q in questions(answers) if q.key not in answers), None)


def default_of(question: Question, answers: Answers) -> Any:
    """The question's default, worked out from the answers so far when it depends on them."""
    value = question.default(answers) if callable(question.default) else question.default
    return list(value) if question.kind == "multi" else value
