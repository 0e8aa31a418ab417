"""Every diagnostic orgdesign can report, as data: code, name, severity, meaning, wording, help, evidence.

A plain Python table, like the evidence table in `orgdesign/evidence.py`:
it needs no loader, no schema and no packaging rule, an unknown field is a
`TypeError` at import, and every sentence is a string literal on its own, the
form that gettext-style extractors and a translator read. The engine fills
the `{placeholders}` with names (never ids) when it reports a finding;
`orgdesign findings show CODE` and docs/output.md read the rest.

An entry may word a finding in more than one way (`variants`): the same
problem seen from two sides, such as no holder of the accounts and several.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from orgdesign.i18n import N_, _

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Wording:
    """How one case of a diagnostic reads: a message and the smallest fix, both templates.

    Written in English (`message_en`, `help_en`); `message` and `help` are in the language in use.
    """

    message_en: str
    help_en: str

    @property
    def message(self) -> str:
        return _(self.message_en)

    @property
    def help(self) -> str:
        return _(self.help_en)


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    severity: str
    meaning_en: str  # what the diagnostic means, one line, in English (the docs table)
    wording: Wording
    evidence: tuple[str, ...]  # the evidence behind it; a finding may cite a rule's instead (OD101)
    variants: dict[str, Wording] = field(default_factory=dict)
    evidence_from_rule: bool = False  # the finding cites the evidence of the rule that raised it

    @property
    def meaning(self) -> str:
        """What the diagnostic means, in the language in use (`findings show`)."""
        return _(self.meaning_en)

    def words(self, variant: str = "") -> Wording:
        """The wording of one case; the default case for ''."""
        return self.variants[variant] if variant else self.wording


CATALOGUE: dict[str, Entry] = {
    e.code: e
    for e in (
        Entry(
            "OD101",
            "missing-collaborator",
            "warning",
            N_("an objective needs a function consulted (legal, risk...) that the org does not have"),
            Wording(
                N_("{objective}: needs {functions} consulted, but the org has no such department (rule {rule})"),
                N_("name who covers {functions} for {objective}, or add the department to the org file"),
            ),
            (),
            evidence_from_rule=True,
        ),
        Entry(
            "OD102",
            "isolated-social-team",
            "warning",
            N_("the social team sits inside marketing, apart from product, sales and HR"),
            Wording(
                N_("{team}: the social team sits inside marketing, apart from the departments that use its insights"),
                N_("keep the links the recommended RACI sets up with {partners}, and add standing ones with {missing}"),
            ),
            ("E23", "E22", "E24"),
            variants={
                "linked": Wording(
                    N_(
                        "{team}: the social team sits inside marketing, apart from the departments that use "
                        "its insights"
                    ),
                    N_("keep the links the recommended RACI sets up with {partners}"),
                ),
                "unlinked": Wording(
                    N_(
                        "{team}: the social team sits inside marketing, apart from the departments that use "
                        "its insights"
                    ),
                    N_("set up standing links with {missing}: the recommended RACI does not join them"),
                ),
            },
        ),
        Entry(
            "OD103",
            "network-structure",
            "warning",
            N_("a social team is organized by network rather than by function or audience"),
            Wording(
                N_(
                    "{team}: the social team is organized by network, which deepens silos and limits access "
                    "to social data"
                ),
                N_("organize its people by internal function or by audience instead (structure: function or audience)"),
            ),
            ("E25", "E28"),
        ),
        Entry(
            "OD104",
            "agency-owner",
            "warning",
            N_("an external agency owns an objective today"),
            Wording(
                N_(
                    "{objective}: owned today by {department}, an external agency, which can do the work but should "
                    "not own it"
                ),
                N_("make an internal department accountable and keep the agency responsible"),
            ),
            ("E14", "F5"),
        ),
        Entry(
            "OD105",
            "no-account-holder",
            "warning",
            N_("nobody, or more than one department, holds the accounts and guidelines"),
            Wording(
                N_("no objective covers the accounts, credentials and guidelines, so nobody holds them"),
                N_("add an objective of kind account_governance; one internal department will then hold every account"),
            ),
            ("E18", "E21"),
            variants={
                "split": Wording(
                    N_("accounts and guidelines are split between {holders}"),
                    N_("merge the account_governance objectives so one department holds every account"),
                )
            },
        ),
        Entry(
            "OD106",
            "overloaded",
            "warning",
            N_("a department owns more objectives today than its capacity"),
            Wording(
                N_("{department}: owns {count} objectives today but has capacity for {capacity}"),
                N_("hand the objectives that others fit better to those departments (the gap lists them)"),
            ),
            ("E11", "E9"),
        ),
        Entry(
            "OD107",
            "weak-owner",
            "warning",
            N_("the owner's fit is zero or less, although some department fits the objective"),
            Wording(
                N_("{objective}: no department fits it well; the best available, {owner}, has fit {fit}"),
                N_("add the skills it needs to a department, or create a unit for it"),
            ),
            ("E9",),
        ),
        Entry(
            "OD108",
            "care-without-community",
            "info",
            N_(
                "customer care leans on social (priority 4 or 5), but no team that serves it is organized around "
                "community or customer experience (E30)"
            ),
            Wording(
                N_(
                    "{objective}: customer care leans on social, but no team that serves it is organized around "
                    "community management or customer experience"
                ),
                N_(
                    "organize the social team by audience around customer experience, or give the service team "
                    "community managers (structure: audience, skills: community)"
                ),
            ),
            ("E30", "E28", "E26"),
        ),
        Entry(
            "OD109",
            "partner-data-not-shared",
            "info",
            N_(
                "in Latin America or Asia-Pacific, where most firms share social data with channel partners (E5), "
                "the org works with partners but has no such objective"
            ),
            Wording(
                N_(
                    "{share} of companies in {where} share social media data with channel partners; {partners} work "
                    "with partners, but no objective covers it"
                ),
                N_("add an objective of kind partner_data_sharing for the distributors and retailers"),
            ),
            ("E5",),
        ),
        Entry(
            "OD110",
            "fallback-owner",
            "warning",
            N_(
                "no department fits an objective at all, so a fallback rule chose its owner (marketing, customer "
                "service for reputation, leadership last)"
            ),
            Wording(
                N_("{objective}: no department fits it, so {owner} holds it as a fallback ({rules})"),
                N_("give a department the function or skills the objective needs, or create a unit for it"),
            ),
            ("E9", "F6"),
        ),
        Entry(
            "OD201",
            "no-possible-owner",
            "error",
            N_("rules, constraints or zero capacities rule out every department for an objective: no answer exists"),
            Wording(
                N_("{objective}: every department is ruled out"),
                N_("add a department that the rules allow to own it, or disable the forbidding rule"),
            ),
            (),
            variants={
                "required": Wording(
                    N_("{objective}: every department is ruled out"),
                    N_("remove constraints[{index}] or the rule that forbids '{department}'"),
                ),
                "constraint": Wording(
                    N_("{objective}: every department is ruled out"),
                    N_("remove constraints[{index}] (not_owner: {department})"),
                ),
                "capacity": Wording(
                    N_("{objective}: every department is ruled out"), N_("give '{department}' a capacity of 1")
                ),
            },
        ),
        Entry(
            "OD202",
            "not-enough-capacity",
            "error",
            N_("a group of objectives can only go to departments whose capacities together are too small"),
            Wording(
                N_("{count} objectives can only go to departments with room for {capacity}"),
                N_(
                    "raise the capacity of '{department}' from {current} to {needed}, or allow another owner for one "
                    "of these objectives"
                ),
            ),
            ("E11",),
        ),
    )
}


def entry(code: str) -> Entry:
    """The catalogue entry of a code (KeyError for an unknown one)."""
    return CATALOGUE[code]


def lookup(typed: str) -> Entry:
    """The entry for a code as a person types it (any case); InputError with a suggestion otherwise."""
    import difflib

    from orgdesign.errors import InputError

    code = typed.strip().upper()
    if code in CATALOGUE:
        return CATALOGUE[code]
    close = difflib.get_close_matches(code, sorted(CATALOGUE), n=1, cutoff=0.6)
    if close:
        message = _("unknown finding code {code} (did you mean '{suggestion}'?)")
    else:
        message = _("unknown finding code {code} (expected one of: {codes})")
    message = message.format(code=repr(typed), suggestion=close[0] if close else "", codes=", ".join(sorted(CATALOGUE)))
    raise InputError.single("<command line>", message, field="CODE")


def placeholders(template: str) -> str:
    """A template as a reader sees it, placeholders in capitals like a command's metavars.

    >>> placeholders("{objective}: owned today by {department}")
    'OBJECTIVE: owned today by DEPARTMENT'
    """
    import re

    return re.sub(r"\{(\w+)\}", lambda match: match.group(1).upper(), template)


def docs_table() -> str:
    """The Markdown table of every code that docs/output.md shows (a test keeps the docs in step)."""
    rows = ["| code | name | severity | what it means | help |", "|---|---|---|---|---|"]
    for e in CATALOGUE.values():
        cells = (e.code, e.name, e.severity, e.meaning_en, placeholders(e.wording.help_en))  # the docs stay English
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"
