"""List the pinned packages (requirements.lock) that have a newer release within their range.

pip-audit cannot reach its vulnerability data from every machine, so the defence is to stay on
the newest compatible releases. This asks pip to resolve pyproject.toml's ranges anew, without
the lock and without installing anything (`pip install --dry-run --report`), and compares the
result with the pins: what it prints is what `make lock` would renew. Without a package
registry it says so and exits 0. pip has no command that compares a lock with the newest
compatible resolution (`pip list --outdated` ignores the ranges), hence this script.

    python tools/outdated.py                 # resolve now
    python tools/outdated.py --report FILE   # compare with a report pip wrote before
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"


def read_pins(lock_text):
    """{canonical name: (name as written, version)} from the text of a requirements.lock."""
    pins = {}
    for line in lock_text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = (part.strip() for part in line.split("==", 1))
            pins[canonicalize_name(name)] = (name, version)
    return pins


def read_resolution(report):
    """{canonical name: version} from the JSON report of `pip install --dry-run --report`."""
    return {
        canonicalize_name(item["metadata"]["name"]): item["metadata"]["version"]
        for item in report["install"]
    }


def newer_releases(pins, resolution):
    """(name, pinned, newest) for every pin that the fresh resolution would raise, by name."""
    rows = []
    for key, (name, pinned) in sorted(pins.items()):
        newest = resolution.get(key)
        if newest is not None and Version(newest) > Version(pinned):
            rows.append((name, pinned, newest))
    return rows


def resolve(report_path):
    """Ask pip for the newest versions pyproject.toml's ranges allow; None without a registry."""
    result = subprocess.run(  # noqa: S603 - this interpreter's own pip, fixed arguments
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--dry-run",
            "--ignore-installed",
            "--report",
            str(report_path),
            "-e",
            f"{ROOT}[dev]",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return result.stderr.strip().splitlines()[-1:] or ["pip failed"]
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, help="a report of `pip install --dry-run`")
    args = parser.parse_args(argv)

    if args.report:
        report = json.loads(args.report.read_text())
    else:
        with tempfile.TemporaryDirectory() as folder:
            report_path = Path(folder) / "report.json"
            failure = resolve(report_path)
            if failure:
                print(f"skipped: the package registry could not be asked ({failure[0]})")
                return 0
            report = json.loads(report_path.read_text())

    rows = newer_releases(read_pins(LOCK.read_text()), read_resolution(report))
    if not rows:
        print("Every pinned package is the newest release within its range.")
        return 0
    width = max(len(name) for name, _, _ in rows)
    for name, pinned, newest in rows:
        print(f"{name:<{width}}  {pinned} -> {newest}")
    print(f"{len(rows)} pinned packages have a newer release within their range: run make lock.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
