"""`orgdesign interview`: the guided interview, in a terminal or from an answers file."""

from __future__ import annotations

import os
import shlex
import sys

import typer

from orgdesign.cli.common import Lang, boundary, out_console, print_error_lines
from orgdesign.i18n import N_, _

DEFAULT_OUTPUT = "org.yaml"
NEEDS_TERMINAL = N_("orgdesign interview needs a terminal; give answers with --answers FILE (see docs/interview.md)")


def stdin_is_terminal() -> bool:
    """Whether a person can answer; tests replace this to drive the prompts through CliRunner."""
    return sys.stdin.isatty()


@boundary
def interview(
    output: str = typer.Option(DEFAULT_OUTPUT, "--output", "-o", help="Where to save the org file.", metavar="FILE"),
    resume: bool = typer.Option(False, "--resume", help="Continue the interview saved beside --output."),
    answers: str = typer.Option(
        None, "--answers", help="Take the answers from this YAML file instead of a terminal.", metavar="FILE"
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    lang: Lang = None,
) -> None:
    """Answer plain questions; get a recommendation and an org file."""
    from orgdesign.errors import InputError, OutputError, UsageError
    from orgdesign.interview.session import answers_yaml, draft_path, load_answers, replay, run
    from orgdesign.interview.terminal import TerminalPrompter
    from orgdesign.write import write_atomic

    if answers and resume:
        raise UsageError("--resume", _("continues a terminal interview; leave it out when giving --answers"))
    if output.lower().endswith(".json"):
        raise UsageError("--output", _("the interview writes YAML; give a file name ending in .yaml"))
    if os.path.isdir(output):
        raise OutputError(_("{path}: is a directory; give a file name").format(path=output))
    if not os.path.isdir(os.path.dirname(os.path.abspath(output))):
        raise OutputError(_("{path}: its folder does not exist").format(path=output))
    if answers:
        if os.path.exists(output) and not force:
            raise OutputError(_("{path}: already exists; use --force to overwrite it").format(path=output))
        _finish(replay(load_answers(answers), complete=True), output, force, None)
        return
    if not stdin_is_terminal():
        print_error_lines([_(NEEDS_TERMINAL)])
        raise typer.Exit(2)

    prompter = TerminalPrompter(out_console())
    draft = draft_path(output)
    replace = force
    if os.path.exists(output) and not force:
        question = _("{path} already exists. Replace it when the interview ends?").format(path=output)
        if not prompter.confirm(question, default=False):
            kept = _("{path}: left as it is; choose another file with --output").format(path=output)
            print_error_lines([kept], style="yellow")
            raise typer.Exit(2)
        replace = True
    given = {}
    if os.path.exists(draft):
        question = _("An unfinished interview is saved in {path}. Continue it?").format(path=draft)
        if not resume and not prompter.confirm(question, True):
            kept = _("{path}: kept; continue it with --resume, or delete it to start over").format(path=draft)
            print_error_lines([kept], style="yellow")
            raise typer.Exit(2)
        given = replay(load_answers(draft), complete=False)
    elif resume:
        raise InputError.single(draft, _("no unfinished interview to resume; start one without --resume"))

    resume_command = "orgdesign interview --resume"
    if output != DEFAULT_OUTPUT:
        resume_command += f" --output {shlex.quote(output)}"
    comment = _("An unfinished orgdesign interview: the answers so far.\nContinue it with: {command}").format(
        command=resume_command
    )
    try:
        run(prompter, given, lambda so_far: write_atomic(draft, answers_yaml(so_far, comment), force=True))
    except (KeyboardInterrupt, EOFError) as stop:
        out_console().print()
        if os.path.exists(draft):
            if isinstance(stop, KeyboardInterrupt):
                saved = _("Paused. Your answers so far are saved in {path}.")
            else:
                saved = _("The input ended. Your answers so far are saved in {path}.")
            lines = [saved.format(path=draft), _("Continue with: {command}").format(command=resume_command)]
        else:
            lines = [_("Stopped before the first answer; nothing was saved.")]
        print_error_lines(lines, style="yellow")
        raise typer.Exit(130 if isinstance(stop, KeyboardInterrupt) else 1) from None
    if prompter.console.is_terminal:
        prompter.console.clear()
    _finish(given, output, replace, draft)


def _finish(answers: dict, output: str, replace: bool, draft: str | None) -> None:
    """Write the org file, drop the draft, and show the recommendation."""
    from orgdesign.engine.pipeline import recommend
    from orgdesign.errors import InfeasibleError
    from orgdesign.input.load import validate_data
    from orgdesign.interview.builder import build_org, org_yaml
    from orgdesign.interview.terminal import summary_view
    from orgdesign.present.terminal import text
    from orgdesign.write import write_atomic

    data = build_org(answers)
    org = validate_data(data, "<interview>")
    write_atomic(output, org_yaml(data), force=replace)
    if draft and os.path.exists(draft):
        os.remove(draft)
    console = out_console()
    try:
        result = recommend(org)
    except InfeasibleError:
        saved = _("Saved the org file to {path}, but no department can own some objectives:").format(path=output)
        console.print(text(saved), soft_wrap=True)
        raise
    console.print(summary_view(result, output))
