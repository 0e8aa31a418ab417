"""Canonical ids shared by org files, rule packs and the interview.

Rule packs may extend the function and objective-kind lists (see
`Vocabulary.extended`), so validation asks a `Vocabulary` object rather than
module constants directly.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from orgdesign.i18n import N_, _

FUNCTIONS: dict[str, str] = {
    "executive": N_("Executive leadership (CEO, managing board)"),
    "marketing": N_("Marketing"),
    "communications": N_("Communications and PR"),
    "customer_service": N_("Customer service and customer relations"),
    "sales": N_("Sales and account management"),
    "hr": N_("Human resources and recruiting"),
    "product": N_("Product management"),
    "rnd": N_("Research and development"),
    "it": N_("IT and data platforms"),
    "legal": N_("Legal and compliance"),
    "risk": N_("Risk management"),
    "finance": N_("Finance"),
    "distribution": N_("Distribution and channel management"),
    "social_media": N_("A dedicated social media team"),
    "agency": N_("An external agency or outsourced team"),
    "community": N_("Community management"),
    "analytics": N_("Analytics, insight and business intelligence"),
    "ecommerce": N_("E-commerce and online channels"),
    "foundation": N_("Corporate foundation"),
}

OBJECTIVE_KINDS: dict[str, str] = {
    "listening": N_("Monitor what people say about the company and its market"),
    "customer_care": N_("Answer customers' questions and complaints on social networks"),
    "brand_content": N_("Publish the brand's own content and campaigns"),
    "reputation": N_("Protect the company's reputation: PR, issues and crises"),
    "social_selling": N_("Find and win leads and customers through social networks"),
    "employer_brand": N_("Recruit and look after the employer's reputation"),
    "product_insight": N_("Feed what customers say back to product and R&D"),
    "community": N_("Run and grow communities of customers and fans"),
    "employee_advocacy": N_("Enable employees to speak for the company"),
    "paid_social": N_("Buy and manage advertising on social networks"),
    "market_intelligence": N_("Turn social data into consumer and competitor insight for CRM and BI"),
    "partner_data_sharing": N_("Share social data with brokers, retailers and distributors"),
    "account_governance": N_("Hold the accounts, credentials and social media guidelines"),
}

REGIONS: dict[str, str] = {
    "north_america": N_("North America"),
    "latin_america": N_("Latin America"),
    "europe": N_("Europe"),
    "asia_pacific": N_("Asia-Pacific"),
    "middle_east_africa": N_("Middle East and Africa"),
}

SIZES: dict[str, str] = {
    "small": N_("Up to about 250 employees"),
    "midmarket": N_("About 250 to 5,000 employees"),
    "enterprise": N_("More than about 5,000 employees"),
}

STRUCTURES: dict[str, str] = {
    "network": N_("Organized by social network (one person per platform)"),
    "function": N_("Organized by the internal functions it serves"),
    "audience": N_("Organized by audience (customers, candidates, investors...)"),
}

# Skills that the built-in rules read, and the other words people write for them.
# Rules and departments are both matched through `canonical_skill`, so a pack
# that says `pr` and a file that says `press_relations` meet.
SKILLS: dict[str, str] = {
    "analytics": N_("Measuring, reporting and research on what customers say and do"),
    "channel_partners": N_("Working with brokers, retailers, distributors and dealers"),
    "community": N_("Running communities of customers, fans or users"),
    "compliance": N_("Reviewing promotions and posts against regulation"),
    "content": N_("Writing, filming and designing what the brand publishes"),
    "crisis": N_("A crisis path: handling issues before they spread"),
    "customer_experience": N_("Designing the customer journey across support, community and product"),
    "customer_support": N_("Resolving customer questions and complaints"),
    "data": N_("Customer data, CRM and business intelligence"),
    "employer_branding": N_("The employer's reputation with candidates and employees"),
    "governance": N_("Writing the guidelines, approval tiers and access rules for the accounts"),
    "media_relations": N_("Press and public relations"),
    "paid_media": N_("Planning and buying advertising"),
    "recruiting": N_("Finding and hiring people"),
    "social_care": N_("Answering customers who write through social networks"),
    "social_selling": N_("Prospecting and winning leads through social networks"),
    "training": N_("Teaching other teams to use social media well"),
}
SKILL_SYNONYMS: dict[str, str] = {
    "pr": "media_relations",
    "press_relations": "media_relations",
    "public_relations": "media_relations",
    "press": "media_relations",
    "press_office": "media_relations",
    "employer_brand": "employer_branding",
    "talent_acquisition": "recruiting",
    "hiring": "recruiting",
    "social_recruiting": "recruiting",
    "support": "customer_support",
    "complaints": "customer_support",
    "helpdesk": "customer_support",
    "social_customer_care": "social_care",
    "social_support": "social_care",
    "bi": "data",
    "business_intelligence": "data",
    "crm": "data",
    "data_science": "data",
    "insights": "analytics",
    "measurement": "analytics",
    "market_research": "analytics",
    "customer_research": "analytics",
    "copywriting": "content",
    "video": "content",
    "photography": "content",
    "editorial": "content",
    "crisis_management": "crisis",
    "issues_management": "crisis",
    "prospecting": "social_selling",
    "lead_generation": "social_selling",
    "community_management": "community",
    "forums": "community",
    "advertising": "paid_media",
    "media_buying": "paid_media",
    "paid_social": "paid_media",
    "distributors": "channel_partners",
    "dealers": "channel_partners",
    "trade_partners": "channel_partners",
    "guidelines": "governance",
    "access_control": "governance",
    "enablement": "training",
    "cx": "customer_experience",
    "regulatory": "compliance",
    "regulatory_affairs": "compliance",
    "financial_promotions": "compliance",
    "conduct": "compliance",
}


def canonical_skill(skill: str) -> str:
    """The vocabulary's word for a skill, so synonyms match the same rules.

    >>> canonical_skill("Press relations")
    'media_relations'
    """
    word = skill.strip().lower().replace(" ", "_").replace("-", "_")
    return SKILL_SYNONYMS.get(word, word)


@dataclass(frozen=True)
class Vocabulary:
    """The ids an org file may use; built-in lists plus what rule packs add."""

    functions: frozenset[str] = frozenset(FUNCTIONS)
    objective_kinds: frozenset[str] = frozenset(OBJECTIVE_KINDS)
    regions: frozenset[str] = frozenset(REGIONS)
    sizes: frozenset[str] = frozenset(SIZES)
    structures: frozenset[str] = frozenset(STRUCTURES)

    def extended(self, functions=(), objective_kinds=()) -> Vocabulary:
        """Return a copy that also accepts the given functions and kinds."""
        return Vocabulary(
            self.functions | frozenset(functions),
            self.objective_kinds | frozenset(objective_kinds),
            self.regions,
            self.sizes,
            self.structures,
        )


BUILTIN = Vocabulary()


DESCRIPTIONS: dict[str, dict[str, str]] = {
    "function": FUNCTIONS,
    "objective_kind": OBJECTIVE_KINDS,
    "region": REGIONS,
    "size": SIZES,
    "structure": STRUCTURES,
    "skill": SKILLS,
}


def describe(kind: str, ident: str) -> str:
    """The human description of a vocabulary id, in the language in use; the id itself when it has none.

    `kind` is function, objective_kind, region, size, structure or skill.

    >>> describe("region", "latin_america")
    'Latin America'
    """
    text = DESCRIPTIONS[kind].get(ident)
    return _(text) if text else ident


def did_you_mean(value: str, choices) -> str:
    """Return ` (did you mean 'x'?)` for the closest choice, or ''.

    >>> did_you_mean("custmer_service", ["customer_service", "sales"])
    " (did you mean 'customer_service'?)"
    """
    close = difflib.get_close_matches(str(value).lower(), sorted(choices), n=1, cutoff=0.6)
    return " " + _("(did you mean {choice}?)").format(choice=f"'{close[0]}'") if close else ""


# "unknown <what> 'x'" as whole sentences, so each language can agree the adjective with the noun.
_UNKNOWN = {
    "department": N_("unknown department {value}"),
    "objective": N_("unknown objective {value}"),
    "function": N_("unknown function {value}"),
    "objective kind": N_("unknown objective kind {value}"),
    "region": N_("unknown region {value}"),
    "size": N_("unknown size {value}"),
    "structure": N_("unknown structure {value}"),
    "field": N_("unknown field {value}"),
    "rule": N_("unknown rule {value}"),
    "evidence id": N_("unknown evidence id {value}"),
}


def unknown(what: str, value: object, choices) -> str:
    """The one wording for an unknown id, with a suggestion when one is close.

    `what` names the kind of id in English (a key of UNKNOWN); the sentence is in the language in use.
    """
    hint = did_you_mean(str(value), choices)
    if not hint and len(choices) <= 20:
        hint = " " + _("(expected one of: {choices})").format(choices=", ".join(sorted(choices)))
    return unknown_id(what, value) + hint


def unknown_id(what: str, value: object) -> str:
    """`unknown department 'x'`, in the language in use, without a suggestion."""
    shown = repr(str(value))
    if what in _UNKNOWN:
        return _(_UNKNOWN[what]).format(value=shown)
    return _("unknown {what} {value}").format(what=what, value=shown)
