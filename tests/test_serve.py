"""`orgdesign serve`'s API through Starlette's test client: what-ifs, 422s, the token, the Host check, the body cap."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from conftest import ROOT
from starlette.testclient import TestClient

from orgdesign.engine.pipeline import recommend
from orgdesign.input.load import load_org
from orgdesign.input.scenario import WhatIf, load_scenario
from orgdesign.present.json_report import to_json
from orgdesign.serve.app import create_app
from orgdesign.serve.security import COOKIE, MAX_BODY
from orgdesign.serve.workshop import Workshop

TOKEN = "test-token-0123456789"
AIRLINE = ROOT / "examples" / "airline.yaml"
LOWER = {"set": ["departments.mktcomms.capacity=1"]}


@pytest.fixture
def folder(tmp_path):
    shutil.copy(AIRLINE, tmp_path / "airline.yaml")
    return tmp_path


@pytest.fixture
def client(folder):
    app = create_app(Workshop(str(folder / "airline.yaml")), TOKEN, {"testserver"})
    with TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        yield client


def test_recommend_without_what_ifs_is_the_cli_json(client, folder):
    answer = client.post("/api/recommend", json={})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.text == to_json(recommend(load_org(str(folder / "airline.yaml"))))


def test_a_what_if_answers_what_the_cli_answers_for_it(client, folder):
    answer = client.post("/api/recommend", json=LOWER)
    scenario = WhatIf(tuple(LOWER["set"]), origin="<what-if>")
    assert answer.text == to_json(recommend(load_scenario(str(folder / "airline.yaml"), scenario)))
    owners = {a["objective"]: a["owner"] for a in answer.json()["assignments"]}
    assert owners["account_governance"] == "comms"  # moved off Marketing & Communications


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"set": ["departments.nobody.capacity=4"]},
            "<what-if>: set departments.nobody.capacity=4: unknown department",
        ),
        ({"set": ["departments.mktcomms.capacity=-3"]}, "set departments.mktcomms.capacity=-3"),
        ({"without": ["nobody"]}, "without nobody"),
        ({"with": ["astrology"]}, "with astrology"),
        ({"set": "departments.mktcomms.capacity=1"}, '"set" must be a list of strings'),
    ],
)
def test_a_bad_what_if_is_a_located_422(client, body, expected):
    answer = client.post("/api/recommend", json=body)
    assert answer.status_code == 422
    assert any(expected in line for line in answer.json()["error"]), answer.json()
    assert answer.json().get("diagnostics", [{}])[0].get("file", "<what-if>") in ("<what-if>", "<request>")


def test_a_body_that_is_not_json_is_a_422(client):
    answer = client.post("/api/recommend", content=b"{not json", headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert "not JSON" in answer.json()["error"][0]


def test_compare_lists_the_owners_that_moved(client):
    answer = client.post("/api/compare", json=LOWER)
    assert answer.status_code == 200
    moved = {change["objective"]: change for change in answer.json()["ownership_changes"]}
    assert moved["account_governance"]["from"] == "mktcomms" and moved["account_governance"]["to"] == "comms"
    assert moved["account_governance"]["cause"] == "capacity"


def test_explain_gives_reasons_and_the_runner_up(client):
    answer = client.post("/api/explain", json={"objective": "Accounts and guidelines", **LOWER})
    assert answer.status_code == 200, answer.text
    text = answer.text
    assert "Communications & Outreach" in text
    unknown = client.post("/api/explain", json={"objective": "nothing like it"})
    assert unknown.status_code == 422 and "nothing like it" in unknown.text


# --- the gate ------------------------------------------------------------------------------


def test_no_token_is_401_and_a_wrong_one_403(folder):
    app = create_app(Workshop(str(folder / "airline.yaml")), TOKEN, {"testserver"})
    with TestClient(app) as bare:
        assert bare.post("/api/recommend", json={}).status_code == 401
        assert bare.get("/").status_code == 401
        assert bare.post("/api/recommend", json={}, headers={"Authorization": "Bearer nope"}).status_code == 403
        assert bare.get("/api/org?token=nope").status_code == 403
        assert bare.get(f"/api/org?token={TOKEN}").status_code == 200


def test_the_token_in_the_url_becomes_a_strict_http_only_cookie(folder):
    app = create_app(Workshop(str(folder / "airline.yaml")), TOKEN, {"testserver"})
    with TestClient(app) as browser:
        first = browser.get(f"/?token={TOKEN}", follow_redirects=False)
        assert first.status_code == 303 and first.headers["location"] == "/"
        cookie = first.headers["set-cookie"]
        assert (
            f"{COOKIE}={TOKEN}" in cookie
            and "HttpOnly" in cookie
            and "SameSite=strict" in cookie.replace("SameSite=Strict", "SameSite=strict")
        )
        page = browser.get("/")  # the cookie alone now opens the page and the API
        assert page.status_code == 200 and "<html" in page.text.lower()
        assert browser.post("/api/recommend", json={}).status_code == 200


def test_a_foreign_host_is_refused_even_with_the_token(client):
    answer = client.post("/api/recommend", json={}, headers={"Host": "evil.example:8000"})
    assert answer.status_code == 403
    assert "own address" in answer.text


def test_the_page_has_a_strict_policy_and_no_cors(client):
    page = client.get("/", headers={"Origin": "http://evil.example"})
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert not any(name.lower().startswith("access-control-") for name in page.headers)
    preflight = client.options("/api/recommend", headers={"Origin": "http://evil.example"})
    assert not any(name.lower().startswith("access-control-") for name in preflight.headers)


def test_the_page_has_no_inline_script(client):
    page = client.get("/").text
    assert "<script>" not in page and 'src="/static/app.js"' in page
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/../app.py").status_code == 404


def test_a_body_over_the_cap_is_413(client):
    filler = ["departments.mktcomms.capacity=1"] * (MAX_BODY // 30)
    answer = client.post("/api/recommend", content=json.dumps({"set": filler}).encode())
    assert answer.status_code == 413


# --- save as ----------------------------------------------------------------------------------


def test_save_as_writes_a_valid_org_file_with_the_what_ifs(client, folder):
    before = (folder / "airline.yaml").read_bytes()
    answer = client.post("/api/save", json={"path": "workshop.yaml", **LOWER})
    assert answer.status_code == 200 and answer.json() == {"saved": "workshop.yaml"}
    saved = load_org(str(folder / "workshop.yaml"))
    assert {d.id: d.capacity for d in saved.departments}["mktcomms"] == 1
    assert (folder / "airline.yaml").read_bytes() == before  # the org file itself is only read


def test_save_as_refuses_an_existing_file_unless_told_to_overwrite(client, folder):
    (folder / "taken.yaml").write_text("keep me\n")
    refused = client.post("/api/save", json={"path": "taken.yaml", **LOWER})
    assert refused.status_code == 409 and refused.json() == {"error": ["taken.yaml: already exists"], "exists": True}
    assert (folder / "taken.yaml").read_text() == "keep me\n"
    assert client.post("/api/save", json={"path": "taken.yaml", "overwrite": True, **LOWER}).status_code == 200
    assert yaml.safe_load((folder / "taken.yaml").read_text())["organization"]["name"] == "Southwind Airlines"


@pytest.mark.parametrize("path", ["../escape.yaml", "/abs.yaml", "sub/../../x.yaml", "", "notes.txt"])
def test_save_as_stays_in_the_org_files_folder(client, folder, path):
    answer = client.post("/api/save", json={"path": path})
    assert answer.status_code == 422
    assert not (folder.parent / "escape.yaml").exists()


def test_save_as_refuses_a_bad_what_if_and_writes_nothing(client, folder):
    answer = client.post("/api/save", json={"path": "bad.yaml", "without": ["nobody"]})
    assert answer.status_code == 422 and not (folder / "bad.yaml").exists()


# --- export -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("format", "content_type", "suffix"),
    [
        ("svg", "image/svg+xml", ".svg"),
        ("html", "text/html", ".html"),
        ("csv", "text/csv", ".csv"),
        ("json", "application/json", ".json"),
        ("markdown", "text/markdown", ".md"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    ],
)
def test_export_gives_each_format_its_type_and_a_download_name(client, format, content_type, suffix):
    answer = client.get(f"/api/export?format={format}&set=departments.mktcomms.capacity=1")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(content_type)
    assert answer.headers["content-disposition"] == f'attachment; filename="airline{suffix}"'
    posted = client.post("/api/export", json={"format": format, **LOWER})
    assert posted.content == answer.content or format == "xlsx"  # a workbook carries its creation time


def test_export_of_an_unknown_format_is_a_422(client):
    answer = client.get("/api/export?format=doc")
    assert answer.status_code == 422 and "unknown format" in answer.text


# --- hostile names --------------------------------------------------------------------------


def test_hostile_names_stay_data_in_the_json(tmp_path):
    from test_export import HOSTILE, _hostile_org

    (tmp_path / "hostile.yaml").write_text(yaml.safe_dump(_hostile_org()))
    app = create_app(Workshop(str(tmp_path / "hostile.yaml")), TOKEN, {"testserver"})
    with TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        answer = client.post("/api/recommend", json={"set": ["departments.d0.capacity=2"]})
        assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
        names = {a["objective_name"] for a in answer.json()["assignments"]}
        assert set(HOSTILE) <= names  # exactly as written: JSON strings, to be inserted as text
        assert set(HOSTILE) >= {d["name"] for d in client.get("/api/org").json()["departments"]}


# --- the command --------------------------------------------------------------------------


def test_a_bad_file_is_a_located_error_before_anything_listens(cli, tmp_path):
    (tmp_path / "broken.yaml").write_text("organization: {name: X}\ndepartments: []\n")
    result = cli("serve", tmp_path / "broken.yaml", "--no-browser")
    assert result.exit_code == 2
    assert "broken.yaml" in result.stderr and "http://" not in result.stdout
    assert "Traceback" not in result.stderr
    missing = cli("serve", tmp_path / "missing.yaml", "--no-browser")
    assert missing.exit_code == 2 and "missing.yaml" in missing.stderr


def test_dropping_a_department_and_adding_a_team_reach_the_answer(client):
    dropped = client.post("/api/recommend", json={"without": ["media_agency"]}).json()
    assert "media_agency" not in {a["owner"] for a in dropped["assignments"]}
    assert all("media_agency" not in link["departments"] for link in dropped["links"])
    added = client.post("/api/compare", json={"with": ["social_media"]})
    assert added.status_code == 200
    assert "social" in " ".join(change["to_name"].lower() for change in added.json()["ownership_changes"])


def test_pinning_and_forbidding_an_owner_move_it_and_say_why(client):
    answer = client.post("/api/compare", json={"pin": ["care=Customer Relations"], "forbid": ["reputation=comms"]})
    assert answer.status_code == 200, answer.text
    moved = {change["objective"]: change for change in answer.json()["ownership_changes"]}
    assert moved["care"]["to"] == "customer_relations" and moved["care"]["cause"] == "pinned"
    assert moved["reputation"]["from"] == "comms" and moved["reputation"]["cause"] == "forbidden"
    assert moved["reputation"]["to"] != "comms"


def test_a_bad_constraint_is_a_located_422(client):
    answer = client.post("/api/recommend", json={"pin": ["care=nobody"]})
    assert answer.status_code == 422
    assert answer.json()["error"][0].startswith("<what-if>: pin care=nobody: unknown department 'nobody'")


def test_the_servers_own_names_pass_the_host_check_and_others_do_not():
    import socket

    from orgdesign.serve.security import own_hosts

    assert own_hosts("127.0.0.1", 8000) == {"127.0.0.1:8000", "localhost:8000"}
    assert own_hosts("::1", 8000) == {"[::1]:8000", "localhost:8000"}
    everywhere = own_hosts("0.0.0.0", 8000)
    assert {"127.0.0.1:8000", "localhost:8000", f"{socket.gethostname().lower()}:8000"} <= everywhere
    assert "evil.example:8000" not in everywhere and "127.0.0.1:8001" not in everywhere


def test_the_page_gets_its_words_in_the_language_serve_runs_in(client):
    from orgdesign import i18n
    from orgdesign.serve.page_words import PAGE

    english = client.get("/api/org").json()
    assert english["lang"] == "en" and english["words"] == {text: text for text in PAGE}
    i18n.use("de")
    german = client.get("/api/org").json()
    assert german["lang"] == "de" and german["words"]["Undo"] != "Undo"
    assert german["models"]["centralized"] == "zentralisiert"
    assert all(
        "{" not in text or set(_placeholders(text)) == set(_placeholders(german["words"][text])) for text in PAGE
    )


def _placeholders(text: str) -> list[str]:
    import re

    return re.findall(r"\{\w+\}", text)
