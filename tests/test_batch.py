"""`orgdesign batch`: a folder of org files, good and bad, in parallel, with a portfolio summary."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import time
from collections import Counter

import pytest
from conftest import EXAMPLES, ROOT

import orgdesign
from orgdesign import batch as portfolio

INFEASIBLE = """\
organization: {name: Tight Corp, industry: airline, region: europe, size: small}
departments:
  - {id: ceo, name: Executive, function: executive, capacity: 0}
  - {id: comms, name: Communications, function: communications, reports_to: ceo, capacity: 1}
objectives:
  - {id: rep_a, name: Reputation A, kind: reputation, priority: 5}
  - {id: rep_b, name: Reputation B, kind: reputation, priority: 4}
"""
UNKNOWN_FUNCTION = """\
organization: {name: Typo Inc, region: europe, size: small}
departments:
  - {id: ceo, name: Executive, function: executive}
  - {id: care, name: Care, function: custmer_service, reports_to: ceo}
objectives:
  - {id: care, name: Care, kind: customer_care}
"""
forking = pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="patches reach workers by fork")


def good_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    return folder


def add_bad_files(folder):
    (folder / "broken.yaml").write_text("organization: [\n  oops", encoding="utf-8")
    (folder / "typo.yaml").write_text(UNKNOWN_FUNCTION, encoding="utf-8")
    (folder / "not_an_org.json").write_text('{"hello": "world"}\n', encoding="utf-8")
    (folder / "tight.yml").write_text(INFEASIBLE, encoding="utf-8")


def test_a_mix_of_good_and_bad_files(cli, tmp_path):
    folder = good_folder(tmp_path)
    add_bad_files(folder)
    (folder / "notes.txt").write_text("not an org file", encoding="utf-8")
    (folder / "sub").mkdir()
    out = tmp_path / "out"
    result = cli("batch", folder, "--output", out, "--workers", "2")
    assert result.exit_code == 2, result.stderr

    for example in EXAMPLES:  # each good file: the same JSON and Markdown as `recommend` gives
        written = (out / (example.stem + ".json")).read_text(encoding="utf-8")
        assert written == cli("recommend", example, "-f", "json").stdout
        json.loads(written)
        report = (out / (example.stem + ".md")).read_text(encoding="utf-8")
        assert report == cli("recommend", example, "-f", "markdown").stdout
    for bad in ("broken", "typo", "not_an_org", "tight"):
        assert not (out / f"{bad}.json").exists() and not (out / f"{bad}.md").exists()

    errors = result.stderr
    assert f"{folder / 'broken.yaml'}:3:1: invalid YAML" in errors
    assert (
        f"{folder / 'typo.yaml'}:4:28: departments[1].function: unknown function 'custmer_service' "
        "(did you mean 'customer_service'?)"
    ) in errors
    assert f"{folder / 'not_an_org.json'}:1:1: organization: required field is missing" in errors
    assert f"{folder / 'tight.yml'}: no feasible assignment" in errors
    assert f"{folder / 'tight.yml'}: help: raise the capacity of 'comms'" in errors
    assert "notes.txt" not in errors + result.stdout

    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    n = len(EXAMPLES)
    assert summary["files"] == n + 4
    assert summary["statuses"] == {"ok": n, "bad-input": 3, "infeasible": 1, "not-written": 0, "internal-error": 0}
    by_file = {r["file"]: r for r in summary["results"]}
    assert [r["file"] for r in summary["results"]] == sorted(by_file)
    assert by_file["tight.yml"]["status"] == "infeasible"
    assert by_file["airline.yaml"]["outputs"] == ["airline.json", "airline.md"]

    results = [orgdesign.recommend(orgdesign.load_org(str(e))) for e in EXAMPLES]  # the counts, recomputed
    owners: dict[str, Counter] = {}
    for r in results:
        graph = r.table.graph
        pairs = {(graph.objectives[o].kind, graph.departments[d].function) for o, d in r.solution.owners.items()}
        for kind, function in pairs:
            owners.setdefault(kind, Counter())[function] += 1
    assert summary["owners"] == {kind: dict(count) for kind, count in owners.items()}
    assert summary["models"] == dict(Counter(r.structure.model for r in results))
    findings = Counter(f.code for r in results for f in r.findings)
    assert {f["code"]: f["findings"] for f in summary["findings"]} == dict(findings)
    assert (out / "summary.md").read_text(encoding="utf-8").startswith("# Portfolio summary")

    assert f"{n + 4} files: {n} ok, 3 bad input, 1 infeasible" in result.stdout
    care = next(line for line in result.stdout.splitlines() if "customer_care" in line)
    assert f"customer_service {owners['customer_care']['customer_service']}" in care
    assert "Failed files" in result.stdout and "tight.yml" in result.stdout


def test_files_that_once_crashed_the_yaml_reader_are_bad_input_not_internal_errors(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    corpus = ROOT / "tests" / "bad_input"
    for name in ("merge_loop.yaml", "merge_tag_value.yaml", "typed_empty_float.yaml", "typed_empty_int.yaml"):
        shutil.copy(corpus / name, folder / name)
    result = cli("batch", folder, "--output", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 2, result.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["statuses"]["bad-input"] == 4 and summary["statuses"]["internal-error"] == 0
    assert "internal error" not in result.stderr
    assert f"{folder / 'merge_loop.yaml'}:1:15: organization: '<<' merges a mapping into itself" in result.stderr


def test_exit_code_is_1_when_an_org_is_infeasible_and_0_when_all_are_good(cli, tmp_path):
    folder = good_folder(tmp_path)
    assert cli("batch", folder, "-o", tmp_path / "ok", "-w", "2").exit_code == 0
    (folder / "tight.yml").write_text(INFEASIBLE, encoding="utf-8")
    result = cli("batch", folder, "-o", tmp_path / "some_infeasible", "-w", "2")
    assert result.exit_code == 1, result.stderr


def test_the_number_of_workers_does_not_change_a_byte(cli, tmp_path):
    folder = good_folder(tmp_path)
    add_bad_files(folder)
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        assert cli("batch", folder, "-o", out, "-w", workers).exit_code == 2
        outputs[workers] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert outputs["1"] == outputs["2"]
    assert {"summary.json", "summary.md", "airline.json", "airline.md"} <= set(outputs["1"])


def test_nothing_is_overwritten_without_force(cli, tmp_path):
    folder = good_folder(tmp_path)
    out = tmp_path / "out"
    assert cli("batch", folder, "-o", out, "-w", "1").exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = cli("batch", folder, "-o", out, "-w", "1")
    assert again.exit_code == 2
    assert f"{out / 'summary.json'}: already exists; use --force" in again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    assert cli("batch", folder, "-o", out, "-w", "1", "--force").exit_code == 0


def test_an_existing_report_fails_that_file_only(cli, tmp_path):
    folder = good_folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "airline.json").write_text("mine\n", encoding="utf-8")
    result = cli("batch", folder, "-o", out, "-w", "2")
    assert result.exit_code == 2
    assert f"{folder / 'airline.yaml'}: {out / 'airline.json'}: already exists; use --force" in result.stderr
    assert (out / "airline.json").read_text(encoding="utf-8") == "mine\n"
    assert not (out / "airline.md").exists()  # never one of the two
    assert (out / "bank.json").exists() and (out / "summary.json").exists()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["statuses"]["not-written"] == 1 and summary["statuses"]["ok"] == len(EXAMPLES) - 1


def test_folder_problems_are_usage_errors(cli, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.txt").write_text("x", encoding="utf-8")
    result = cli("batch", empty, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert f"{empty}: no org files here" in result.stderr
    result = cli("batch", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{tmp_path / 'nowhere'}: no such folder"
    result = cli("batch", EXAMPLES[0], "-o", tmp_path / "out")
    assert result.exit_code == 2 and "is not a folder" in result.stderr
    folder = good_folder(tmp_path)
    result = cli("batch", folder, "-o", folder)
    assert result.exit_code == 2 and "must not be the input folder" in result.stderr
    assert not list(folder.glob("*.md"))
    result = cli("batch", folder, "-o", EXAMPLES[0])
    assert result.exit_code == 2 and "--output takes a folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_user_pack_reaches_every_worker_and_a_bad_one_stops_before_anything(cli, tmp_path, user_pack):
    pack = user_pack
    folder = good_folder(tmp_path)
    out = tmp_path / "out"
    assert cli("batch", folder, "-o", out, "-w", "2", "--rules", pack).exit_code == 0
    for example in EXAMPLES:
        written = (out / (example.stem + ".json")).read_text(encoding="utf-8")
        assert written == cli("recommend", example, "--rules", pack, "-f", "json").stdout
    assert "mine.listening-stays-in-marketing" in (out / "airline.json").read_text(encoding="utf-8")

    pack.write_text("pack: mine\nrules: [{id: nope}]\n", encoding="utf-8")
    result = cli("batch", folder, "-o", tmp_path / "never", "--rules", pack)
    assert result.exit_code == 2 and result.stderr.startswith(f"{pack}:")
    assert not (tmp_path / "never").exists()


def test_inputs_with_the_same_stem_keep_their_full_names(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "airline.yaml", folder / "acme.yaml")
    shutil.copy(ROOT / "examples" / "software_b2b.json", folder / "acme.json")
    shutil.copy(ROOT / "examples" / "bank.yaml", folder / "summary.yaml")
    shutil.copy(ROOT / "examples" / "small_agency.yaml", folder / "agency.yml")
    out = tmp_path / "out"
    assert cli("batch", folder, "-o", out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "acme.json.json",
        "acme.json.md",
        "acme.yaml.json",
        "acme.yaml.md",
        "agency.json",
        "agency.md",
        "summary.json",
        "summary.md",
        "summary.yaml.json",
        "summary.yaml.md",
    ]
    assert json.loads((out / "acme.json.json").read_text(encoding="utf-8"))["organization"] == (
        orgdesign.load_org(str(folder / "acme.json")).organization.name
    )


def test_output_names_that_would_still_collide_are_refused(tmp_path):
    files = ["B.yml", "a.json", "a.yaml", "a.yaml.json", "b.json", "c.yaml"]
    assert portfolio.output_bases(files) == {
        "B.yml": "B.yml",
        "a.json": "a.json",
        "a.yaml": "a.yaml",
        "a.yaml.json": "a.yaml",
        "b.json": "b.json",
        "c.yaml": "c",
    }
    jobs, refused = portfolio.plan("in", files, "out")
    assert [job.file for job in jobs] == ["B.yml", "a.json", "b.json", "c.yaml"]
    assert jobs[-1].outputs == (os.path.join("out", "c.json"), os.path.join("out", "c.md"))
    assert [(r.file, r.status) for r in refused] == [("a.yaml", "not-written"), ("a.yaml.json", "not-written")]
    assert refused[0].lines == (
        f"{os.path.join('in', 'a.yaml')}: its outputs would have the same names as those of a.yaml.json; rename one",
    )


def test_names_from_files_cannot_drive_the_terminal(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b[2J.yaml").write_text("organization: [", encoding="utf-8")
    result = cli("batch", folder, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "\x1b" not in result.stdout + result.stderr
    assert "evil\\x1b[2J.yaml" in result.stdout and "evil\\x1b[2J.yaml" in result.stderr
    assert "\x1b" not in (tmp_path / "out" / "summary.md").read_text(encoding="utf-8")


def test_an_unexpected_error_in_one_file_is_reported_and_the_batch_goes_on(cli, tmp_path, monkeypatch):
    from orgdesign.engine import pipeline

    real = pipeline.recommend

    def fragile(org, rulebook=None, timings=None):
        if org.organization.name == "Southwind Airlines":
            raise MemoryError
        return real(org, rulebook, timings)

    monkeypatch.setattr(pipeline, "recommend", fragile)
    folder = good_folder(tmp_path)
    for workers in ("1", "2") if multiprocessing.get_start_method() == "fork" else ("1",):
        result = cli("batch", folder, "-o", tmp_path / f"out{workers}", "-w", workers)
        assert result.exit_code == 70, result.stderr
        assert f"{folder / 'airline.yaml'}: internal error: MemoryError;" in result.stderr
        summary = json.loads((tmp_path / f"out{workers}" / "summary.json").read_text(encoding="utf-8"))
        assert summary["statuses"]["internal-error"] == 1 and summary["statuses"]["ok"] == len(EXAMPLES) - 1


@forking
def test_a_worker_process_that_dies_fails_only_its_file(cli, tmp_path, monkeypatch):
    from orgdesign.engine import pipeline

    real = pipeline.recommend

    def deadly(org, rulebook=None, timings=None):
        if org.organization.name == "Southwind Airlines":
            os._exit(9)  # what the OOM killer or a crash in C code looks like from here
        return real(org, rulebook, timings)

    monkeypatch.setattr(pipeline, "recommend", deadly)
    folder = good_folder(tmp_path)
    result = cli("batch", folder, "-o", tmp_path / "out", "-w", "2")
    assert result.exit_code == 70, result.stderr
    assert f"{folder / 'airline.yaml'}: internal error: the worker process died" in result.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["statuses"]["ok"] == len(EXAMPLES) - 1
    assert [r["file"] for r in summary["results"] if r["status"] != "ok"] == ["airline.yaml"]


def test_ctrl_c_in_process_lists_what_was_done(cli, tmp_path, monkeypatch):
    from orgdesign.engine import pipeline

    real = pipeline.recommend
    calls = []

    def interrupted(org, rulebook=None, timings=None):
        calls.append(org)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(org, rulebook, timings)

    monkeypatch.setattr(pipeline, "recommend", interrupted)
    folder = good_folder(tmp_path)
    out = tmp_path / "out"
    result = cli("batch", folder, "-o", out, "-w", "1")
    assert result.exit_code == 130
    assert f"interrupted: 2 of {len(EXAMPLES)} files done" in result.stderr
    assert "✓ airline.yaml" in result.stderr and "✓ bank.yaml" in result.stderr
    assert not (out / "summary.json").exists()
    assert sorted(p.name for p in out.iterdir()) == ["airline.json", "airline.md", "bank.json", "bank.md"]


@forking
def test_ctrl_c_cancels_pending_work_in_the_pool(cli, tmp_path, monkeypatch):
    from orgdesign.cli import batch as command

    real = command._failed_label
    fired = []

    def interrupt_once(results):
        if len(results) == 2 and not fired:
            fired.append(True)
            raise KeyboardInterrupt
        return real(results)

    monkeypatch.setattr(command, "_failed_label", interrupt_once)
    folder = tmp_path / "in"
    folder.mkdir()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    for seed in range(60):
        (folder / f"org{seed:03d}.json").write_text(json.dumps(generate(400, 13, seed=seed)), encoding="utf-8")
    out = tmp_path / "out"
    result = cli("batch", folder, "-o", out, "-w", "2")
    assert result.exit_code == 130
    done = int(result.stderr.split("interrupted: ")[1].split(" of ")[0])
    assert 2 <= done < 60
    assert len(list(out.glob("*.json"))) == done and not (out / "summary.json").exists()


def test_a_hundred_generated_orgs(cli, tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    folder = tmp_path / "in"
    folder.mkdir()
    for seed in range(100):
        org = generate(30 + seed % 31, 13, seed=seed)
        (folder / f"org{seed:03d}.json").write_text(json.dumps(org), encoding="utf-8")
    started = time.perf_counter()
    result = cli("batch", folder, "-o", tmp_path / "out")
    assert time.perf_counter() - started < 60  # about 3 s on two idle cores
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["files"] == 100
    assert summary["statuses"]["ok"] + summary["statuses"]["infeasible"] == 100, result.stderr
    assert result.exit_code == (1 if summary["statuses"]["infeasible"] else 0)
    assert len(list((tmp_path / "out").glob("org*.md"))) == summary["statuses"]["ok"]


def test_a_file_name_that_is_not_utf8_is_reported_and_the_summary_written(cli, tmp_path):
    folder = good_folder(tmp_path)
    shutil.copy(EXAMPLES[0], os.fsencode(folder) + b"/bad\xff.yaml")
    out = tmp_path / "out"
    result = cli("batch", folder, "-o", out, "-w", "1")
    assert result.exit_code == 2, result.stderr
    assert f"{folder}/bad\\xff.yaml: the file name is not valid UTF-8; rename the file" in result.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    by_file = {r["file"]: r for r in summary["results"]}
    assert by_file["bad\\xff.yaml"]["status"] == "bad-input"
    assert summary["statuses"]["ok"] == len(EXAMPLES)
    assert "bad\\\\xff.yaml" in (out / "summary.md").read_text(encoding="utf-8")

    odd = os.fsencode(tmp_path) + b"/out\xff"  # an output folder whose name is not UTF-8 either
    os.mkdir(odd)
    open(odd + b"/" + os.fsencode(EXAMPLES[0].stem) + b".json", "w").close()
    result = cli("batch", folder, "-o", os.fsdecode(odd), "-w", "1")
    assert result.exit_code == 2, result.stderr
    problems = json.loads(open(odd + b"/summary.json", encoding="utf-8").read())["results"][0]["problems"]
    assert problems[0].endswith(f"out\\xff/{EXAMPLES[0].stem}.json: already exists; use --force to overwrite it")


def test_links_that_leave_the_folder_are_not_followed(cli, tmp_path):
    private = tmp_path / "private.txt"
    private.write_text("root:PRIVATE-HASH:19000:0:99999:7:::\n", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "leak.yaml").symlink_to(private)
    (folder / "dangling.yaml").symlink_to(tmp_path / "nothing.yaml")
    (folder / "up.yaml").symlink_to(os.path.join("..", "in", "..", "private.txt"))
    shutil.copy(EXAMPLES[0], folder / "real.yaml")
    (folder / "alias.yaml").symlink_to("real.yaml")  # a link inside the folder is read
    out = tmp_path / "out"
    result = cli("batch", folder, "-o", out, "-w", "1")
    assert result.exit_code == 2
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    by_file = {r["file"]: r for r in summary["results"]}
    for name in ("leak.yaml", "dangling.yaml", "up.yaml"):
        line = (
            f"{folder / name}: is a symbolic link to a file outside the folder; "
            "links that leave the folder are not followed"
        )
        assert by_file[name] == {"file": name, "status": "bad-input", "outputs": [], "problems": [line]}
        assert line in result.stderr
    assert by_file["alias.yaml"]["status"] == by_file["real.yaml"]["status"] == "ok"
    everything = result.stdout + result.stderr + "".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert "PRIVATE-HASH" not in everything


def test_summaries_never_quote_the_content_of_a_bad_file(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.yaml").write_text("password = 'hunter2' for the shared drive\n", encoding="utf-8")
    (folder / "config.yaml").write_text("api_key: SECRET-KEY-1\npin: 48213\n", encoding="utf-8")
    (folder / "typo.yaml").write_text(UNKNOWN_FUNCTION, encoding="utf-8")
    out = tmp_path / "out"
    result = cli("batch", folder, "-o", out, "-w", "1")
    assert result.exit_code == 2
    written = (out / "summary.json").read_text(encoding="utf-8") + (out / "summary.md").read_text(encoding="utf-8")
    for secret in ("hunter2", "shared drive", "SECRET-KEY-1", "48213", "custmer_service"):
        assert secret not in written + result.stdout, secret
    assert "hunter2" in result.stderr and "custmer_service" in result.stderr  # the full messages stay on stderr
    problems = {r["file"]: r["problems"] for r in json.loads((out / "summary.json").read_text("utf-8"))["results"]}
    assert problems["notes.yaml"] == [
        f"{folder / 'notes.yaml'}:1:1: expected a mapping with organization, "
        "departments and objectives, found the text '…'"
    ]
    assert f"{folder / 'config.yaml'}:1:1: api_key: unknown field '…'" in problems["config.yaml"]
    assert f"{folder / 'typo.yaml'}:4:28: departments[1].function: unknown function '…'" in problems["typo.yaml"][0]


def test_a_full_disk_midway_leaves_no_file_with_half_its_outputs(cli, tmp_path, monkeypatch):
    _disk_full_at(monkeypatch, lambda count: count == 6)  # the sixth output file: the third org's .md
    folder = good_folder(tmp_path)
    out = tmp_path / "out"
    result = cli("batch", folder, "-o", out, "-w", "1")
    assert result.exit_code == 2
    third = EXAMPLES[2]
    full = f"{folder / third.name}: {out / (third.stem + '.md')}: cannot write: No space left on device"
    assert full in result.stderr
    assert f"{folder / third.name}: neither output of this file was written" in result.stderr
    assert not (out / (third.stem + ".json")).exists() and not (out / (third.stem + ".md")).exists()
    for example in EXAMPLES[:2] + EXAMPLES[3:]:
        assert (out / (example.stem + ".json")).exists() and (out / (example.stem + ".md")).exists()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert {r["file"]: r["status"] for r in summary["results"]}[third.name] == "not-written"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_when_the_summary_cannot_be_written_the_failed_files_are_still_listed(cli, tmp_path, monkeypatch):
    _disk_full_at(monkeypatch, lambda count: count >= 3)
    folder = good_folder(tmp_path)
    out = tmp_path / "out"
    result = cli("batch", folder, "-o", out, "-w", "1")
    assert result.exit_code == 2
    for example in EXAMPLES[1:]:
        assert f"{folder / example.name}: neither output of this file was written" in result.stderr
    assert f"{out / 'summary.json'}: cannot write: No space left on device" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [EXAMPLES[0].stem + ".json", EXAMPLES[0].stem + ".md"]


def test_outputs_that_are_links_are_never_replaced(cli, tmp_path):
    folder = good_folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("keep", encoding="utf-8")
    first = EXAMPLES[0].stem
    (out / f"{first}.json").symlink_to(elsewhere)
    result = cli("batch", folder, "-o", out, "-w", "1", "--force")
    assert result.exit_code == 2
    assert f"{out / (first + '.json')}: is a symbolic link, not a regular file" in result.stderr
    assert elsewhere.read_text(encoding="utf-8") == "keep" and not (out / f"{first}.md").exists()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert {r["file"]: r["status"] for r in summary["results"]}[EXAMPLES[0].name] == "not-written"

    (out / "summary.json").unlink()
    (out / "summary.json").symlink_to(tmp_path / "nowhere.json")
    result = cli("batch", folder, "-o", out, "-w", "1", "--force")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{out / 'summary.json'}: is a symbolic link, not a regular file")
    assert not (tmp_path / "nowhere.json").exists()


def test_a_closed_stdout_does_not_cost_the_summary(tmp_path):
    import subprocess

    folder = good_folder(tmp_path)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "orgdesign", "batch", str(folder), "-o", str(out), "-w", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # `| head -0`: nobody reads the terminal view
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 141, errors
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["statuses"]["ok"] == len(EXAMPLES) and (out / "summary.md").exists()


def _disk_full_at(monkeypatch, full) -> None:
    """Make the n-th file written (counted from 1) fail with ENOSPC wherever `full(n)` is true."""
    import errno

    real_fsync = os.fsync
    written = []

    def fsync(fd):
        written.append(fd)
        if full(len(written)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
