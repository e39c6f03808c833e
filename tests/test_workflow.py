"""Offline checks of the Pages workflow, Dependabot and the hashed lock.

Schema and zizmor checks need check-jsonschema and zizmor (test extras); they
skip with a reason when those are missing.
"""

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
PAGES = WORKFLOWS / "pages.yml"
DEPENDABOT = GITHUB / "dependabot.yml"
LOCK = ROOT / "requirements" / "lock.txt"
PYPROJECT = ROOT / "pyproject.toml"

USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?P<comment>#.*)?$")
PINNED_REF = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^#\s*v\d+(?:\.\d+){0,2}\b")


def _tool(name: str) -> str:
    """Path of a command-line tool next to this Python, else on PATH; skip if absent."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install '.[test]' provides it)")
    return found


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def _triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    return workflow.get("on", workflow.get(True))


def _step(job: dict, uses_prefix: str) -> dict:
    """The single step of a job whose `uses:` starts with the action name."""
    found = [s for s in job["steps"] if str(s.get("uses", "")).startswith(uses_prefix + "@")]
    assert len(found) == 1, f"expected one {uses_prefix} step, found {len(found)}"
    return found[0]


def _run_scripts(job: dict) -> str:
    return "\n".join(s.get("run", "") for s in job["steps"])


def unpinned_uses(text: str) -> list[str]:
    """`uses:` lines of a workflow not pinned to a commit SHA with a version comment."""
    bad = []
    for line in text.splitlines():
        match = USES_LINE.match(line)
        if match is None:
            continue
        ref, comment = match["ref"], match["comment"] or ""
        if ref.startswith("./"):
            continue  # an action in this repository moves with the commit itself
        if not PINNED_REF.match(ref) or not VERSION_COMMENT.match(comment):
            bad.append(line.strip())
    return bad


def expressions_in_run(workflow: dict) -> list[str]:
    """`run:` scripts that contain a `${{` expression (template injection risk)."""
    return [
        f"{job_id}: {step.get('name', step['run'][:40])}"
        for job_id, job in workflow.get("jobs", {}).items()
        for step in job.get("steps", [])
        if "${{" in step.get("run", "")
    ]


# --- the checkers themselves, on workflow text written here ----------------

@pytest.mark.parametrize(
    "line, is_bad",
    [
        ("      - uses: actions/checkout@" + "a" * 40 + " # v7.0.1", False),
        ("        uses: owner/repo/sub/dir@" + "0" * 40 + "  # v2", False),
        ("      - uses: ./.github/actions/local", False),
        ("      - uses: actions/checkout@v7", True),
        ("      - uses: actions/checkout@v7.0.1 # v7.0.1", True),
        ("      - uses: actions/checkout@" + "a" * 40, True),
        ("      - uses: actions/checkout@" + "a" * 40 + " # pinned", True),
        ("      - uses: actions/checkout@" + "a" * 39 + " # v7", True),
        ("      - uses: actions/checkout@" + "A" * 40 + " # v7", True),
        ("      - uses: docker://alpine:3", True),
        ("      - run: echo uses: nothing", False),
    ],
)
def test_workflow_unpinned_uses_detects_tags_and_missing_comments(line, is_bad):
    assert bool(unpinned_uses(line)) is is_bad


@pytest.mark.parametrize(
    "run, is_bad",
    [
        ('echo "$TITLE"', False),
        ("mkdocs build --strict", False),
        ('echo "${{ github.event.head_commit.message }}"', True),
        ("cd ${{github.workspace}}", True),
    ],
)
def test_workflow_expressions_in_run_detects_template_expansion(run, is_bad):
    workflow = {"jobs": {"j": {"steps": [{"name": "s", "run": run}]}}}
    assert bool(expressions_in_run(workflow)) is is_bad


# --- the real files --------------------------------------------------------

def test_workflow_pages_file_exists():
    assert PAGES in _workflow_files()


@pytest.mark.parametrize(
    "schema, paths",
    [
        ("vendor.github-workflows", _workflow_files),
        ("vendor.dependabot", lambda: [DEPENDABOT]),
    ],
)
def test_workflow_files_match_their_github_schema(schema, paths):
    tool = _tool("check-jsonschema")
    files = [str(p) for p in paths()]
    result = subprocess.run(
        [tool, "--builtin-schema", schema, *files],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("persona", ["regular", "auditor"])
def test_workflow_zizmor_reports_no_finding(persona):
    tool = _tool("zizmor")
    result = subprocess.run(
        [tool, "--offline", "--format", "json", f"--persona={persona}", str(GITHUB)],
        capture_output=True, text=True, cwd=ROOT,
    )
    # zizmor exits 10-14 when it has findings; anything else non-zero is a failure to run.
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr
    findings = [f for f in json.loads(result.stdout) if not f.get("ignored")]
    high = [f["ident"] for f in findings if f["determinations"]["severity"] == "High"]
    assert not high, f"high-severity findings: {high}"
    summary = [(f["ident"], f["determinations"]["severity"]) for f in findings]
    assert not summary, f"zizmor findings: {summary}"


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_workflow_every_action_pinned_by_sha_with_version(path):
    assert unpinned_uses(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", _workflow_files(), ids=lambda p: p.name)
def test_workflow_no_expression_inside_run(path):
    assert expressions_in_run(_load(path)) == []


@pytest.mark.parametrize(
    "job, expected",
    [
        (None, {}),
        ("build", {"contents": "read"}),
        ("deploy", {"pages": "write", "id-token": "write"}),
    ],
)
def test_workflow_permissions_are_least_privilege(job, expected):
    workflow = _load(PAGES)
    scope = workflow if job is None else workflow["jobs"][job]
    assert scope["permissions"] == expected


def test_workflow_runs_on_push_to_main_and_by_hand():
    triggers = _triggers(_load(PAGES))
    assert set(triggers) == {"push", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]


def test_workflow_one_deployment_at_a_time_never_cancelled():
    assert _load(PAGES)["concurrency"] == {"group": "pages", "cancel-in-progress": False}


@pytest.mark.parametrize(
    "action, inputs",
    [
        ("actions/checkout", {"persist-credentials": False}),
        (
            "actions/setup-python",
            {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements/lock.txt"},
        ),
        ("actions/configure-pages", None),
        ("actions/upload-pages-artifact", {"path": "site"}),
    ],
)
def test_workflow_build_steps_use_expected_inputs(action, inputs):
    step = _step(_load(PAGES)["jobs"]["build"], action)
    assert step.get("with") == inputs


@pytest.mark.parametrize(
    "command",
    [
        "pip install --only-binary=:all: --require-hashes -r requirements/pip.txt",
        "pip install --only-binary=:all: --require-hashes -r requirements/lock.txt",
        "pip install --no-deps --no-build-isolation -e .",
        "git log -1 --format=%ct",
        '>> "$GITHUB_ENV"',
        "mkdocs build --strict",
    ],
)
def test_workflow_build_runs_hashed_install_and_strict_build(command):
    assert command in _run_scripts(_load(PAGES)["jobs"]["build"])


def test_workflow_hashed_pip_comes_before_the_lock():
    script = _run_scripts(_load(PAGES)["jobs"]["build"])
    assert script.index("requirements/pip.txt") < script.index("requirements/lock.txt")


def test_makefile_installs_the_hashed_pip_before_the_lock():
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert recipe.index("-r requirements/pip.txt") < recipe.index("-r requirements/lock.txt")


def test_workflow_build_installs_before_building_and_uploads_last():
    steps = _load(PAGES)["jobs"]["build"]["steps"]
    order = [s.get("uses", s.get("run", "")) for s in steps]
    install = next(i for i, s in enumerate(order) if "--require-hashes" in s)
    epoch = next(i for i, s in enumerate(order) if "SOURCE_DATE_EPOCH" in s)
    build = next(i for i, s in enumerate(order) if "mkdocs build" in s)
    assert install < epoch < build
    assert order[-1].startswith("actions/upload-pages-artifact@")


def test_workflow_deploy_publishes_the_build_to_the_pages_environment():
    deploy = _load(PAGES)["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert _step(deploy, "actions/deploy-pages")["id"] == "deployment"


# --- Dependabot and the lock ------------------------------------------------

@pytest.mark.parametrize("ecosystem", ["github-actions", "pip"])
def test_workflow_dependabot_updates_weekly(ecosystem):
    updates = {u["package-ecosystem"]: u for u in _load(DEPENDABOT)["updates"]}
    assert updates[ecosystem]["schedule"]["interval"] == "weekly"
    assert updates[ecosystem]["directory"] == "/"


def _lock_entries() -> dict[str, tuple[str, int]]:
    """Lock file as {normalised name: (version, number of hashes)}."""
    entries: dict[str, tuple[str, int]] = {}
    current = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", " ")) or not line.strip():
            if current and "--hash=sha256:" in line:
                version, hashes = entries[current]
                entries[current] = (version, hashes + 1)
            continue
        name, _, version = line.rstrip(" \\").partition("==")
        assert version, f"not pinned with ==: {line}"
        current = canonicalize_name(name)
        entries[current] = (version, 0)
    return entries


def _declared() -> list[Requirement]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in [*project["dependencies"], *project["optional-dependencies"]["test"]]]


def test_workflow_lock_pins_every_package_with_hashes():
    entries = _lock_entries()
    assert entries
    assert [name for name, (_, hashes) in entries.items() if hashes == 0] == []


def test_workflow_lock_satisfies_every_declared_requirement():
    entries = _lock_entries()
    stale = [
        str(req)
        for req in _declared()
        if canonicalize_name(req.name) not in entries
        or not req.specifier.contains(entries[canonicalize_name(req.name)][0], prereleases=True)
    ]
    assert stale == [], "refresh requirements/lock.txt (command at its top)"


def test_workflow_lock_states_its_refresh_command():
    header = LOCK.read_text(encoding="utf-8").splitlines()[:4]
    assert any("--generate-hashes" in line and "--extra test" in line for line in header)
