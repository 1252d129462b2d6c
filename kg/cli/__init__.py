"""Command-line interface: ``kg build``, ``kg extract``, ``kg graph``, ``kg query``, ``kg actors``.

Each subcommand lives in its own module and registers itself on the shared
`app`; the commands only parse options and call plain functions in `kg.run`.
"""

from kg.cli import actors, build, extract, graph, network, query  # noqa: F401  (registers the commands)
from kg.cli._util import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app()
