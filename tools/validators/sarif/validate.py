"""Validate SARIF files against the vendored SARIF 2.1.0 schema (see README.md)."""

import json
import pathlib
import sys

from jsonschema import Draft4Validator

SCHEMA = pathlib.Path(__file__).with_name("sarif-2.1.0-rtm.5.json")


def main(paths):
    validator = Draft4Validator(json.loads(SCHEMA.read_text()))
    invalid = 0
    for path in paths:
        log = json.loads(pathlib.Path(path).read_text())
        errors = sorted(validator.iter_errors(log), key=lambda error: list(error.path))
        for error in errors:
            location = "/".join(str(part) for part in error.path)
            print(f"{path}: /{location}: {error.message}")
        invalid += bool(errors)
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
