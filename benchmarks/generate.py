"""Seeded synthetic organizations for benchmarks: business units x functions x regions.

    python benchmarks/generate.py 10000 100 --seed 1 > big.json

Most units share a profile (function, skills, region), as in real multinationals,
and the reporting tree is 3 to 6 levels deep.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

FUNCTIONS = [
    ("marketing", 14), ("sales", 14), ("customer_service", 12), ("communications", 6), ("hr", 6),
    ("product", 6), ("rnd", 5), ("it", 5), ("legal", 3), ("risk", 2), ("finance", 4), ("distribution", 4),
    ("social_media", 5), ("analytics", 4), ("ecommerce", 3), ("community", 3), ("agency", 2),
    ("foundation", 1), ("executive", 1),
]
SKILLS = ["content", "brand", "data", "analytics", "customer_support", "social_care", "crisis", "media_relations",
          "recruiting", "employer_branding", "channel_partners", "paid_media", "community", "social_selling", "seo"]
REGIONS = ["north_america", "latin_america", "europe", "asia_pacific", "middle_east_africa"]
KINDS = ["listening", "customer_care", "brand_content", "reputation", "social_selling", "employer_brand",
         "product_insight", "community", "employee_advocacy", "paid_social", "market_intelligence",
         "partner_data_sharing", "account_governance"]


def generate(departments: int, objectives: int, seed: int = 1) -> dict:
    """An org with `departments` units and `objectives` objectives, the same for the same seed."""
    rng = random.Random(seed)
    names, weights = zip(*FUNCTIONS, strict=False)
    skill_sets = [tuple(sorted(rng.sample(SKILLS, rng.randint(0, 3)))) for _ in range(40)]
    units = [{"id": "ceo", "name": "Group executive", "function": "executive", "headcount": 40}]
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
        units.append(unit)
        if rng.random() < 0.15 and len(managers) < departments // 3 + 1:
            managers.append(unit["id"])
    goals = [
        {"id": f"o{i:03d}", "name": f"Objective {i}", "kind": KINDS[i % len(KINDS)], "priority": rng.randint(1, 5)}
        for i in range(objectives)
    ]
    owners = {goal["id"]: rng.choice(units)["id"] for goal in goals}
    return {
        "organization": {"name": f"Synthetic {departments}", "industry": "consumer_goods", "region": "europe",
                         "size": "enterprise"},
        "departments": units,
        "objectives": goals,
        "current_owners": owners,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("departments", type=int)
    parser.add_argument("objectives", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    json.dump(generate(args.departments, args.objectives, args.seed), sys.stdout, indent=1)


if __name__ == "__main__":
    main()
