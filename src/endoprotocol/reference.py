"""The reference tables the loaded packs define (`endoprotocol effects`): hormonal outcomes by
modality, myokines and their actions, and therapy synergies, each with its grade, the dose
that produces it (the rule's title) and its references. Pure: rules in, tables out."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from endoprotocol.engine.loader import RuleSet
from endoprotocol.engine.model import Effect, Synergy
from endoprotocol.plan import Reference
from endoprotocol.vocab import EffectTarget, Modality

MYOKINES = frozenset(
    {
        EffectTarget.IL_6,
        EffectTarget.IRISIN,
        EffectTarget.MYOSTATIN,
        EffectTarget.BDNF,
        EffectTarget.DECORIN,
    }
)


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class OutcomeRow(_Row):
    """One expected effect of one modality, as a rule declares it."""

    target: str
    modality: str
    timescale: str
    direction: str
    evidence: str
    when: str
    explanation: str
    references: list[str]
    rule: str


class SynergyRow(_Row):
    therapy: str
    myokine: str
    evidence: str
    explanation: str
    references: list[str]
    rule: str


class EffectTables(_Row):
    hormones: list[OutcomeRow]
    myokines: list[OutcomeRow]
    synergies: list[SynergyRow]
    references: list[Reference]


def effect_tables(rules: RuleSet) -> EffectTables:
    """Every effect and synergy the active rules can emit, one row per modality."""
    outcomes: list[OutcomeRow] = []
    synergies: list[SynergyRow] = []
    for rule in rules.active_rules:
        for action in rule.then:
            body = action.body
            if isinstance(body, Effect):
                outcomes += [
                    OutcomeRow(
                        target=body.target.value,
                        modality=m.value,
                        timescale=body.timescale,
                        direction=body.direction,
                        evidence=body.evidence,
                        when=rule.title,
                        explanation=body.explanation,
                        references=list(rule.references),
                        rule=rule.full_id,
                    )
                    for m in body.modalities
                ]
            elif isinstance(body, Synergy):
                synergies.append(
                    SynergyRow(
                        therapy=body.therapy.value,
                        myokine=body.myokine.value,
                        evidence=body.evidence,
                        explanation=body.explanation,
                        references=list(rule.references),
                        rule=rule.full_id,
                    )
                )
    targets = list(EffectTarget)
    modalities = list(Modality)

    def order(row: OutcomeRow) -> tuple[int, int, int, str]:
        return (
            targets.index(EffectTarget(row.target)),
            modalities.index(Modality(row.modality)),
            0 if row.timescale == "acute" else 1,
            row.rule,
        )

    outcomes.sort(key=order)
    synergies.sort(key=lambda s: (s.therapy, s.myokine, s.rule))
    cited = {ref for row in outcomes for ref in row.references}
    cited |= {ref for syn in synergies for ref in syn.references}
    return EffectTables(
        hormones=[r for r in outcomes if EffectTarget(r.target) not in MYOKINES],
        myokines=[r for r in outcomes if EffectTarget(r.target) in MYOKINES],
        synergies=synergies,
        references=[
            Reference(id=rid, citation=rules.references[rid].citation)
            for rid in sorted(cited)
            if rid in rules.references
        ],
    )
