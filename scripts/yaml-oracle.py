#!/usr/bin/env python3
"""Compares Handoff's YAML-lite trees with PyYAML's BaseLoader (every scalar a string).

Reads a JSON manifest on stdin: a list of {"path": FILE, "tree": <Handoff's tree as JSON>}.
Prints a JSON list of the paths where the two disagree (key order included) or where PyYAML
refuses a document that Handoff accepted. Used by the test suite as an independent oracle.
"""
import json
import sys

import yaml


def ordered(value):
    if isinstance(value, dict):
        return [[k, ordered(v)] for k, v in value.items()]
    if isinstance(value, list):
        return [ordered(v) for v in value]
    return value


def ours(value):
    """Handoff prints null for an empty document, as BaseLoader gives None."""
    return ordered(value)


def main():
    manifest = json.load(sys.stdin)
    mismatches = []
    for case in manifest:
        with open(case["path"], "rb") as handle:
            data = handle.read()
        try:
            theirs = yaml.load(data, Loader=yaml.BaseLoader)
        except yaml.YAMLError as error:
            mismatches.append({"path": case["path"], "pyyaml_error": str(error).splitlines()[0]})
            continue
        if ordered(theirs) != ours(case["tree"]):
            mismatches.append({"path": case["path"], "pyyaml": theirs, "handoff": case["tree"]})
    json.dump(mismatches, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
