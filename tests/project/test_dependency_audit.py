"""The dependencies are pinned in requirements.lock, installed as pinned, and pip-audit finds no
known vulnerability in them."""

import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCK = ROOT / "requirements.lock"
# pip-audit's default service: PyPI's JSON API, one document per release.
PROBE = f"https://pypi.org/pypi/Django/{version('Django')}/json"


def pins():
    """{canonical name: version} from requirements.lock."""
    found = {}
    for line in LOCK.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, pinned = line.split("==")
            found[canonicalize_name(name)] = pinned.strip()
    return found


def declared_requirements():
    """The project's direct dependencies and those of the extras `make install` installs."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    declared = project["dependencies"] + [
        requirement
        for extra in ("test", "elasticsearch", "demo", "s3")
        for requirement in extras[extra]
    ]
    return [Requirement(requirement) for requirement in declared]


def test_every_declared_dependency_is_pinned_within_its_range():
    pinned = pins()

    for requirement in declared_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is missing from requirements.lock"
        assert requirement.specifier.contains(pinned[name]), (
            f"requirements.lock pins {requirement.name} {pinned[name]}, "
            f"outside pyproject.toml's {requirement.specifier}"
        )


def test_the_installed_versions_are_the_pinned_ones():
    wrong = []
    for name, pinned in pins().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            continue  # pinned for another platform or Python
        if installed != pinned:
            wrong.append(f"{name}: {installed} installed, {pinned} pinned")

    assert wrong == [], "run `make install` again: " + "; ".join(wrong)


def vulnerability_service_reachable():
    try:
        with urllib.request.urlopen(PROBE, timeout=10) as response:
            return response.status == 200
    except (urllib.error.URLError, TimeoutError, OSError):
        return False


def test_pip_audit_reports_no_known_vulnerabilities_in_the_pinned_dependencies():
    if not vulnerability_service_reachable():
        pytest.skip(
            f"PyPI's vulnerability data ({PROBE}) is not reachable from this machine; "
            "pip-audit needs network access to pypi.org"
        )
    pip_audit = Path(sys.executable).with_name("pip-audit")

    result = subprocess.run(  # noqa: S603 - the venv's own pip-audit
        [
            str(pip_audit),
            "--strict",
            "--no-deps",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--requirement",
            str(LOCK),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "No known vulnerabilities found" in result.stdout + result.stderr
