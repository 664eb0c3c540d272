"""The shipped pre-commit hook in a throw-away repository, as a user's repository runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install pre-commit)")

ROOT = Path(__file__).parents[2]
EXAMPLES = ROOT / "examples"
TODAY = "2025-10-01"


def git(repo: Path, *argv: str) -> None:
    subprocess.run(["git", *argv], cwd=repo, check=True, capture_output=True)  # noqa: S603, S607


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository with a standard plan, two trajecten, a CI workflow and the hook."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "plannen").mkdir(parents=True)
    (repo / "trajecten").mkdir()
    (repo / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(EXAMPLES / "standaardplan-elektrotechniek.yaml", repo / "plannen")
    shutil.copy(EXAMPLES / "traject-lotte.yaml", repo / "trajecten")
    shutil.copy(EXAMPLES / "traject-milan.yaml", repo / "trajecten")
    (repo / ".github" / "workflows" / "ci.yml").write_text(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: duaal-leren validate .\n",
        encoding="utf-8",
    )
    (repo / "pyproject.toml").write_text(
        f'[tool.duaal-leren]\ntoday = "{TODAY}"\nstandaardplannen = ["plannen"]\n',
        encoding="utf-8",
    )
    # The shipped definition, run as a local hook with this environment's duaal-leren.
    (shipped,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = {**shipped, "language": "system"}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    return repo


def pre_commit(repo: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    # This environment's duaal-leren first on the PATH; no hook cache in the user's home.
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "DUAAL_LEREN_LANG": "en",
    }
    env.pop("GITHUB_WORKSPACE", None)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pre_commit", "run", *argv],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_hook_passes_a_repository_of_valid_plans(repository: Path) -> None:
    result = pre_commit(repository, "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_the_hook_fails_on_a_broken_plan_naming_file_and_line(repository: Path) -> None:
    traject = repository / "trajecten" / "traject-milan.yaml"
    lines = traject.read_text("utf-8").splitlines(keepends=True)
    # An unknown prerequisite: the first competence of the plan needs one nobody has.
    number, text = next(
        (i, line) for i, line in enumerate(lines, 1) if line.strip().startswith("- code:")
    )
    indent = text[: len(text) - len(text.lstrip())]
    lines.insert(number, f"{indent}  vereisten: [ELT-99]\n")
    traject.write_text("".join(lines), encoding="utf-8")
    git(repository, "add", ".")
    result = pre_commit(repository, "--files", str(traject.relative_to(repository)))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"trajecten/traject-milan.yaml:{number + 1}: error [" in result.stdout, result.stdout
