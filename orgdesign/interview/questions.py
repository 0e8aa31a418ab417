"""The questions as data: what the interview asks, in which order, with which defaults.

The questions are a function of the answers so far: each chosen function
brings its name and headcount questions, each chosen objective its priority
and current owner. Answers are keyed by stable strings (`company.name`,
`functions`, `department.marketing.headcount`, `objective.customer_care.priority`)
that come back in the same order for the same answers, which is what makes a
draft resumable and an answers file replayable (`session.py`).

Every question has a default, and the defaults describe a plausible
midmarket company whose marketing department runs social media out of habit
(E13), so pressing Enter throughout still ends in a valid org.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from orgdesign.input.capacity import capacity_from_headcount
from orgdesign.vocabulary import FUNCTIONS, OBJECTIVE_KINDS, REGIONS, SIZES, STRUCTURES

Answers = dict[str, Any]

SECTIONS = (
    "The company",
    "Functions",
    "Departments",
    "Social media team",
    "Objectives",
    "Today's owners",
    "Capacity",
)

# Display name and midmarket headcount that the department questions suggest.
DEPARTMENT_DEFAULTS: dict[str, tuple[str, int]] = {
    "executive": ("Executive Office", 10),
    "marketing": ("Marketing", 40),
    "communications": ("Communications", 12),
    "customer_service": ("Customer Service", 120),
    "sales": ("Sales", 80),
    "hr": ("Human Resources", 25),
    "product": ("Product Management", 30),
    "rnd": ("Research & Development", 60),
    "it": ("IT", 60),
    "legal": ("Legal", 8),
    "risk": ("Risk Management", 10),
    "finance": ("Finance", 30),
    "distribution": ("Distribution", 40),
    "social_media": ("Social Media Team", 4),
    "agency": ("Agency", 5),
    "community": ("Community", 6),
    "analytics": ("Analytics", 10),
    "ecommerce": ("E-commerce", 25),
    "foundation": ("Foundation", 5),
}
SIZE_FACTOR = {"small": 0.2, "midmarket": 1, "enterprise": 10}
DEFAULT_FUNCTIONS = ("executive", "marketing", "communications", "customer_service", "sales", "hr", "it", "legal")
SOCIAL_TEAM = "social_media"

# Objective kind -> (display name, default priority, the longer `?` help).
OBJECTIVE_DEFAULTS: dict[str, tuple[str, int, str]] = {
    "listening": (
        "Social listening",
        4,
        "Tracking mentions, sentiment and topics about the company, its products "
        "and competitors, and passing what matters to the people who can act on it.",
    ),
    "customer_care": (
        "Social customer care",
        5,
        "Answering questions, complaints and service requests that "
        "customers post or send on social networks, as quickly as people expect an answer there.",
    ),
    "brand_content": (
        "Brand content",
        4,
        "Planning and publishing the brand's posts, videos and campaigns on its own accounts.",
    ),
    "reputation": (
        "Reputation and crises",
        5,
        "Press and public relations on social networks: spotting issues "
        "early, answering critics and leading the response when a crisis breaks.",
    ),
    "social_selling": (
        "Social selling",
        3,
        "Using social networks to find, approach and win customers, often by sales people on their own profiles.",
    ),
    "employer_brand": (
        "Employer brand",
        3,
        "Attracting candidates, presenting the company as a place to work and "
        "looking after what employees and applicants say about it.",
    ),
    "product_insight": (
        "Product insight",
        3,
        "Collecting ideas, feedback and complaints about products and getting them to product management and R&D.",
    ),
    "community": (
        "Community",
        3,
        "Running groups, forums or fan communities where customers meet each other and the company.",
    ),
    "employee_advocacy": (
        "Employee advocacy",
        3,
        "Helping employees share company news and speak for the company, with guidelines and training.",
    ),
    "paid_social": ("Paid social", 3, "Buying and managing ads on social networks: targeting, budgets and results."),
    "market_intelligence": (
        "Market intelligence",
        3,
        "Turning social data into insight about consumers and "
        "competitors that feeds CRM, business intelligence and planning.",
    ),
    "partner_data_sharing": (
        "Data sharing with partners",
        3,
        "Sharing social data and insight with brokers, retailers and distributors who sell for the company.",
    ),
    "account_governance": (
        "Accounts and guidelines",
        3,
        "Holding the company's social accounts, who has access to "
        "them, and the guidelines everyone posting for the company follows.",
    ),
}
DEFAULT_OBJECTIVES = (
    "listening",
    "customer_care",
    "brand_content",
    "reputation",
    "employer_brand",
    "account_governance",
)
MAIN_FUNCTIONS = ("social_media", "marketing", "communications", "customer_service")
REGULATED_INDUSTRIES = frozenset({"financial_services", "banking", "insurance", "pharmaceuticals", "healthcare"})
NOBODY = "none"


@dataclass(frozen=True)
class Question:
    """One question: what to ask, how to explain it, its default, and how to check the answer.

    `kind` is text, choice, multi, int or yes_no. `default` is a value or a
    function of the answers so far. `check` returns a reason to refuse an
    already parsed answer, or None.
    """

    key: str
    section: str
    prompt: str
    kind: str
    default: Any = ""
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    more: str = ""
    check: Callable[[Any], str | None] | None = None

    @property
    def step(self) -> int:
        """The section's number, for a "Step 3 of 7" indicator."""
        return SECTIONS.index(self.section) + 1


