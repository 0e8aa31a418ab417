"""`orgdesign schema [org|report]`: the JSON Schema of org files, or of the JSON report."""

from __future__ import annotations

from typing import Annotated

import typer

from orgdesign.cli.common import Lang, boundary, write_document


@boundary
def schema(
    what: Annotated[
        str,
        typer.Argument(
            help="org: the org file (the default); report: the JSON of recommend --format json.", metavar="org|report"
        ),
    ] = "org",
    lang: Lang = None,
) -> None:
    """Print a JSON Schema: of org files (for editors that validate YAML and JSON), or of the JSON report."""
    import json

    from orgdesign.errors import UsageError
    from orgdesign.i18n import _

    if what == "org":
        from orgdesign.input.model import OrgFile

        document = OrgFile.model_json_schema()
    elif what == "report":
        from orgdesign.present.report_model import report_schema

        document = report_schema()
    else:
        raise UsageError(
            "org|report", _("unknown schema {name} (expected org, the default, or report)").format(name=repr(what))
        )
    write_document(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
