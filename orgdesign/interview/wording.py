"""How the interview speaks of each function and objective kind, and what it suggests for them.

The words are written for a CMO who has never seen an org file: "How much does
owning the accounts and the guidelines matter?", not an objective id. The
suggested headcounts and priorities describe a plausible midmarket company.

Every text here is English marked with `N_`; the questions translate it when
they are made. Each question is a whole sentence, so a translator never has
to fit a phrase into an English sentence's word order.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesign.i18n import N_

SOCIAL_TEAM = "social_media"


@dataclass(frozen=True)
class DepartmentWords:
    """How the interview speaks of a function's department, and the midmarket headcount it suggests."""

    name: str  # the usual name, offered as the default
    called: str  # "What is your customer service department called?"
    headcount: int
    people: str = N_("About how many people work in {name}?")


DEPARTMENT_DEFAULTS: dict[str, DepartmentWords] = {
    "executive": DepartmentWords(
        N_("Executive Office"), N_("What is your executive leadership (CEO, board) called?"), 10
    ),
    "marketing": DepartmentWords(N_("Marketing"), N_("What is your marketing department called?"), 40),
    "communications": DepartmentWords(
        N_("Communications"), N_("What is your communications or PR department called?"), 12
    ),
    "customer_service": DepartmentWords(
        N_("Customer Service"), N_("What is your customer service department called?"), 120
    ),
    "sales": DepartmentWords(N_("Sales"), N_("What is your sales department called?"), 80),
    "hr": DepartmentWords(N_("Human Resources"), N_("What is your human resources department called?"), 25),
    "product": DepartmentWords(N_("Product Management"), N_("What is your product management department called?"), 30),
    "rnd": DepartmentWords(N_("Research & Development"), N_("What is your R&D department called?"), 60),
    "it": DepartmentWords(N_("IT"), N_("What is your IT department called?"), 60),
    "legal": DepartmentWords(N_("Legal"), N_("What is your legal department called?"), 8),
    "risk": DepartmentWords(N_("Risk Management"), N_("What is your risk or compliance department called?"), 10),
    "finance": DepartmentWords(N_("Finance"), N_("What is your finance department called?"), 30),
    "distribution": DepartmentWords(
        N_("Distribution"), N_("What is your distribution or channel department called?"), 40
    ),
    "social_media": DepartmentWords(N_("Social Media"), N_("What is your social media team called?"), 4),
    "agency": DepartmentWords(
        N_("Social Media Agency"),
        N_("What is your outside agency called?"),
        5,
        N_("About how many people at {name} work for you?"),
    ),
    "community": DepartmentWords(N_("Community"), N_("What is your community team called?"), 6),
    "analytics": DepartmentWords(N_("Analytics"), N_("What is your analytics or insight department called?"), 10),
    "ecommerce": DepartmentWords(N_("E-commerce"), N_("What is your e-commerce department called?"), 25),
    "foundation": DepartmentWords(N_("Foundation"), N_("What is your corporate foundation called?"), 5),
}
# Legal and risk are in the defaults because the rules require them to be consulted on reputation (a default
# objective), and IT because it must take part in listening; leaving them out makes every default run warn.
DEFAULT_FUNCTIONS = (
    "executive",
    "marketing",
    "communications",
    "customer_service",
    "sales",
    "hr",
    "it",
    "legal",
    "risk",
)


@dataclass(frozen=True)
class ObjectiveWords:
    """How the interview speaks of an objective kind, and the priority it suggests."""

    name: str  # "Accounts and guidelines": the objective's name in the org file
    doing: str  # "How much does owning the accounts and the guidelines matter?"
    work: str  # "Who is in charge of the accounts and the guidelines today?"
    priority: int
    more: str  # the longer `?` help


