"""Validate plan files against plangraph's JSON Schema, reading YAML the way editors do (YAML 1.2 core
types: no timestamps, only true/false as booleans). Prints one line per file: 'valid' or 'invalid: …'."""
import json
import re
import sys

import jsonschema
import yaml


class EditorLoader(yaml.SafeLoader):
    pass


EditorLoader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
for path in sys.argv[2:]:
    with open(path, encoding="utf-8-sig") as f:
        document = json.load(f) if path.endswith(".json") else yaml.load(f, Loader=EditorLoader)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    print(path, "valid" if not errors else "invalid: " + errors[0].message.replace("\n", " "))
