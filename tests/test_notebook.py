"""notebooks/explore.ipynb runs top to bottom and answers its questions."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.integration]

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_notebook_runs_top_to_bottom():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(o.get("text", "") for o in outputs) + "\n".join(
        str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "5 articles" in text
    assert "Ivan Lewis" in text and "Alan Milburn" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the charts
    assert any("<iframe" in o.get("data", {}).get("text/html", "") for o in outputs)  # the page
