"""Help that reads like the rest of the help: `FILE`, not `{file}` or `<str>`; flags without `<bool>`.

typer labels every value with its Python type (`<list[str]>`, `<bool>`) and
wraps a required argument in braces in the usage line. orgdesign's options
name what they take (FILE, PATH=VALUE, FORMAT) in their metavar, so those
labels only repeat it, in a programmer's words. `Command` and `Group` give
every parameter the plain form once, when its help is first asked for.
"""

from __future__ import annotations

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


class PlainArgument(TyperArgument):
    """An argument shown as its metavar: `FILE`, `[B]`, `FILE...`."""

    def display_type_rich(self, ctx) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.metavar or self.name.upper()
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"


class PlainOption(TyperOption):
    """An option shown with its metavar, a flag with nothing after it, a range left to the help text."""

    def display_type_rich(self, ctx) -> str | None:
        if self.is_flag:
            return None
        return self.metavar or self.name.upper()

    def _get_number_range_help_str(self) -> str | None:
        return None


def plain(params) -> None:
    """Give each typer parameter its plain help form (a subclass adding no state, so the switch is safe)."""
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = PlainArgument
        elif type(param) is TyperOption:
            param.__class__ = PlainOption


class Command(TyperCommand):
    """A command whose help names values the way its metavars do."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        plain(params)
        return params


class Group(TyperGroup):
    """The root and `rules` groups, with the same plain help."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        plain(params)
        return params
