"""`make outdated` lists the pins that have a newer release within their range."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "outdated.py"


def outdated(*args):
    result = subprocess.run(  # noqa: S603 - the project's own script
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def lock_pins():
    return [
        line.split("==")
        for line in (ROOT / "requirements.lock").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    ]


def test_a_newer_release_in_the_resolution_is_listed_with_both_versions(tmp_path):
    pins = lock_pins()
    report = {"install": [{"metadata": {"name": n, "version": v}} for n, v in pins]}
    name, pinned = pins[0]
    report["install"][0]["metadata"]["version"] = pinned + ".1"
    (tmp_path / "report.json").write_text(json.dumps(report))

    lines = outdated("--report", str(tmp_path / "report.json"))

    assert lines[0].split() == [name, pinned, "->", pinned + ".1"]
    assert lines[-1].startswith("1 pinned packages have a newer release")


def test_a_resolution_equal_to_the_lock_lists_nothing(tmp_path):
    report = {"install": [{"metadata": {"name": n, "version": v}} for n, v in lock_pins()]}
    (tmp_path / "report.json").write_text(json.dumps(report))

    assert outdated("--report", str(tmp_path / "report.json")) == [
        "Every pinned package is the newest release within its range."
    ]


def test_asking_the_registry_lists_only_pinned_packages_with_a_newer_version():
    lines = outdated()
    if lines and lines[0].startswith("skipped:"):
        pytest.skip(f"make outdated needs the package registry (PyPI): {lines[0]}")
    pinned = {name.lower(): version for name, version in lock_pins()}

    for line in lines[:-1]:
        name, old, arrow, new = line.split()
        assert (pinned[name.lower()], arrow) == (old, "->")
        assert old != new