# --- checks -----------------------------------------------------------------------


def _longest(limit: int) -> Callable[[str], str | None]:
    return lambda value: f"is too long ({len(value)} characters; at most {limit})" if len(value) > limit else None


def _named(limit: int) -> Callable[[str], str | None]:
    """Refuse an empty name, which the org file would refuse later, away from the answer that caused it."""
    too_long = _longest(limit)
    return lambda value: "must not be empty" if not value else too_long(value)


def _between(low: int, high: int) -> Callable[[int], str | None]:
    return lambda value: None if low <= value <= high else f"{value} is out of range: give {low} to {high:,}"


def _country(value: str) -> str | None:
    if value and not re.fullmatch(r"[A-Za-z]{2}", value):
        return f"{value!r} is not a two-letter country code such as US, MX or DE"
    return None


# --- the questions ----------------------------------------------------------------


def _industry_id(text: str) -> str:
    return text.strip().lower().replace(" ", "_").replace("-", "_")


def _headcount(function: str) -> Callable[[Answers], int]:
    base = DEPARTMENT_DEFAULTS[function][1]
    return lambda answers: max(1, round(base * SIZE_FACTOR[answers.get("company.size", "midmarket")]))


COMPANY = (
    Question(
        "company.name",
        "The company",
        "What is the company called?",
        "text",
        "My company",
        help="The name that heads the recommendation and the org chart.",
        more="Any name works: the whole company, a business unit or a brand. You can change it later in the org file.",
        check=_named(200),
    ),
    Question(
        "company.industry",
        "The company",
        "Which industry is it in?",
        "text",
        "",
        help="Free text such as airline, retail, consumer_goods, financial_services or software. Enter skips it.",
        more="Some rules know what is typical of an industry: in airlines, retail or utilities customer service "
        "carries more of the customer-facing work; in software or manufacturing R&D hears more product feedback.",
        check=_longest(80),
    ),
    Question(
        "company.region",
        "The company",
        "Where is the company based?",
        "choice",
        "north_america",
        choices=tuple(REGIONS.items()),
        help="Its home region; type the number or the id.",
        more="Departments serve the home region unless the org file says otherwise, and a few rules depend on "
        "it: in Latin America, for example, customer service usually leads customer-facing work.",
    ),
    Question(
        "company.country",
        "The company",
        "Which country, as a two-letter code?",
        "text",
        "",
        help="An ISO 3166 code such as US, MX or DE. Enter skips it.",
        more="Your own rule packs can match the country; the built-in rules go by region.",
        check=_country,
    ),
    Question(
        "company.size",
        "The company",
        "How large is the company?",
        "choice",
        "midmarket",
        choices=tuple(SIZES.items()),
        help="It sets the headcounts suggested later and some rules for small companies.",
        more="In small companies marketing tends to hold the accounts and leadership speaks for the company; "
        "larger ones spread the work across departments.",
    ),
    Question(
        "company.regulated",
        "The company",
        "Is it in a regulated industry?",
        "yes_no",
        lambda answers: _industry_id(answers.get("company.industry", "")) in REGULATED_INDUSTRIES,
        help="Banking, insurance, health, utilities...: then legal and risk take part in more decisions.",
        more="In a regulated company legal reviews what is published, risk is consulted on listening and "
        "care, and communications keeps control of reputation and of the accounts.",
    ),
)

FUNCTIONS_QUESTION = Question(
    "functions",
    "Functions",
    "Which functions does the company have?",
    "multi",
    DEFAULT_FUNCTIONS,
    choices=tuple((f, d) for f, d in FUNCTIONS.items() if f != SOCIAL_TEAM),
    help="Each one becomes a department. A dedicated social media team comes later.",
    more="Pick the functions that exist as departments today, even small ones: who can own an objective, and "
    "who must be consulted, depends on them. The executive is the top of the org chart; every other "
    "department reports to it. An external agency counts too.",
)

SOCIAL_QUESTION = Question(
    "social.team",
    "Social media team",
    "Is there a dedicated social media team?",
    "yes_no",
    False,
    help="A team whose main job is social media, however small.",
    more="Many companies run social media from marketing without a team of its own. If there is one, the "
    "next questions ask where it reports and how its people are organized.",
)

