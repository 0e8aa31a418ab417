"""The findings rules may cite, each with its source and a short summary in our own words.

E1-E30 come from five source documents, F1-F8 from frameworks the field
already uses. Rules, findings and `rules show` read this table. The
summaries are translated; the titles of the sources stay as published.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesign.i18n import N_, _, percent

SOURCES = {
    "S1": '"Mastering Digital Feedback", Findings: Regional (survey report)',
    "S2": 'Forrester, "Organizing For Social Media" (Chad Mitchell)',
    "S3": "Social Media Today / Marketing Dive / Meltwater, 2016 Marketing Outlook survey (543 respondents)",
    "S4": 'SMBTS meet-ups, "Who owns social media in a business? Sales, Marketing or PR?" (2011)',
    "S5": "Sprout Social, CMO article on social team silos (2023), Sprout Social Index",
    "F": N_("Frameworks in common use by CMOs and consultants"),  # our words, not a title: translated
}
OWN_WORDS = frozenset({"F"})  # sources described in our own words rather than by a published title


class _Percentages(dict):
    """`{p43}` -> "43%" in English, "43 %" in German: shares in a summary follow the reader's conventions."""

    def __missing__(self, key: str) -> str:
        return percent(int(key.removeprefix("p")) / 100)


@dataclass(frozen=True)
class Evidence:
    id: str
    source: str
    summary_en: str  # our own words, in English; `summary` reads them in the language in use

    @property
    def summary(self) -> str:
        """The summary in the language in use; `{p43}` in it is 43 percent, written as the language writes it."""
        return _(self.summary_en).format_map(_Percentages())

    @property
    def citation(self) -> str:
        """The source: its title as published, or our description of it in the language in use."""
        return _(SOURCES[self.source]) if self.source in OWN_WORDS else SOURCES[self.source]


_TABLE = [
    (
        "E1",
        "S1",
        N_(
            "Where several functions work closely on social media, marketing is named most ({p73}), then customer service ({p50}) and sales ({p49})."
        ),
    ),
    ("E2", "S1", N_("Product management, IT and above all R&D should take part in social media but mostly do not.")),
    (
        "E3",
        "S1",
        N_("Distribution, risk management, finance and legal collaborate least on social media, a risk to the effort."),
    ),
    (
        "E4",
        "S1",
        N_("Marketing is the most-named collaborator everywhere except Latin America, where customer service leads."),
    ),
    (
        "E5",
        "S1",
        N_(
            "Sharing social data with channel partners: North America {p29}, Europe {p34}, Asia-Pacific about {p50}, Latin America {p60} (Mexico {p95})."
        ),
    ),
    (
        "E6",
        "S2",
        N_(
            "Marketing, PR, sales and a foundation must work from one common platform: what matters is who is listening."
        ),
    ),
    (
        "E7",
        "S2",
        N_(
            "{p52} of consumer-facing social efforts are led by CMOs, who also carry customer service and customer experience."
        ),
    ),
    ("E8", "S2", N_("All ten marketing leaders interviewed called collaboration with other departments essential.")),
    ("E9", "S2", N_("Assess the social media objective first, then give it to the department that fits it best.")),
    (
        "E10",
        "S2",
        N_(
            "Consumer outreach and monitoring fit the department with the most customer-relations experience: PR or customer service rather than marketing."
        ),
    ),
    ("E11", "S2", N_("Marketing should hand over what others do better and team up with them.")),
    ("E12", "S3", N_("Ownership of social media is not standardized across organizations.")),
    (
        "E13",
        "S3",
        N_(
            "Marketing owns social media most often today; sales ({p3}), agencies ({p3}) and customer relations ({p2}) rarely do."
        ),
    ),
    ("E14", "S3", N_("Nobody said an agency should own social media; most prefer a dedicated in-house social team.")),
    ("E15", "S3", N_("Time, talent and budget hold change back; company culture decides.")),
    (
        "E16",
        "S3",
        N_(
            "An airline's marketing and communications team partners with a 39-person social care team that handles social requests."
        ),
    ),
    ("E17", "S4", N_("Social media runs across the organization and needs sales, marketing, PR and HR to cooperate.")),
    ("E18", "S4", N_("One separate entity should run the company's accounts and hold ownership of all of them.")),
    ("E19", "S4", N_("Recruiting happens on social media; a marketing or PR person may do it better than HR alone.")),
    (
        "E20",
        "S4",
        N_(
            "A separate social entity helps focus and cross-department work, but may be premature without experts fed by other departments."
        ),
    ),
    ("E21", "S4", N_("Organization-wide guidelines are needed; social media serves every department, like e-mail.")),
    ("E22", "S5", N_("{p76} of social marketers say their insights influence product, sales and recruiting.")),
    (
        "E23",
        "S5",
        N_("{p43} of social teams feel isolated from other departments ({p48} mid-market, {p44} enterprise)."),
    ),
    ("E24", "S5", N_("Social teams usually sit in marketing, where social media began.")),
    (
        "E25",
        "S5",
        N_("{p64} of social teams organize by network, which deepens silos and limits access to social data."),
    ),
    (
        "E26",
        "S5",
        N_(
            "Customer experience is delivered by support, success, community, sales, account management and product together."
        ),
    ),
    (
        "E27",
        "S5",
        N_("One platform that every team uses and that feeds CRM and BI beats single-department point tools."),
    ),
    ("E28", "S5", N_("Align social experts with internal functions or audiences rather than with networks.")),
    ("E29", "S5", N_("When social works with recruiters on employer brand, embed a social expert in HR.")),
    (
        "E30",
        "S5",
        N_("When customer care leans on social, build the team around community management or customer experience."),
    ),
    (
        "F1",
        "F",
        N_(
            "Altimeter's five models: organic, centralized, hub-and-spoke, multiple hub-and-spoke (dandelion), holistic (honeycomb)."
        ),
    ),
    (
        "F2",
        "F",
        N_(
            "Among large companies, hub-and-spoke and dandelion grew from 2010 to 2012; {p78} had a dedicated social team by 2013."
        ),
    ),
    (
        "F3",
        "F",
        N_(
            "The usual path runs from ad hoc to centralized to hub-and-spoke; hub-and-spoke firms run employee advocacy twice as often."
        ),
    ),
    ("F4", "F", N_("Maturity stages run from dormant or planning to converged, empowering the workforce.")),
    ("F5", "F", N_("RACI: at least one Responsible, exactly one Accountable, Consulted before, Informed after.")),
    (
        "F6",
        "F",
        N_(
            "Marketing executives judged PR and communications best suited to manage social ({p51}), then marketing ({p28}) and customer service ({p9})."
        ),
    ),
    (
        "F7",
        "F",
        N_(
            "A center of excellence is a cross-functional council that sets strategy and drives collaboration between units."
        ),
    ),
    (
        "F8",
        "F",
        N_(
            "Governance: roles, brand standards, approval tiers by risk, account access control, audit records, a crisis path."
        ),
    ),
]

EVIDENCE: dict[str, Evidence] = {eid: Evidence(eid, source, summary) for eid, source, summary in _TABLE}
