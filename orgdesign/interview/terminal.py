"""The interview in a terminal: rich screens for the questions and for the result.

One screen per question: a step indicator, the question with its default in
brackets, a line of help, the choices, and an input line; then the closing
screen with the recommendation and what to run next. Everything a person
typed, and every name shown back, goes through `present.terminal.text()`, so
it is shown literally, never read as markup. Every screen speaks the language
in use; the commands it suggests stay as they are typed.
"""

from __future__ import annotations

import shlex
from typing import Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from orgdesign.i18n import N_, _, ngettext
from orgdesign.interview.answers import Refused, yes_no_bracket, yes_no_hint, yes_or_no
from orgdesign.interview.questions import Question
from orgdesign.present.terminal import clean, section_view, text

PROMPT = Text("› ", style="bold cyan")
HINT = N_("Enter keeps [the answer] · ? explains · Ctrl-C pauses and keeps your answers")


def bracket(question: Question, value: Any) -> str:
    """The default as shown between brackets: what pressing Enter means."""
    if question.kind == "yes_no":
        return yes_no_bracket(value)
    if question.kind == "multi":
        ids = [ident for ident, _label in question.choices]
        return " ".join(str(ids.index(ident) + 1) for ident in value)
    return question.label(value) if question.kind == "choice" else str(value)


class TerminalPrompter:
    """Asks in a terminal; a refused answer or `?` keeps the screen and asks again below."""

    def __init__(self, console: Console):
        self.console = console
        self._showing: str | None = None

    def ask(self, question: Question, default: Any, step: int, total: int) -> str:
        if question.key != self._showing:
            self._showing = question.key
            self._screen(question, default, step, total)
        return self.console.input(PROMPT)

    def say(self, message: str) -> None:
        for line in message.splitlines():
            self.console.print(text(line))

    def warn(self, message: str) -> None:
        self.console.print(text(_("{reason}. Try again.").format(reason=message), "yellow"))

    def confirm(self, message: str, default: bool) -> bool:
        """A yes/no question outside the interview (overwrite a file, continue a draft)."""
        self.console.print()
        self.console.print(text(message, "bold") + Text(f" [{yes_no_bracket(default)}]", style="cyan"))
        if yes_no_hint():
            self.console.print(text(yes_no_hint(), "dim"))
        while True:
            reply = self.console.input(PROMPT).strip()
            if not reply:
                return default
            try:
                return yes_or_no(reply)
            except Refused as refusal:
                self.console.print(text(str(refusal), "yellow"))

    def _screen(self, question: Question, default: Any, step: int, total: int) -> None:
        console = self.console
        if console.is_terminal:
            console.clear()
        else:
            console.print()
        title = _("Step {step} of {total} · {section}").format(step=step, total=total, section=_(question.section))
        console.print(Rule(Text(title, style="bold"), align="left", style="cyan"))
        console.print(Text(_(HINT), style="dim"))
        console.print()
        line = text(question.prompt, "bold")
        shown = bracket(question, default)
        if shown:
            line.append(f" [{clean(shown)}]", style="cyan")
        console.print(line)
        if question.help:
            console.print(text(question.help, "dim"))
        if question.kind == "yes_no" and yes_no_hint():
            console.print(text(yes_no_hint(), "dim"))
        if question.choices:
            console.print(_choices(question, default))
        if question.kind == "multi":
            console.print(Text(_("Type the numbers you want, separated by spaces, such as 1 2 5."), style="dim"))
        console.print()


def _choices(question: Question, default: Any) -> Padding:
    """A numbered list with the defaults ticked.

    Ids are shown only where they are the words a person would type (size,
    structure); lists picked by number, and named choices, show what the
    choice means. Ids are still accepted wherever a number is.
    """
    chosen = set(default) if question.kind == "multi" else {default}
    with_ids = question.kind == "choice" and not question.named
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="green")
    grid.add_column(justify="right")
    if with_ids:
        grid.add_column(style="cyan", no_wrap=True)
    grid.add_column(style="dim" if with_ids else "")
    for number, (ident, label) in enumerate(question.choices, 1):
        shown = (text(ident), text(label)) if with_ids else (text(label),)
        grid.add_row("✓" if ident in chosen else " ", str(number), *shown)
    return Padding(grid, (1, 0, 0, 2))


def summary_view(result, output: str) -> Group:
    """The end of the interview: owners, key findings, structure, where the file is, what to run next."""
    from dataclasses import replace

    from orgdesign.present.view import recommendation

    org = result.org
    first = min(org.objectives, key=lambda o: (-o.priority, o.id))
    key_findings = [f for f in result.findings if f.severity != "info"] or list(result.findings)
    view = recommendation(replace(result, findings=tuple(key_findings)))
    more = len(result.findings) - len(key_findings)
    findings = section_view(view.section("findings"), _("Key findings"))
    if more:
        findings.append(
            text(
                ngettext("and {count} more in {command}", "and {count} more in {command}", more).format(
                    count=more, command="orgdesign recommend"
                ),
                "dim",
            )
        )
    before, _path, after = _("Saved the org file to {path}. Next:").partition("{path}")
    saved = Text(before, style="green") + text(output, "bold green") + Text(after, style="green")
    return Group(
        Rule(Text(_("Your recommendation"), style="bold"), align="left", style="cyan"),
        text(org.organization.name, "bold"),
        *section_view(view.section("owners")),
        *findings,
        *section_view(view.section("structure")),
        Text(),
        saved,
        *next_steps(shlex.quote(output), first.id, _explained(result, first)),
    )


def _explained(result, objective) -> str:
    owner = result.org.department(result.solution.owners[objective.id])
    return _("Why {department} should be in charge of {objective}").format(
        department=owner.name or owner.id, objective=objective.name or objective.id
    )


def next_steps(path: str, objective: str, why: str) -> list[Padding]:
    """The commands to run next, each with what it gives, on a line of its own so narrow terminals wrap well.

    The first one promises what the terminal `recommend` shows: keep the wording true to it.
    """
    steps = (
        (
            f"orgdesign recommend {path}",
            _(
                "Everything: who must work with whom, what changes from today, and a RACI chart: for each "
                "objective, who is in charge (A), does the work (R), is asked first (C) and is kept informed (I)."
            ),
        ),
        (f"orgdesign explain {path} {objective}", _("{reason}, and what would change that.").format(reason=why)),
        (
            f"orgdesign export {path} --format html --output report.html",
            _("A report to share, with the org chart."),
        ),
    )
    out = []
    for command, why in steps:
        out += [Padding(text(command, "bold"), (0, 0, 0, 2)), Padding(text(why, "dim"), (0, 0, 0, 4))]
    return out
