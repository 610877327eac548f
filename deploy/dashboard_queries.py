"""Lists every PromQL query of the Grafana dashboards, or writes them as a Prometheus rules file.

promtool cannot parse a bare expression, but it parses every rule of a rules file: one
recording rule per dashboard query makes ``promtool check rules`` a PromQL parser for them.

    python deploy/dashboard_queries.py --rules /tmp/dashboard_rules.yml
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DASHBOARDS = Path(__file__).resolve().parent / "grafana" / "dashboards"

# Grafana fills these in before sending a query; promtool needs a concrete value.
GRAFANA_MACROS = {"$__rate_interval": "5m", "$__interval": "1m", "$__range": "1h"}


def _panels(node: dict) -> list[dict]:
    found = []
    for panel in node.get("panels", []):
        found.append(panel)
        found.extend(_panels(panel))  # rows nest panels
    return found


def dashboard_queries(folder: Path = DASHBOARDS) -> list[tuple[str, str, str]]:
    """(dashboard file, panel title, expression) for every target of every panel."""
    queries = []
    for path in sorted(folder.glob("*.json")):
        dashboard = json.loads(path.read_text())
        for panel in _panels(dashboard):
            for target in panel.get("targets", []):
                expr = target.get("expr")
                if expr:
                    for macro, value in GRAFANA_MACROS.items():
                        expr = expr.replace(macro, value)
                    queries.append((path.name, panel.get("title", ""), expr))
    return queries


def rules_yaml(queries: list[tuple[str, str, str]]) -> str:
    lines = ["groups:", "  - name: dashboard-queries", "    rules:"]
    for index, (dashboard, _title, expr) in enumerate(queries):
        name = re.sub(r"[^a-zA-Z0-9_]", "_", f"dashboard:{dashboard}:{index}")
        lines.append(f"      - record: {name.replace('_json', '')}")
        lines.append(f"        expr: {json.dumps(expr)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, help="write a rules file here instead of listing")
    args = parser.parse_args(argv)
    queries = dashboard_queries()
    if not queries:
        print("no dashboard queries found", file=sys.stderr)
        return 1
    if args.rules:
        args.rules.write_text(rules_yaml(queries))
        print(f"{len(queries)} dashboard queries written to {args.rules}")
    else:
        for dashboard, title, expr in queries:
            print(f"{dashboard}\t{title}\t{expr}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
