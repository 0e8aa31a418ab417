"""Seeded synthetic organizations for benchmarks: business units x functions x regions.

    python benchmarks/generate.py 10000 100 --seed 1 > big.json
    python benchmarks/generate.py 20000 0 --chain > chain.json
    python benchmarks/generate.py 0 0 --rules 20000 > pack.json

Most units share a profile (function, skills, region), as in real multinationals,
and the reporting tree is 3 to 6 levels deep. The other shapes stress one
dimension each: a deep chain of social teams, and a large rule pack.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

FUNCTIONS = [
    ("marketing", 14),
    ("sales", 14),
    ("customer_service", 12),
    ("communications", 6),
    ("hr", 6),
    ("product", 6),
    ("rnd", 5),
    ("it", 5),
    ("legal", 3),
    ("risk", 2),
    ("finance", 4),
    ("distribution", 4),
    ("social_media", 5),
    ("analytics", 4),
    ("ecommerce", 3),
    ("community", 3),
    ("agency", 2),
    ("foundation", 1),
    ("executive", 1),
]
SKILLS = [
    "content",
    "brand",
    "data",
    "analytics",
    "customer_support",
    "social_care",
    "crisis",
    "media_relations",
    "recruiting",
    "employer_branding",
    "channel_partners",
    "paid_media",
    "community",
    "social_selling",
    "seo",
]
REGIONS = ["north_america", "latin_america", "europe", "asia_pacific", "middle_east_africa"]
KINDS = [
    "listening",
    "customer_care",
    "brand_content",
    "reputation",
    "social_selling",
    "employer_brand",
    "product_insight",
    "community",
    "employee_advocacy",
    "paid_social",
    "market_intelligence",
    "partner_data_sharing",
    "account_governance",
]


def generate(departments: int, objectives: int, seed: int = 1, capacity: int | None = None) -> dict:
    """An org with `departments` units and `objectives` objectives, the same for the same seed.

    `capacity` gives every unit that capacity, so that many objectives fit into few departments.
    """
    rng = random.Random(seed)
    names, weights = zip(*FUNCTIONS, strict=False)
    skill_sets = [tuple(sorted(rng.sample(SKILLS, rng.randint(0, 3)))) for _ in range(40)]
    units = [{"id": "ceo", "name": "Group executive", "function": "executive", "headcount": 40}]
    if capacity is not None:
        units[0]["capacity"] = capacity
    managers = ["ceo"]
    while len(units) < departments:
        index = len(units)
        function = rng.choices(names, weights)[0]
        boss = managers[min(len(managers) - 1, int(rng.random() ** 0.6 * len(managers)))]
        unit = {
            "id": f"u{index:06d}",
            "name": f"{function.replace('_', ' ').title()} {index}",
            "function": function,
            "reports_to": boss,
            "headcount": rng.choice([1, 3, 8, 25, 60, 150, 400]),
            "skills": list(rng.choice(skill_sets)),
            "region": rng.choice(REGIONS),
            "business_unit": f"bu{index % 25:02d}",
        }
        if function == "social_media":
            unit["structure"] = rng.choice(["network", "function", "audience"])
        if rng.random() < 0.2:
            unit["capacity"] = rng.randint(1, 4)
        if capacity is not None:
            unit["capacity"] = capacity
        units.append(unit)
        if rng.random() < 0.15 and len(managers) < departments // 3 + 1:
            managers.append(unit["id"])
    goals = [
        {"id": f"o{i:03d}", "name": f"Objective {i}", "kind": KINDS[i % len(KINDS)], "priority": rng.randint(1, 5)}
        for i in range(objectives)
    ]
    owners = {goal["id"]: rng.choice(units)["id"] for goal in goals}
    return {
        "organization": {
            "name": f"Synthetic {departments}",
            "industry": "consumer_goods",
            "region": "europe",
            "size": "enterprise",
        },
        "departments": units,
        "objectives": goals,
        "current_owners": owners,
    }


def social_chain(depth: int, seed: int = 1) -> dict:
    """A marketing department above a chain of `depth` social teams, each reporting to the previous."""
    org = generate(8, len(KINDS), seed)
    head = org["departments"][0]["id"]
    org["departments"].append({"id": "mkt", "name": "Marketing", "function": "marketing", "reports_to": head})
    boss = "mkt"
    for index in range(depth):
        team = {"id": f"s{index:06d}", "name": f"Social {index}", "function": "social_media", "reports_to": boss}
        org["departments"].append(team)
        boss = team["id"]
    return org


def rule_pack(rules: int, seed: int = 1) -> dict:
    """A user rule pack of `rules` owner rules over random kinds, functions and skills."""
    rng = random.Random(seed)
    functions = [name for name, _ in FUNCTIONS]
    out = []
    for index in range(rules):
        out.append(
            {
                "id": f"bench.rule-{index:06d}",
                "title": f"Synthetic rule {index}",
                "when": {
                    "all": [
                        {"objective.kind": sorted(rng.sample(KINDS, 2))},
                        {"department.function": sorted(rng.sample(functions, 3))},
                        {"department.skills": sorted(rng.sample(SKILLS, 2))},
                    ]
                },
                "effect": {"owner": rng.choice([-1, 1, 2]) / 100},
                "rationale": "A synthetic rule that only exists to measure how rule packs scale.",
                "evidence": ["E9"],
            }
        )
    return {"pack": "bench", "description": "Synthetic rules for benchmarks.", "rules": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("departments", type=int)
    parser.add_argument("objectives", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--capacity", type=int, help="give every department this capacity")
    parser.add_argument("--chain", action="store_true", help="a chain of that many social teams instead")
    parser.add_argument("--rules", type=int, metavar="N", help="a rule pack of N rules instead")
    args = parser.parse_args()
    if args.rules is not None:
        data = rule_pack(args.rules, args.seed)
    elif args.chain:
        data = social_chain(args.departments, args.seed)
    else:
        data = generate(args.departments, args.objectives, args.seed, args.capacity)
    json.dump(data, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
