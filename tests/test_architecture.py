"""The import contracts in pyproject.toml ([tool.importlinter]) hold: `lint-imports` keeps them all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# `lint-imports` as this interpreter runs it (import-linter has no `python -m` entry point).
LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command(sys.argv[1:])"


def test_import_contracts_are_kept():
    proc = subprocess.run([sys.executable, "-c", LINT_IMPORTS, "--config", "pyproject.toml", "--no-cache"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout
