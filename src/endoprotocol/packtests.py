"""Tests inside packs: example profiles with expected outcomes, run by `rules test`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from endoprotocol.engine.loader import RuleSet, builtin_rules_dir
from endoprotocol.errors import EndoprotocolError, PackDiagnostic, ProfileError, RulePackError

if TYPE_CHECKING:
    from endoprotocol.planner.library import Library


@dataclass
class PackTestResult:
    pack: str
    name: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def run_pack_tests(
    ruleset: RuleSet, only: set[Path] | None = None, *, library: Library | None = None
) -> list[PackTestResult]:
    """Run every pack test (or those of the packs in `only`) against the whole rule set.

    `library`: the one loaded with the rules (`knowledge.load`); read afresh when not given.
    """
    from endoprotocol.build import build_plan
    from endoprotocol.planner.library import check_rule_references, load_library
    from endoprotocol.profile import parse_profile

    if library is None:
        library = load_library(builtin_rules_dir())
        check_rule_references(ruleset, library)
    chosen = [(p, t) for p, t in ruleset.tests if not only or p.path.resolve() in only]
    profiles = {}
    invalid = []
    for pack, test in chosen:
        try:
            profiles[id(test)] = parse_profile(test.profile)
        except ProfileError as error:
            # a test that cannot run is a mistake in the pack, not a failed check
            pos = test.pos
            invalid.append(
                PackDiagnostic(
                    pos.path if pos else str(pack.path),
                    pos.line if pos else 1,
                    pos.col if pos else 1,
                    f"pack test '{test.name}': invalid profile: "
                    + "; ".join(error.message.splitlines()),
                    "invalid-test-profile",
                )
            )
    if invalid:
        raise RulePackError(invalid)
    results = []
    for pack, test in chosen:
        result = PackTestResult(pack.name, test.name)
        results.append(result)
        try:
            plan = build_plan(profiles[id(test)], ruleset, library, explain=True)
        except EndoprotocolError as error:
            result.problems.append(f"could not plan: {error.message}")
            continue
        expect = test.expect
        assert plan.explanation is not None
        fired = {f.rule for f in plan.explanation.fired}
        modalities = {s.modality.value for w in plan.weeks for d in w.days for s in d.sessions}
        codes = {w.code for w in plan.warnings}
        for rid in expect.fires:
            if rid not in fired:
                result.problems.append(f"expected rule {rid} to fire; it did not")
        for rid in expect.not_fires:
            if rid in fired:
                result.problems.append(f"expected rule {rid} not to fire; it did")
        for m in expect.modalities:
            if m.value not in modalities:
                result.problems.append(f"expected {m.value} sessions; the plan has none")
        for m in expect.no_modalities:
            if m.value in modalities:
                result.problems.append(f"expected no {m.value} sessions; the plan has some")
        for code in expect.warnings:
            if code not in codes:
                result.problems.append(f"expected warning {code}; got {sorted(codes)}")
        for code in expect.no_warnings:
            if code in codes:
                result.problems.append(f"expected no warning {code}; it is there")
        s = plan.screening
        for name in ("clearance", "referral_only", "max_intensity"):
            want = getattr(expect, name)
            if want is not None and getattr(s, name) != want:
                result.problems.append(f"expected {name} {want!r}; got {getattr(s, name)!r}")
    return results
