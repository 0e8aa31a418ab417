"""The routes of the workshop page: the page itself, and the JSON API it calls for every what-if.

Every answer is computed from the request alone (the what-ifs the page holds) and the
warm Workshop, so the server keeps no scenario of its own. Bad what-ifs answer 422 with the
same located lines the command line prints.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from orgdesign.errors import BadValue, InfeasibleError, InputError, OrgdesignError
from orgdesign.i18n import _
from orgdesign.serve.security import COOKIE, MAX_BODY, Gate
from orgdesign.serve.workshop import VERBS, Workshop, what_if

STATIC = Path(__file__).parent / "static"
ASSETS = {"app.js": "text/javascript", "app.css": "text/css"}
CONTENT_TYPES = {
    "mermaid": "text/plain; charset=utf-8",
    "dot": "text/vnd.graphviz; charset=utf-8",
    "graphml": "application/graphml+xml; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "svg": "image/svg+xml",
    "html": "text/html; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class TooLarge(Exception):
    """A request body over MAX_BODY."""


def create_app(workshop: Workshop, token: str, hosts: set[str]):
    """The ASGI app for one org file, behind the token and Host gate."""

    async def page(request: Request) -> Response:
        if "token" in request.query_params:  # the printed URL: keep the token in a cookie, drop it from the address
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
            return response
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return _error(404, _("no such file: {name}").format(name=name))
        return FileResponse(STATIC / name, media_type=ASSETS[name])

    async def org(request: Request) -> Response:
        return JSONResponse(_org_summary(workshop))

    async def recommend(request: Request) -> Response:
        return await _answer(request, lambda body: _recommend_json(workshop, body))

    async def compare(request: Request) -> Response:
        return await _answer(request, lambda body: _compare_json(workshop, body))

    async def explain(request: Request) -> Response:
        return await _answer(request, lambda body: _explain_json(workshop, body))

    async def save(request: Request) -> Response:
        return await _answer(request, lambda body: _save(workshop, body))

    async def export(request: Request) -> Response:
        if request.method == "GET":
            query = request.query_params
            body = {key: query.getlist(key) for key in VERBS}
            body["format"], body["view"] = query.get("format", ""), query.get("view", "recommended")
            return await _answer(request, lambda _body: _export(workshop, body), read=False)
        return await _answer(request, lambda body: _export(workshop, body))

    routes = [
        Route("/", page),
        Route("/static/{name}", asset),
        Route("/favicon.ico", lambda request: Response(status_code=204)),  # no icon: not a 404 on the console
        Route("/api/org", org),
        Route("/api/recommend", recommend, methods=["POST"]),
        Route("/api/compare", compare, methods=["POST"]),
        Route("/api/explain", explain, methods=["POST"]),
        Route("/api/save", save, methods=["POST"]),
        Route("/api/export", export, methods=["GET", "POST"]),
    ]
    return Gate(Starlette(routes=routes), token, hosts)


async def _answer(request: Request, compute, read: bool = True) -> Response:
    """Read the JSON body (capped), compute in a worker thread, and turn orgdesign errors into 422."""
    try:
        body = await _json_body(request) if read else {}
        answer = await run_in_threadpool(compute, body)
    except TooLarge:
        return _error(413, _("the request body is over {size} KB").format(size=MAX_BODY // 1024))
    except InputError as error:
        return JSONResponse(
            {"error": error.lines, "diagnostics": [_diagnostic(d) for d in error.diagnostics]}, status_code=422
        )
    except (BadValue, InfeasibleError, OrgdesignError) as error:
        return _error(422, *error.lines)
    return answer if isinstance(answer, Response) else JSONResponse(answer)


async def _json_body(request: Request) -> dict:
    """The request's JSON object, refused past MAX_BODY whatever Content-Length claims."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise TooLarge
    data = b""
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY:
            raise TooLarge
    try:
        body = json.loads(data or b"{}")
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError.single("<request>", _("the body is not JSON: {problem}").format(problem=error)) from None
    if not isinstance(body, dict):
        raise InputError.single("<request>", _("the body must be a JSON object"))
    return body


