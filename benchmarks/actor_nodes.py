"""How many graph nodes each well-known person has, and their quotes: a check of actor merging.

A development tool, not a test. For each surname given, it lists every person or
organisation node whose name contains that word, with its quote count, so the same
list can be printed before and after a change to ``kg.actors``.

Usage::

    .venv/bin/python benchmarks/actor_nodes.py OUT_DIR [SURNAME ...]
"""

from __future__ import annotations

import argparse
import sys

from kg.query import load

CAMPAIGN_2016 = ("Trump", "Clinton", "Obama", "Sanders", "Cruz", "Rubio", "Kasich", "Bush", "Carson", "Biden",
                 "Pence", "Kaine", "Ryan", "Christie", "Johnson", "Stein", "Comey", "Giuliani", "Conway",
                 "Podesta", "Manafort", "Priebus", "McConnell", "Pelosi", "Warren", "Romney", "Fiorina",
                 "Huckabee", "Paul", "Nixon", "Reagan", "Lynch", "Abedin", "Weiner", "Mook", "Palmieri")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph")
    parser.add_argument("surnames", nargs="*", default=CAMPAIGN_2016)
    parser.add_argument("--all", action="store_true", help="list every node, not only the top three")
    args = parser.parse_args(argv)
    g = load(args.graph)
    actors = list(g.people()) + list(g.organisations())
    print(f"{'surname':12}{'nodes':>6}{'quotes':>7}  top nodes (type, quotes)")
    for surname in args.surnames:
        found = [a for a in actors if surname.lower() in a.name.lower().replace("'", " ").split()]
        found.sort(key=lambda a: -a.n_quotes)
        shown = found if args.all else found[:3]
        nodes = "; ".join(f"{a.name} ({a.type[:3]}, {a.n_quotes})" for a in shown)
        more = f"; +{len(found) - len(shown)} more" if len(found) > len(shown) else ""
        print(f"{surname:12}{len(found):6}{sum(a.n_quotes for a in found):7}  {nodes}{more}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
