#!/usr/bin/env python3
"""Writes the IAM action list the app completes from, out of parliament's IAM definition.

The statement editor offers every action of every AWS service as the user types. The list comes
from the `iam_definition.json` that parliament (one of the validators in tools/validators, pinned
there) ships, so that the actions the editor suggests are the ones `zta export` is checked
against. The output, ui/src/generated/iam-actions.json, is committed as generated data:

    .venv/bin/python tools/iam/generate_actions.py           # rewrite it
    .venv/bin/python tools/iam/generate_actions.py --check   # fail when it is stale (make test-ui)
"""

import argparse
import json
import sys
from importlib import metadata
from pathlib import Path

import parliament

OUTPUT = Path(__file__).resolve().parents[2] / "ui" / "src" / "generated" / "iam-actions.json"


def action_list() -> str:
    definition = json.loads((Path(parliament.__file__).parent / "iam_definition.json").read_text())
    services: dict[str, set[str]] = {}
    # Several entries of the definition can share a prefix (a service documented in parts).
    for service in definition:
        names = services.setdefault(service["prefix"], set())
        names.update(privilege["privilege"] for privilege in service["privileges"])
    document = {
        "source": f"parliament {metadata.version('parliament')} iam_definition.json",
        "services": {prefix: sorted(names) for prefix, names in sorted(services.items())},
    }
    # One service per line: small diffs when parliament's data changes.
    lines = [f"  {json.dumps(prefix)}: {json.dumps(names)}" for prefix, names in document["services"].items()]
    return '{"source": %s,\n "services": {\n%s\n}}\n' % (json.dumps(document["source"]), ",\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the committed list differs")
    args = parser.parse_args()
    text = action_list()
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text() != text:
            print(f"{OUTPUT} is stale: run tools/iam/generate_actions.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
