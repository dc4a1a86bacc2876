#!/usr/bin/env python3
"""Writes the SAM policy templates the importer expands, out of the SAM translator's own data.

A SAM function's `Policies` may name policy templates (`DynamoDBCrudPolicy: {TableName: ...}`),
which the SAM transform replaces with IAM statements. The importer expands them the same way, so
that an imported function's role has the permissions the deployed role gets. The definitions
come from `policy_templates.json` of aws-sam-translator (pinned in tools/validators), AWS's own
implementation of the transform, so that the statements are the ones SAM writes. The output,
crates/cfn/data/sam-policy-templates.json, is committed as generated data (the Rust crates do
no I/O and build without Python):

    .venv/bin/python tools/sam/generate_policy_templates.py           # rewrite it
    .venv/bin/python tools/sam/generate_policy_templates.py --check   # fail when stale (make test-ui)
"""

import argparse
import json
import sys
from importlib import metadata
from pathlib import Path

import samtranslator

OUTPUT = Path(__file__).resolve().parents[2] / "crates" / "cfn" / "data" / "sam-policy-templates.json"


def templates() -> str:
    source = Path(samtranslator.__file__).parent / "policy_templates_data" / "policy_templates.json"
    definition = json.loads(source.read_text())
    # Only what the expansion reads: each template's parameter names and its statements.
    kept = {
        name: {
            "parameters": sorted(template.get("Parameters", {})),
            "statement": template["Definition"]["Statement"],
        }
        for name, template in sorted(definition["Templates"].items())
    }
    # One template per line: small diffs when SAM's data changes.
    lines = [f"  {json.dumps(name)}: {json.dumps(body, sort_keys=True)}" for name, body in kept.items()]
    origin = f"aws-sam-translator {metadata.version('aws-sam-translator')} policy_templates.json (Apache-2.0)"
    return '{"source": %s,\n "templates": {\n%s\n}}\n' % (json.dumps(origin), ",\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the committed data differs")
    args = parser.parse_args()
    text = templates()
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text() != text:
            print(f"{OUTPUT} is stale: run tools/sam/generate_policy_templates.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
