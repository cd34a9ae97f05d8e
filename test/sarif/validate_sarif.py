"""Validates a SARIF log against the official SARIF 2.1.0 schema:
`validate_sarif.py SCHEMA LOG`. Prints 'valid' or the first error."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
if errors:
    error = errors[0]
    print("invalid: %s at %s" % (error.message, "/".join(map(str, error.path))))
    sys.exit(1)
print("valid")
