"""Shared fixtures, and the two test loops.

`python -m pytest -q` runs everything CI runs. `python -m pytest -q -m "not integration"`
is the fast loop: it leaves out the tests marked `integration` (they start a process,
a pty, a browser or a process pool, or run the benchmark smoke or a scale check), runs
property tests with fewer examples (the `fast` Hypothesis profile), and runs the tests
that sweep every bundled example on one of them (`FAST_EXAMPLE`). Tests marked `slow`
run only when asked for with `-m slow`.

A run of the whole folder is spread over the machine's cores (pytest-xdist, `-n auto` in
pyproject.toml), the integration tests one after another on one of them; naming files or
tests runs them in this one process, as does `-n0`.
"""

from __future__ import annotations

import multiprocessing.process
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent

# orgdesign speaks the environment's language (LANGUAGE first): tests expect English unless they ask
# for another language with --lang or their own environment, and so do the processes they start.
os.environ["LANGUAGE"] = "en"
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".yaml", ".json"))


@pytest.fixture
def cli():
    """Call `cli("validate", path)` and get click's Result (stdout, stderr, exit_code)."""
    from orgdesign.cli import app

    runner = CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


# --- which tests are integration tests -----------------------------------------------------

# Files whose every test drives a whole program: a pty, a browser.
INTEGRATION_FILES = {"test_interview_pty.py", "test_export_browser.py", "test_serve_browser.py"}

# Single tests, by file. Each starts a process (the CLI, a `python -c` import check, a process
# pool, the benchmark script) or checks scale (a reporting chain thousands of levels deep).
INTEGRATION_TESTS = {
    "test_batch.py": {
        "test_a_closed_stdout_does_not_cost_the_summary",
        "test_a_hundred_generated_orgs",
        "test_a_mix_of_good_and_bad_files",
        "test_a_user_pack_reaches_every_worker_and_a_bad_one_stops_before_anything",
        "test_a_worker_process_that_dies_fails_only_its_file",
        "test_an_existing_report_fails_that_file_only",
        "test_an_unexpected_error_in_one_file_is_reported_and_the_batch_goes_on",
        "test_ctrl_c_cancels_pending_work_in_the_pool",
        "test_exit_code_is_1_when_an_org_is_infeasible_and_0_when_all_are_good",
        "test_inputs_with_the_same_stem_keep_their_full_names",
        "test_the_number_of_workers_does_not_change_a_byte",
    },
    "test_api.py": {"test_importing_the_package_loads_no_engine"},
    "test_benchmarks.py": {"test_smoke_run_prints_every_table"},
    "test_cli.py": {
        "test_a_closed_pipe_ends_quietly_with_141",
        "test_a_full_stdout_is_one_line_and_exit_2",
        "test_a_stdout_that_is_not_utf8_still_prints",
        "test_domain_code_never_imports_the_terminal_libraries",
        "test_help_does_not_import_the_engine",
        "test_python_dash_m",
        "test_show_a_chain_20000_deep",  # scale
        "test_show_and_export_a_chain_2000_deep",  # scale
        "test_validate_does_not_import_networkx",
    },
    "test_cli_usage.py": {
        "test_show_completion_prints_a_bash_script_for_orgdesign",
        "test_the_completion_script_completes_commands_and_options",
    },
    "test_export.py": {"test_the_same_bytes_whatever_the_hash_seed"},
    "test_readme_commands.py": {"test_every_readme_command_runs_as_written"},
    "test_recommend.py": {"test_json_is_the_same_under_another_hash_seed"},
    "test_write.py": {"test_killed_midway_the_previous_file_is_intact"},
}

# Property tests in the fast loop try at most this many examples; the full run tries them all.
FAST_EXAMPLES = 15
# A test run on every bundled example runs on this one in the fast loop, on all of them in the full run.
FAST_EXAMPLE = ROOT / "examples" / "airline.yaml"
settings.register_profile("full", deadline=None, max_examples=150)
settings.register_profile("fast", deadline=None, max_examples=FAST_EXAMPLES)


def _another_example(item) -> bool:
    """True for a test parametrized with a bundled example other than FAST_EXAMPLE."""
    callspec = getattr(item, "callspec", None)
    values = callspec.params.values() if callspec else ()
    return any(isinstance(value, Path) and value in EXAMPLES and value != FAST_EXAMPLE for value in values)


def _fast_loop(config) -> bool:
    """True for `-m "not integration"`: the quick loop that leaves the integration tests out."""
    return "not integration" in " ".join((config.getoption("markexpr") or "").split())


def pytest_xdist_auto_num_workers(config):
    """How many processes `-n auto` starts: every core for a whole run, none when files or tests are named."""
    if config.args_source is pytest.Config.ArgsSource.ARGS:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores if cores > 1 else 0


def pytest_configure(config):
    if not config.getoption("hypothesis_profile", None):
        settings.load_profile("fast" if _fast_loop(config) else "full")


