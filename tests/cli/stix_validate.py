"""Checks a STIX 2.1 bundle written by `vigil export --format stix`: every object against its
own type's OASIS JSON schema (from a local copy of cti-stix2-json-schemas, nothing fetched),
every *_ref / *_refs resolving to an object of the bundle, and ids unique and of their type.
Usage: stix_validate.py BUNDLE SCHEMA_DIR (or "-" to check only references and ids). Exit 0 when valid, 1 with the problems listed."""
import json
import os
import sys



def load_schemas(root):
    """Every schema under root, by its $id, so that $refs resolve without the network."""
    by_id, by_type = {}, {}
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(".json"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    schema = json.load(f)
                by_id[schema["$id"]] = schema
                if os.path.basename(folder) in ("sdos", "sros", "observables"):
                    by_type[name[:-5]] = schema
    return by_id, by_type


def validator_for(schema, by_id):
    import jsonschema
    cls = jsonschema.Draft202012Validator
    try:  # jsonschema >= 4.18: the referencing library
        import referencing
        import referencing.jsonschema
        registry = referencing.Registry().with_resources(
            (uri, referencing.Resource.from_contents(s, default_specification=referencing.jsonschema.DRAFT202012))
            for uri, s in by_id.items())
        return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)
    except ImportError:  # Debian bookworm's 4.10: a resolver over the same local store
        import jsonschema
        resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=by_id)
        return cls(schema, resolver=resolver, format_checker=cls.FORMAT_CHECKER)


def refs_of(value, path=""):
    """(property path, id) for every *_ref and *_refs value, at any depth."""
    if isinstance(value, dict):
        for key, v in value.items():
            if key.endswith("_ref") and isinstance(v, str):
                yield path + key, v
            elif key.endswith("_refs") and isinstance(v, list):
                for item in v:
                    yield path + key, item
            else:
                yield from refs_of(v, path + key + ".")
    elif isinstance(value, list):
        for v in value:
            yield from refs_of(v, path)


def main():
    bundle_path, schema_dir = sys.argv[1], sys.argv[2]
    with open(bundle_path, encoding="utf-8") as f:
        bundle = json.load(f)
    by_id, by_type = load_schemas(schema_dir) if schema_dir != "-" else ({}, None)
    problems = []
    if bundle.get("type") != "bundle" or not str(bundle.get("id", "")).startswith("bundle--"):
        problems.append("the top level is not a bundle with a bundle-- id")
    objects = bundle.get("objects", [])
    ids = {}
    validators = {}
    for o in objects:
        oid, otype = o.get("id", ""), o.get("type", "")
        if oid in ids:
            problems.append("%s: id used twice" % oid)
        ids[oid] = o
        if not oid.startswith(otype + "--"):
            problems.append("%s: id does not name its type %s" % (oid, otype))
        if by_type is None:
            continue
        if otype not in by_type:
            problems.append("%s: no schema for type %r" % (oid, otype))
            continue
        if otype not in validators:
            validators[otype] = validator_for(by_type[otype], by_id)
        for error in validators[otype].iter_errors(o):
            where = "/".join(str(p) for p in error.absolute_path)
            problems.append("%s (%s): %s: %s" % (oid, otype, where or "-", error.message[:300]))
    for o in objects:
        for prop, ref in refs_of(o):
            if ref not in ids:
                problems.append("%s: %s %s is not in the bundle" % (o.get("id"), prop, ref))
    for p in problems[:50]:
        print("stix: " + p, file=sys.stderr)
    print("stix: %d objects of %d types checked, %d problems" % (len(objects), len({o.get("type") for o in objects}),
                                                                len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