OBJECTIVES_QUESTION = Question(
    "objectives",
    "Objectives",
    "What should social media do for the company?",
    "multi",
    DEFAULT_OBJECTIVES,
    choices=tuple(OBJECTIVE_KINDS.items()),
    help="Pick the objectives that matter; each gets an owner in the recommendation.",
    more="\n".join(f"- {kind}: {more}" for kind, (_, _, more) in OBJECTIVE_DEFAULTS.items()),
)


def department_names(answers: Answers) -> dict[str, str]:
    """Department id -> name, for every department the answers create so far."""
    ids = list(answers.get("functions", ()))
    if answers.get("social.team"):
        ids.append(SOCIAL_TEAM)
    return {d: answers.get(f"department.{d}.name", DEPARTMENT_DEFAULTS[d][0]) for d in ids}


def _department_questions(function: str, answers: Answers) -> list[Question]:
    name, _ = DEPARTMENT_DEFAULTS[function]
    section = "Social media team" if function == SOCIAL_TEAM else "Departments"
    unit = "team" if function == SOCIAL_TEAM else "department"
    called = answers.get(f"department.{function}.name", name)
    return [
        Question(
            f"department.{function}.name",
            section,
            f"{FUNCTIONS[function]}: what is the {unit} called?",
            "text",
            name,
            help="The name people use for it; it appears in the recommendation.",
            more="Use the name on the org chart. Its id in the org file stays "
            f"{function!r}, which is how the commands refer to it.",
            check=_longest(200),
        ),
        Question(
            f"department.{function}.headcount",
            section,
            f"About how many people work in {called}?",
            "int",
            _headcount(function),
            help="A rough number is fine.",
            more="Headcount suggests how many social media objectives the department can own, which you can "
            "adjust at the end.",
            check=_between(0, 10_000_000),
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
            "Where does the social media team report?",
            "choice",
            boss,
            choices=tuple((f, names[f]) for f in functions),
            help="The department it belongs to.",
            more="Most social teams sit inside marketing. A team placed apart from the departments that use its "
            "insights tends to become a silo; the recommendation says which links it needs.",
        ),
        Question(
            "social.structure",
            "Social media team",
            "How are its people organized?",
            "choice",
            "network",
            choices=tuple(STRUCTURES.items()),
            help="By network is the most common today.",
            more="Most social teams organize by network (one person for each platform), which deepens silos and "
            "limits access to social data (E25). Aligning social experts with internal functions or with "
            "audiences works better (E28).",
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
            f"How much does {OBJECTIVE_DEFAULTS[kind][0].lower()} matter?",
            "int",
            OBJECTIVE_DEFAULTS[kind][1],
            help=f"{OBJECTIVE_KINDS[kind]}. From 1 (nice to have) to 5 (critical).",
            more=OBJECTIVE_DEFAULTS[kind][2],
            check=_between(1, 5),
        )
        for kind in kinds
    ]
    out += [
        Question(
            f"objective.{kind}.owner",
            "Today's owners",
            f"Who owns {OBJECTIVE_DEFAULTS[kind][0].lower()} today?",
            "choice",
            owner,
            choices=(*names.items(), (NOBODY, "Nobody owns it today")),
            help="The department accountable for it now, even if it happened by habit.",
            more="Marketing owns social media most often today (E13). The recommendation compares today's owner "
            "with the one that fits best, and lists what would change.",
        )
        for kind in kinds
    ]
    return out


def _capacity_questions(answers: Answers) -> list[Question]:
    owners = {answers[f"objective.{kind}.owner"] for kind in answers["objectives"]}
    names = department_names(answers)
    main = [d for d in names if d in MAIN_FUNCTIONS or d in owners]
    return [
        Question(
            f"department.{d}.capacity",
            "Capacity",
            f"How many social media objectives can {names[d]} own?",
            "int",
            capacity_from_headcount(answers[f"department.{d}.headcount"]),
            help="The suggestion follows from its headcount.",
            more="Capacity keeps one department from taking everything when others fit nearly as well. A "
            "department that owns more objectives than its capacity today is reported as overloaded.",
            check=_between(0, 100),
        )
        for d in main
    ]


def questions(answers: Answers) -> list[Question]:
    """The questions the interview asks given the answers so far, in order.

    The list stops where the next questions depend on an answer not given yet.
    """
    out = [*COMPANY, FUNCTIONS_QUESTION]
    if "functions" not in answers:
        return out
    for function in answers["functions"]:
        out += _department_questions(function, answers)
    out.append(SOCIAL_QUESTION)
    if "social.team" not in answers:
        return out
    if answers["social.team"]:
        out += _social_questions(answers)
    out.append(OBJECTIVES_QUESTION)
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
