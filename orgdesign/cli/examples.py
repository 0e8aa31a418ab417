"""`orgdesign examples`: the bundled example org files."""

from __future__ import annotations

from orgdesign.cli.common import Lang, boundary, out_console


@boundary
def examples(lang: Lang = None) -> None:
    """List the bundled example org files."""
    from orgdesign.input.examples import bundled
    from orgdesign.present.org_view import examples_view

    out_console().print(examples_view(bundled()))
