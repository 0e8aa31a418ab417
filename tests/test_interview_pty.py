"""The interview in a real pseudo-terminal, driven as a person would drive it."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

pexpect = pytest.importorskip("pexpect")

PROMPT = "› "


def spawn(folder, *args, columns=100):
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "orgdesign", "interview", "--output", str(folder / "org.yaml"), *args],
        cwd=str(folder),
        env=env,
        dimensions=(40, columns),
        encoding="utf-8",
        timeout=20,
    )
    child.delaybeforesend = None  # the terminal buffers typing; no need to wait before each key
    return child


def press_enter_until_done(child) -> int:
    """Accept every default; return how many prompts there were."""
    prompts = 0
    while child.expect([PROMPT, pexpect.EOF]) == 0:
        prompts += 1
        child.sendline("")
    child.close()
    return prompts


def test_enter_at_every_prompt_gives_a_valid_org_and_a_recommendation(tmp_path):
    child = spawn(tmp_path)
    child.expect("Step 1 of 7")
    prompts = press_enter_until_done(child)
    assert child.exitstatus == 0, child.before
    assert prompts > 30
    assert "Recommended owners" in child.before
    assert "Saved the org file to" in child.before
    checked = subprocess.run(
        [sys.executable, "-m", "orgdesign", "validate", str(tmp_path / "org.yaml")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not (tmp_path / "org.draft.yaml").exists()


def test_ctrl_c_keeps_the_answers_and_resume_finishes(tmp_path):
    child = spawn(tmp_path)
    for _ in range(8):
        child.expect(PROMPT)
        child.sendline("")
    child.expect(PROMPT)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert f"Your answers so far are saved in {tmp_path / 'org.draft.yaml'}" in child.before
    assert f"orgdesign interview --resume --output {tmp_path / 'org.yaml'}" in child.before
    draft = (tmp_path / "org.draft.yaml").read_text(encoding="utf-8")
    assert "department.executive.name: Executive Office" in draft and "department.executive.headcount" not in draft
    assert not (tmp_path / "org.yaml").exists()

    resumed = spawn(tmp_path, "--resume")
    resumed.expect("Step 3 of 7 · Departments")
    resumed.expect("About how many people work in Executive Office")
    press_enter_until_done(resumed)
    assert resumed.exitstatus == 0, resumed.before

    defaults = tmp_path / "defaults.yaml"
    defaults.write_text("version: 1\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "orgdesign", "interview", "--answers", str(defaults), "-o", str(tmp_path / "all.yaml")],
        capture_output=True,
        check=True,
    )
    assert (tmp_path / "org.yaml").read_bytes() == (tmp_path / "all.yaml").read_bytes()


# The CMO of a 300-person retailer, screen by screen: what the screen shows, then what they type.
RETAILER = [
    ("What is the company called?", "Lakeshore Outfitters"),
    ("Which industry is it in?", "Retail"),
    ("Where is the company based?", ""),
    ("Which country", "US"),
    ("How large is the company?", ""),
    ("Is it in a regulated industry?", ""),
    ("Which of these functions does the company have?", "1 2 3 4 6 9 10 11 14 17"),
    ("What is your executive leadership", ""),
    ("work in Executive Office?", "6"),
    ("What is your marketing department called?", "Brand Marketing"),
    ("work in Brand Marketing?", "25"),
    ("What is your communications or PR department called?", "Corporate Communications"),
    ("work in Corporate Communications?", "5"),
    ("What is your customer service department called?", "Guest Services"),
    ("work in Guest Services?", "80"),
    ("What is your human resources department called?", ""),
    ("work in Human Resources?", "12"),
    ("What is your IT department called?", ""),
    ("work in IT?", "20"),
    ("What is your legal department called?", ""),
    ("work in Legal?", "3"),
    ("What is your risk or compliance department called?", ""),
    ("work in Risk Management?", "4"),
    ("What is your outside agency called?", "Brightside Media"),
    ("About how many people at Brightside Media work for you?", "8"),
    ("What is your e-commerce department called?", ""),
    ("work in E-commerce?", "30"),
    ("Is there a dedicated social media team?", "n"),
    ("What should social media do for the company?", "1 2 3 4 10 13"),
    ("How much does listening to what people say about the company matter?", ""),
    ("How much does answering customers on social media matter?", "5"),
    ("How much does publishing the brand's own content matter?", "4x"),
    ("expected a whole number from 1 to 5, found the text '4x'. Try again.", "4"),
    ("How much does protecting the reputation and handling crises matter?", ""),
    ("How much does advertising on social networks matter?", ""),
    ("How much does owning the accounts and the guidelines matter?", ""),
    ("Who is in charge of social listening today?", "Brightside Media"),
    ("Who is in charge of answering customers on social media today?", "Guest Servces"),
    ("'Guest Servces' is not in the list (did you mean 'Guest Services'?). Try again.", "Guest Services"),
    ("Who is in charge of the brand's own content today?", "brand marketing"),
    ("Who is in charge of reputation and crises today?", "Corporate Communications"),
    ("Who is in charge of advertising on social networks today?", "Brightside"),
    ("'Brightside' is not in the list (did you mean 'Brightside Media'?). Try again.", "Brightside Media"),
    ("Who is in charge of the accounts and the guidelines today?", "Brightside Media"),
    ("How many social media objectives could Brand Marketing run well next year?", "?"),
    ("Think of next year's plan: with the people and budget Brand Marketing has", "3"),
    ("could Corporate Communications run well next year?", ""),
    ("could Guest Services run well next year?", ""),
]


def test_the_retailer_names_todays_owners_and_gets_a_valid_org(tmp_path):
    child = spawn(tmp_path)
    for shown, reply in RETAILER:
        child.expect_exact(shown)
        child.expect_exact(PROMPT)
        child.sendline(reply)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    closing = child.before
    owners = closing[closing.index("Recommended owners") : closing.index("Key findings")]
    for name in ("Guest Services", "Brand Marketing", "Brand content", "Paid social"):
        assert name in owners
    assert "Why Guest Services should be in charge of Social customer care" in closing
    checked = subprocess.run(
        [sys.executable, "-m", "orgdesign", "validate", str(tmp_path / "org.yaml")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    org = (tmp_path / "org.yaml").read_text(encoding="utf-8")
    assert "  name: Brightside Media\n  function: agency\n" in org
    assert (
        "current_owners:\n  listening: agency\n  customer_care: customer_service\n  brand_content: marketing\n" in org
    )


# A French CMO, with the language from the environment as gettext reads it: what the screen shows, then the reply.
FRENCH = [
    ("Étape 1 sur 7 · L'entreprise", None),
    ("Comment s'appelle l'entreprise", "Fromagerie Durand"),
    ("Dans quel secteur opère-t-elle", "Agroalimentaire"),
    ("Où l'entreprise est-elle implantée", "3"),
    ("Dans quel pays", "FR"),
    ("Quelle est la taille de l'entreprise", ""),
    ("Le secteur est-il réglementé", "peut-être"),
    ("Veuillez réessayer", "non"),
    ("Lesquelles de ces fonctions l'entreprise possède-t-elle", ""),
    ("Étape 3 sur 7 · Services", None),
    ("Comment s'appelle votre direction générale", ""),
    ("Combien de personnes compte environ", "8"),
    ("Comment s'appelle votre service marketing", "Direction marketing"),
    *[("", "")] * 15,
    ("Existe-t-il une équipe dédiée aux réseaux sociaux", "oui"),
    ("Comment s'appelle votre équipe réseaux sociaux", ""),
    ("Combien de personnes compte environ", ""),
    ("À quel service l'équipe réseaux sociaux est-elle rattachée", "direction marketing"),
    ("Comment l'équipe est-elle organisée", ""),
    ("Qu'attendez-vous des réseaux sociaux pour l'entreprise", ""),
    ("Quelle importance a pour vous l'écoute", "9"),
    ("est hors limites", "5"),
    *[("Quelle importance a pour vous", "")] * 5,
    ("Qui porte aujourd'hui l'écoute sociale", "personne"),
    ("Qui porte aujourd'hui la réponse aux clients", "Service client"),
    *[("Qui porte aujourd'hui", "")] * 4,
    ("Étape 7 sur 7 · Capacité", None),
]
# What the interview says in English: none of it may reach a French screen.
ENGLISH = [
    "Step ",
    "Enter keeps",
    "What is",
    "Which ",
    "How much does",
    "How many",
    "Who is in charge",
    "About how many",
    "Is there",
    "Try again",
    "answer yes or no",
    "is out of range",
    "Type the number",
    "A rough number",
    "Nobody",
    "Saved the org file",
    "Your recommendation",
    "and what would change that",
    "[y/N]",
    "[Y/n]",
]


def test_the_interview_speaks_french_when_the_environment_does(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "LANGUAGE", "LC_ALL")}
    env.pop("LC_MESSAGES", None)
    env.update(TERM="xterm-256color", LANG="fr_FR.UTF-8")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "orgdesign", "interview", "--output", str(tmp_path / "org.yaml")],
        cwd=str(tmp_path),
        env=env,
        dimensions=(40, 100),
        encoding="utf-8",
        timeout=20,
    )
    child.delaybeforesend = None
    seen = []
    for shown, reply in FRENCH:
        if shown:
            child.expect_exact(shown)
            seen.append(child.before + shown)
        if reply is not None:
            child.expect_exact(PROMPT)
            seen.append(child.before)
            child.sendline(reply)
    while child.expect([PROMPT, pexpect.EOF]) == 0:  # the capacities: the suggestions
        seen.append(child.before)
        child.sendline("")
    seen.append(child.before)
    child.close()
    assert child.exitstatus == 0, child.before
    screens = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", "".join(seen)).replace("\u00a0", " ")
    for french in (
        "Entrée garde [la réponse] · ? explique",
        "Le secteur est-il réglementé ? [o/N]",
        "Répondez oui ou non (yes et no sont aussi acceptés).",
        "répondez oui ou non (reçu",
        "9 est hors limites : indiquez une valeur de 1 à 5. Veuillez réessayer.",
        "Étape 6 sur 7 · Propriétaires actuels",
        "Votre recommandation",
        "Fichier d'organisation enregistré dans",
    ):
        assert french in screens, french
    for english in ENGLISH:
        assert english not in screens, english
    org = (tmp_path / "org.yaml").read_text(encoding="utf-8")
    assert org.startswith("# Écrit par orgdesign interview.")
    assert "  name: Fromagerie Durand\n" in org and "regulated: false" in org
    assert "- id: marketing\n  name: Direction marketing\n" in org
    assert (
        "- id: social_media\n  name: Équipe réseaux sociaux\n  function: social_media\n  reports_to: marketing\n" in org
    )
    assert "current_owners:\n  customer_care: customer_service\n" in org  # nobody holds listening today
    checked = subprocess.run(
        [sys.executable, "-m", "orgdesign", "validate", str(tmp_path / "org.yaml")], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
