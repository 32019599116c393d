"""pip-audit finds no known vulnerability in the installed, pinned dependencies."""

import subprocess
import sys
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path

import pytest

# pip-audit's default service: PyPI's JSON API, one document per release.
PROBE = f"https://pypi.org/pypi/Django/{version('Django')}/json"


def vulnerability_service_reachable():
    try:
        with urllib.request.urlopen(PROBE, timeout=10) as response:
            return response.status == 200
    except (urllib.error.URLError, TimeoutError, OSError):
        return False


def test_pip_audit_reports_no_known_vulnerabilities():
    if not vulnerability_service_reachable():
        pytest.skip(
            f"PyPI's vulnerability data ({PROBE}) is not reachable from this machine; "
            "pip-audit needs network access to pypi.org"
        )
    pip_audit = Path(sys.executable).with_name("pip-audit")

    result = subprocess.run(  # noqa: S603 - the venv's own pip-audit
        [str(pip_audit), "--strict", "--skip-editable", "--progress-spinner", "off"],
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "No known vulnerabilities found" in result.stdout + result.stderr
