"""The session: ask the first unanswered question until none is left, and keep the answers as a draft.

Always asking the first unanswered question is the single rule that makes a
draft resumable and an answers file replayable. The session never prints: it
talks to a `Prompter` (`terminal.py` has the terminal one; tests script one).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any, Protocol

from orgdesign.errors import InputError
from orgdesign.i18n import _
from orgdesign.input.load import type_name
from orgdesign.input.source import Source, load_source
from orgdesign.interview.answers import Refused, accept
from orgdesign.interview.questions import SECTIONS, Answers, Question, default_of, next_question
from orgdesign.vocabulary import did_you_mean


class Prompter(Protocol):
    """How the session talks to a person: a terminal (`terminal.py`) or a script (the tests)."""

    def ask(self, question: Question, default: Any, step: int, total: int) -> str:
        """Show the question; return the reply as typed ('' keeps the default, '?' asks for more help)."""

    def say(self, message: str) -> None:
        """Show more help about the question being asked."""

    def warn(self, message: str) -> None:
        """Explain why an answer was refused; the question is asked again."""


def ask(prompter: Prompter, question: Question, default: Any) -> Any:
    """Ask until the reply is usable: Enter takes the default, `?` shows more help, a bad reply is explained."""
    while True:
        reply = prompter.ask(question, default, question.step, len(SECTIONS)).strip()
        if reply == "?":
            prompter.say(question.more or question.help)
        elif not reply:
            return default
        else:
            try:
                return accept(question, reply)
            except Refused as refusal:
                prompter.warn(str(refusal))


def run(prompter: Prompter, answers: Answers, save: Callable[[Answers], None]) -> Answers:
    """Ask every unanswered question in order, saving the answers after each one."""
    while (question := next_question(answers)) is not None:
        answers[question.key] = ask(prompter, question, default_of(question, answers))
        save(answers)
    return answers


# --- answers files and drafts -----------------------------------------------------

_FOLLOW_UP = re.compile(r"department\.\w+\.(name|headcount|capacity)|objective\.\w+\.(priority|owner)|social\.\w+")


def draft_path(output: str) -> str:
    """Where the answers so far are kept: `org.yaml` -> `org.draft.yaml`, in the same folder."""
    return os.path.splitext(output)[0] + ".draft.yaml"


def load_answers(path: str) -> Source:
    """Read an answers file (a draft is one too): a mapping of answer keys, with an optional `version: 1`."""
    source = load_source(path)
    if not isinstance(source.data, dict):
        found = type_name(source.data)
        problem = _("expected a mapping of answer keys to values, found {found}").format(found=found)
        raise InputError.single(path, problem, *source.locate(()))
    version = source.data.get("version", 1)
    if version != 1:
        problem = _("unsupported version {version}; this orgdesign reads {supported}").format(
            version=repr(version), supported=1
        )
        raise InputError([source.diagnostic(("version",), problem)])
    return source


def replay(source: Source, complete: bool) -> Answers:
    """Answers from a file, in interview order.

    With `complete`, a missing answer takes its default (an answers file);
    without, replay stops at the first missing one (a draft, to resume).
    Every bad value is reported with its line; keys the interview never
    asks are reported too, once the values are right.
    """
    given = {key: value for key, value in source.data.items() if key != "version"}
    answers: Answers = {}
    asked: list[str] = []
    problems = []
    while (question := next_question(answers)) is not None:
        asked.append(question.key)
        if question.key in given:
            try:
                answers[question.key] = accept(question, given.pop(question.key))
                continue
            except Refused as refusal:
                problems.append(source.diagnostic((question.key,), str(refusal)))
        elif not complete:
            break
        answers[question.key] = default_of(question, answers)
    if not problems:
        problems = [source.diagnostic((key,), _unknown_key(key, asked)) for key in given]
    if problems:
        raise InputError(problems)
    return answers


def _unknown_key(key: str, asked: list[str]) -> str:
    if _FOLLOW_UP.fullmatch(key):
        return _(
            "not asked with these answers: follow-up questions come only for the functions, objectives "
            "and social team chosen"
        )
    hint = did_you_mean(key, asked) or _("; {page} lists them").format(page="docs/interview.md")
    return _("unknown answer key{hint}").format(hint=hint)


def answers_yaml(answers: Answers, comment: str) -> str:
    """The answers as an answers file, headed by `comment` (drafts are saved this way)."""
    import yaml

    header = "".join(f"# {line}\n" for line in comment.splitlines())
    return header + yaml.safe_dump({"version": 1, **answers}, sort_keys=False, allow_unicode=True, width=100)
