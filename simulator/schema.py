"""JSON Schemas for editors, generated from the file models. Committed under schema/; a test keeps them fresh."""

from __future__ import annotations

import json
from pathlib import Path

from .models import MODEL_BY_KIND

SCHEMA_ID = "https://tabletop.invalid/schema/{kind}.schema.json"


def schema_for(kind: str) -> dict:
    model = MODEL_BY_KIND[kind]
    schema = model.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID.format(kind=kind), **schema}


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), indent=2, sort_keys=False) + "\n"


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for kind in MODEL_BY_KIND:
        path = folder / f"{kind}.schema.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        out.append(path)
    return out