def _diagnostic(d) -> dict:
    return {"file": d.file, "line": d.line, "column": d.column, "field": d.field, "message": d.message}


def _error(status: int, *lines: str) -> JSONResponse:
    return JSONResponse({"error": list(lines)}, status_code=status)


def _raw_json(text: str) -> Response:
    """A JSON document already rendered by present/, sent as it is (byte-identical to the CLI's)."""
    return Response(text, media_type="application/json")


def _recommend_json(workshop: Workshop, body: dict) -> Response:
    from orgdesign.present.json_report import to_json

    return _raw_json(to_json(workshop.result(what_if(body))))


def _compare_json(workshop: Workshop, body: dict) -> Response:
    from orgdesign.engine.compare import compare
    from orgdesign.present.json_report import document_json
    from orgdesign.present.view_compare import comparison

    scenario = what_if(body)
    after = workshop.result(scenario)
    label = workshop.path + (f" {scenario.describe()}" if scenario else "")
    found = compare(workshop.baseline, after, workshop.path, label)
    return _raw_json(document_json(comparison(found, workshop.baseline, after)))


def _explain_json(workshop: Workshop, body: dict) -> Response:
    from orgdesign.engine.explain import explain
    from orgdesign.present.json_report import document_json
    from orgdesign.present.view_explain import explanation

    objective, department = body.get("objective"), body.get("department")
    if not isinstance(objective, str) or not (department is None or isinstance(department, str)):
        raise BadValue("objective", _("give the objective (and optionally the department) as text"))
    result = workshop.result(what_if(body))
    explained = explain(result, objective, department)
    return _raw_json(document_json(explanation(result, explained.assignment, explained.contrast)))


def _save(workshop: Workshop, body: dict) -> dict:
    import yaml

    from orgdesign.write import write_atomic

    target = workshop.target(body.get("path", ""))
    name = os.path.relpath(target, os.path.dirname(os.path.abspath(workshop.path)))
    data = workshop.scenario_data(what_if(body))
    overwrite = body.get("overwrite") is True
    if os.path.lexists(target) and not overwrite:  # the page asks before it sends overwrite: true
        return JSONResponse({"error": [_("{path}: already exists").format(path=name)], "exists": True}, status_code=409)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    write_atomic(target, text, force=overwrite)
    return {"saved": name}


def _export(workshop: Workshop, body: dict) -> Response:
    from orgdesign.present.formats import FORMATS, export

    format, view = body.get("format", ""), body.get("view", "recommended")
    if not isinstance(format, str) or not isinstance(view, str):
        raise BadValue("format", _("give the format and the view as text"))
    rendered = export(workshop.result(what_if(body)), format, view)
    stem = Path(workshop.path).stem
    name = f"{stem}{FORMATS[format].suffix}".replace('"', "")
    return Response(
        rendered,
        media_type=CONTENT_TYPES[format],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def _org_summary(workshop: Workshop) -> dict:
    """What the edit panel offers (departments, objectives, functions, today's owners), and the page's words.

    `words` maps each of the page's English texts to the language `serve` runs in; `models` names the
    structure models the same way.
    """
    from orgdesign.engine.structure import MODELS, label
    from orgdesign.i18n import language
    from orgdesign.serve.page_words import page_words

    org = workshop.baseline.org
    return {
        "file": Path(workshop.path).name,
        "organization": org.organization.name,
        "departments": [
            {"id": d.id, "name": d.name or d.id, "function": d.function, "capacity": d.capacity}
            for d in org.departments
        ],
        "objectives": [{"id": o.id, "name": o.name or o.id, "priority": o.priority} for o in org.objectives],
        "current_owners": dict(org.current_owners),
        "functions": sorted(workshop.book.vocabulary.functions),
        "lang": language(),
        "words": page_words(),
        "models": {model: label(model) for model in MODELS},
    }