OBJECTIVE_DEFAULTS: dict[str, ObjectiveWords] = {
    "listening": ObjectiveWords(
        N_("Social listening"),
        N_("How much does listening to what people say about the company matter?"),
        N_("Who is in charge of social listening today?"),
        4,
        N_(
            "Tracking mentions, sentiment and topics about the company, its products and competitors, and passing "
            "what matters to the people who can act on it."
        ),
    ),
    "customer_care": ObjectiveWords(
        N_("Social customer care"),
        N_("How much does answering customers on social media matter?"),
        N_("Who is in charge of answering customers on social media today?"),
        5,
        N_(
            "Answering questions, complaints and service requests that customers post or send on social networks, "
            "as quickly as people expect an answer there."
        ),
    ),
    "brand_content": ObjectiveWords(
        N_("Brand content"),
        N_("How much does publishing the brand's own content matter?"),
        N_("Who is in charge of the brand's own content today?"),
        4,
        N_("Planning and publishing the brand's posts, videos and campaigns on its own accounts."),
    ),
    "reputation": ObjectiveWords(
        N_("Reputation and crises"),
        N_("How much does protecting the reputation and handling crises matter?"),
        N_("Who is in charge of reputation and crises today?"),
        5,
        N_(
            "Press and public relations on social networks: spotting issues early, answering critics and leading "
            "the response when a crisis breaks."
        ),
    ),
    "social_selling": ObjectiveWords(
        N_("Social selling"),
        N_("How much does winning customers through social networks matter?"),
        N_("Who is in charge of social selling today?"),
        3,
        N_("Using social networks to find, approach and win customers, often by sales people on their own profiles."),
    ),
    "employer_brand": ObjectiveWords(
        N_("Employer brand"),
        N_("How much does showing the company as a place to work matter?"),
        N_("Who is in charge of the employer brand today?"),
        3,
        N_(
            "Attracting candidates, presenting the company as a place to work and looking after what employees "
            "and applicants say about it."
        ),
    ),
    "product_insight": ObjectiveWords(
        N_("Product insight"),
        N_("How much does getting customer feedback to the product teams matter?"),
        N_("Who is in charge of customer feedback to the product teams today?"),
        3,
        N_("Collecting ideas, feedback and complaints about products and getting them to product management and R&D."),
    ),
    "community": ObjectiveWords(
        N_("Community"),
        N_("How much does running communities of customers and fans matter?"),
        N_("Who is in charge of communities of customers and fans today?"),
        3,
        N_("Running groups, forums or fan communities where customers meet each other and the company."),
    ),
    "employee_advocacy": ObjectiveWords(
        N_("Employee advocacy"),
        N_("How much does helping employees speak for the company matter?"),
        N_("Who is in charge of employee advocacy today?"),
        3,
        N_("Helping employees share company news and speak for the company, with guidelines and training."),
    ),
    "paid_social": ObjectiveWords(
        N_("Paid social"),
        N_("How much does advertising on social networks matter?"),
        N_("Who is in charge of advertising on social networks today?"),
        3,
        N_("Buying and managing ads on social networks: targeting, budgets and results."),
    ),
    "market_intelligence": ObjectiveWords(
        N_("Market intelligence"),
        N_("How much does turning social data into market insight matter?"),
        N_("Who is in charge of market insight from social data today?"),
        3,
        N_(
            "Turning social data into insight about consumers and competitors that feeds CRM, business "
            "intelligence and planning."
        ),
    ),
    "partner_data_sharing": ObjectiveWords(
        N_("Data sharing with partners"),
        N_("How much does sharing social data with partners matter?"),
        N_("Who is in charge of sharing social data with partners today?"),
        3,
        N_("Sharing social data and insight with brokers, retailers and distributors who sell for the company."),
    ),
    "account_governance": ObjectiveWords(
        N_("Accounts and guidelines"),
        N_("How much does owning the accounts and the guidelines matter?"),
        N_("Who is in charge of the accounts and the guidelines today?"),
        3,
        N_(
            "Holding the company's social accounts, deciding who has access to them, and keeping the guidelines "
            "everyone posting for the company follows."
        ),
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