def pytest_collection_modifyitems(config, items):
    """Mark integration and golden tests, leave `slow` ones out unless asked for, and shorten the fast loop."""
    wants_slow = "slow" in (config.getoption("markexpr") or "")
    fast = _fast_loop(config)
    kept, dropped = [], []
    for item in items:
        file = item.path.name
        name = getattr(item, "originalname", item.name)
        if file in INTEGRATION_FILES or name in INTEGRATION_TESTS.get(file, ()):
            item.add_marker(pytest.mark.integration)
        # With -n: a file's tests share a worker (and its caches); integration tests run one at a time.
        group = "integration" if item.get_closest_marker("integration") else file
        item.add_marker(pytest.mark.xdist_group(group))
        if file == "test_export.py" and "golden" in name:
            item.add_marker(pytest.mark.golden)
        if settings.get_current_profile_name() == "fast" and not item.get_closest_marker("slow"):
            _fewer_examples(item)
        left_out = (item.get_closest_marker("slow") and not wants_slow) or (fast and _another_example(item))
        (dropped if left_out else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def _fewer_examples(item) -> None:
    """Cap a property test's own `max_examples` (which outranks any profile) at the fast profile's."""
    test = getattr(item, "obj", None)
    chosen = getattr(test, "_hypothesis_internal_use_settings", None)  # what @settings/@given attach
    if chosen is not None and chosen.max_examples > FAST_EXAMPLES:
        test._hypothesis_internal_use_settings = settings(chosen, max_examples=FAST_EXAMPLES)


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="Rewrite the golden files under tests/golden/ from the current output (review the diff after).",
    )


@pytest.fixture
def update_goldens(request) -> bool:
    """True when the run was asked to rewrite golden files instead of comparing with them."""
    return request.config.getoption("--update-goldens")


@pytest.fixture
def user_pack(tmp_path):
    """A user rule pack that disables one built-in rule and keeps listening in marketing."""
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "pack: mine\n"
        "disable: [ownership.listening-to-customer-relations]\n"
        "rules:\n"
        "  - id: mine.listening-stays-in-marketing\n"
        "    title: We keep listening in marketing\n"
        "    when: {all: [{objective.kind: listening}, {department.function: marketing}]}\n"
        "    effect: {owner: 9}\n"
        "    rationale: Our marketing team runs the listening platform for the whole company.\n"
        "    evidence: [E1]\n",
        encoding="utf-8",
    )
    return pack


# --- the built-in rule packs, read once -------------------------------------------------


@pytest.fixture(autouse=True, scope="session")
def _builtin_packs_read_once():
    """Read each built-in rule pack once per session instead of at every `recommend`.

    Re-reading the same bundled YAML was a quarter of the fast loop. A user's pack, or
    a built-in file that changed on disk, is still read afresh; the rulebook itself is
    still layered and checked at every call.
    """
    from orgdesign.rulebook import packs

    read = getattr(packs, "_read_pack", None)
    if read is None:  # the loader changed shape: nothing to speed up, nothing to break
        yield
        return
    builtin = {str(path) for path in packs.builtin_pack_paths()}
    cache: dict[tuple, tuple] = {}

    def read_once(path, display, problems):
        if str(path) not in builtin:
            return read(path, display, problems)
        stat = os.stat(path)
        key = (str(path), display, stat.st_mtime_ns, stat.st_size)
        if key not in cache:
            found: list = []
            cache[key] = (read(path, display, found), found)
        loaded, found = cache[key]
        problems += found
        return loaded

    patch = pytest.MonkeyPatch()
    patch.setattr(packs, "_read_pack", read_once)
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A test that switches the language (`--lang de` in process) leaves the next one in English."""
    yield
    from orgdesign import i18n

    i18n.use("en")


@pytest.fixture(scope="session")
def extracted_messages(tmp_path_factory):
    """Each catalog domain's messages as the maintainers' extraction finds them (docs/i18n.md).

    {domain: {(msgid, context): locations}}; read by the catalog tests and the pseudo-locale run.
    """
    from babel.messages.frontend import CommandLineInterface
    from babel.messages.pofile import read_po

    folder = tmp_path_factory.mktemp("pot")
    found = {}
    here = os.getcwd()
    os.chdir(ROOT)  # the mappings in pyproject.toml are relative to the folder extracted
    try:
        for domain, source in (("orgdesign", "orgdesign"), ("rules", "rules")):
            pot = folder / f"{domain}.pot"
            command = ["pybabel", "--quiet", "extract", "-F", "pyproject.toml", "--sort-output", "--add-location=file"]
            CommandLineInterface().run([*command, "-o", str(pot), source])
            with open(pot, "rb") as f:
                found[domain] = {(m.id, m.context): m.locations for m in read_po(f) if m.id}
    finally:
        os.chdir(here)
    return found


# --- the guard: a test that is not marked integration starts no process --------------------


@pytest.fixture(autouse=True)
def _no_process_outside_integration_tests(request, monkeypatch):
    """Fail a fast test that starts a process, so the fast loop stays fast and the marking stays true."""
    if request.node.get_closest_marker("integration"):
        return

    def refuse(*args, **kwargs):
        pytest.fail(
            f"{request.node.nodeid} starts a process: mark it integration "
            "(add it to INTEGRATION_TESTS in tests/conftest.py, or decorate it with @pytest.mark.integration)",
            pytrace=False,
        )

    monkeypatch.setattr(subprocess.Popen, "_execute_child", refuse)
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    for name in ("fork", "forkpty", "posix_spawn", "posix_spawnp", "system"):
        monkeypatch.setattr(os, name, refuse)
