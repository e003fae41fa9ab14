"""`endoprotocol schema plan|profile`: the JSON Schema of the contracts, from the models."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer


class Which(StrEnum):
    PLAN = "plan"
    PROFILE = "profile"


def schema(
    which: Annotated[
        Which,
        typer.Argument(
            help="Which contract: plan (output) or profile (input).", metavar="CONTRACT"
        ),
    ],
) -> None:
    """Print the JSON Schema of the plan (output) or the profile (input).

    Examples:

      endoprotocol schema plan > plan.schema.json

      endoprotocol schema profile
    """
    from endoprotocol.plan import Plan
    from endoprotocol.profile import Profile

    if which is Which.PLAN:
        document = Plan.model_json_schema(mode="serialization")
    else:
        document = Profile.model_json_schema(mode="validation")
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    typer.echo(json.dumps(document, indent=2, sort_keys=True))
