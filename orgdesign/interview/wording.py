"""How the interview speaks of each function and objective kind, and what it suggests for them.

The words are written for a CMO who has never seen an org file: "How much does
owning the accounts and the guidelines matter?", not an objective id. The
suggested headcounts and priorities describe a plausible midmarket company.
"""

from __future__ import annotations

from dataclasses import dataclass

SOCIAL_TEAM = "social_media"


@dataclass(frozen=True)
class DepartmentWords:
    """How the interview speaks of a function's department, and the midmarket headcount it suggests."""

    name: str  # the usual name, offered as the default
    called: str  # "your customer service department", in "What is ... called?"
    headcount: int
    people: str = "About how many people work in {name}?"


DEPARTMENT_DEFAULTS: dict[str, DepartmentWords] = {
    "executive": DepartmentWords("Executive Office", "your executive leadership (CEO, board)", 10),
    "marketing": DepartmentWords("Marketing", "your marketing department", 40),
    "communications": DepartmentWords("Communications", "your communications or PR department", 12),
    "customer_service": DepartmentWords("Customer Service", "your customer service department", 120),
    "sales": DepartmentWords("Sales", "your sales department", 80),
    "hr": DepartmentWords("Human Resources", "your human resources department", 25),
    "product": DepartmentWords("Product Management", "your product management department", 30),
    "rnd": DepartmentWords("Research & Development", "your R&D department", 60),
    "it": DepartmentWords("IT", "your IT department", 60),
    "legal": DepartmentWords("Legal", "your legal department", 8),
    "risk": DepartmentWords("Risk Management", "your risk or compliance department", 10),
    "finance": DepartmentWords("Finance", "your finance department", 30),
    "distribution": DepartmentWords("Distribution", "your distribution or channel department", 40),
    "social_media": DepartmentWords("Social Media", "your social media team", 4),
    "agency": DepartmentWords(
        "Social Media Agency", "your outside agency", 5, "About how many people at {name} work for you?"
    ),
    "community": DepartmentWords("Community", "your community team", 6),
    "analytics": DepartmentWords("Analytics", "your analytics or insight department", 10),
    "ecommerce": DepartmentWords("E-commerce", "your e-commerce department", 25),
    "foundation": DepartmentWords("Foundation", "your corporate foundation", 5),
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
    doing: str  # "owning the accounts and the guidelines", in "How much does ... matter?"
    work: str  # "the accounts and the guidelines", in "Who is in charge of ... today?"
    priority: int
    more: str  # the longer `?` help


OBJECTIVE_DEFAULTS: dict[str, ObjectiveWords] = {
    "listening": ObjectiveWords(
        "Social listening",
        "listening to what people say about the company",
        "social listening",
        4,
        "Tracking mentions, sentiment and topics about the company, its products and competitors, and passing "
        "what matters to the people who can act on it.",
    ),
    "customer_care": ObjectiveWords(
        "Social customer care",
        "answering customers on social media",
        "answering customers on social media",
        5,
        "Answering questions, complaints and service requests that customers post or send on social networks, "
        "as quickly as people expect an answer there.",
    ),
    "brand_content": ObjectiveWords(
        "Brand content",
        "publishing the brand's own content",
        "the brand's own content",
        4,
        "Planning and publishing the brand's posts, videos and campaigns on its own accounts.",
    ),
    "reputation": ObjectiveWords(
        "Reputation and crises",
        "protecting the reputation and handling crises",
        "reputation and crises",
        5,
        "Press and public relations on social networks: spotting issues early, answering critics and leading "
        "the response when a crisis breaks.",
    ),
    "social_selling": ObjectiveWords(
        "Social selling",
        "winning customers through social networks",
        "social selling",
        3,
        "Using social networks to find, approach and win customers, often by sales people on their own profiles.",
    ),
    "employer_brand": ObjectiveWords(
        "Employer brand",
        "showing the company as a place to work",
        "the employer brand",
        3,
        "Attracting candidates, presenting the company as a place to work and looking after what employees and "
        "applicants say about it.",
    ),
    "product_insight": ObjectiveWords(
        "Product insight",
        "getting customer feedback to the product teams",
        "customer feedback to the product teams",
        3,
        "Collecting ideas, feedback and complaints about products and getting them to product management and R&D.",
    ),
    "community": ObjectiveWords(
        "Community",
        "running communities of customers and fans",
        "communities of customers and fans",
        3,
        "Running groups, forums or fan communities where customers meet each other and the company.",
    ),
    "employee_advocacy": ObjectiveWords(
        "Employee advocacy",
        "helping employees speak for the company",
        "employee advocacy",
        3,
        "Helping employees share company news and speak for the company, with guidelines and training.",
    ),
    "paid_social": ObjectiveWords(
        "Paid social",
        "advertising on social networks",
        "advertising on social networks",
        3,
        "Buying and managing ads on social networks: targeting, budgets and results.",
    ),
    "market_intelligence": ObjectiveWords(
        "Market intelligence",
        "turning social data into market insight",
        "market insight from social data",
        3,
        "Turning social data into insight about consumers and competitors that feeds CRM, business intelligence "
        "and planning.",
    ),
    "partner_data_sharing": ObjectiveWords(
        "Data sharing with partners",
        "sharing social data with partners",
        "sharing social data with partners",
        3,
        "Sharing social data and insight with brokers, retailers and distributors who sell for the company.",
    ),
    "account_governance": ObjectiveWords(
        "Accounts and guidelines",
        "owning the accounts and the guidelines",
        "the accounts and the guidelines",
        3,
        "Holding the company's social accounts, deciding who has access to them, and keeping the guidelines "
        "everyone posting for the company follows.",
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
