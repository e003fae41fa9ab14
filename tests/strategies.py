"""Hypothesis strategies for valid profiles (the input contract of DESIGN.md), and the small
helpers the property tests use to read a week. The helpers are written here, independently of
the planner's own code, so the properties check the planner rather than restate it."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from endoprotocol.profile import Screening
from endoprotocol.vocab import Condition, Day, Equipment, Experience, Goal, Therapy

FEMALE_ONLY = {"pregnancy", "menstrual-irregularity", "menopausal-hrt"}
QUESTIONS = list(Screening.model_fields)
# the kit a profile draws from: every item but `rack`, the newest fixture, so that the
# derandomized draws stay the people they were (a rack comes with `machines`; the review 24
# properties draw a barbell with and without one)
KIT = [e.value for e in Equipment if e is not Equipment.RACK]


@st.composite
def profiles(
    draw: st.DrawFn, *, min_age: int = 18, max_age: int = 100, dense: bool = False
) -> dict[str, Any]:
    """A valid profile. By default conditions and PAR-Q+ answers are sparse, as in life;
    `dense` draws them often (up to 4 conditions, up to 3 answers) to exercise safety rules."""
    sex = draw(st.sampled_from(["male", "female"]))
    therapy_pool = [t.value for t in Therapy if sex == "female" or t.value not in FEMALE_ONLY]
    condition_pool = [c.value for c in Condition if sex == "female" or c.value not in FEMALE_ONLY]
    profile: dict[str, Any] = {
        "age": draw(st.integers(min_age, max_age)),
        "sex": sex,
        "goals": draw(
            st.lists(st.sampled_from([g.value for g in Goal]), min_size=1, max_size=4, unique=True)
        ),
        "therapies": draw(st.lists(st.sampled_from(therapy_pool), max_size=2, unique=True)),
        "experience": draw(st.sampled_from([e.value for e in Experience])),
        "minutes_per_session": draw(st.integers(15, 180)),
        "equipment": draw(st.lists(st.sampled_from(KIT), max_size=10, unique=True)),
        "currently_active": draw(st.booleans()),
        "conditions": draw(
            st.lists(st.sampled_from(condition_pool), max_size=4 if dense else 3, unique=True)
        ),
    }
    if "pregnancy" in profile["conditions"] and draw(st.booleans()):
        profile["pregnancy_week"] = draw(st.integers(1, 42))
    if draw(st.booleans()):
        profile["days"] = draw(
            st.lists(st.sampled_from([d.value for d in Day]), min_size=1, max_size=7, unique=True)
        )
    else:
        profile["days_per_week"] = draw(st.integers(1, 7))
    if draw(st.booleans()):
        diastolic = draw(st.integers(40, 130))
        profile["blood_pressure"] = {
            "systolic": draw(st.integers(max(diastolic + 1, 60), 250)),
            "diastolic": diastolic,
        }
    sparse = not dense and draw(st.integers(0, 3)) != 0
    yes = (
        []
        if sparse
        else draw(st.lists(st.sampled_from(QUESTIONS), max_size=3 if dense else 2, unique=True))
    )
    if yes:
        profile["screening"] = dict.fromkeys(yes, True)
    return profile


@st.composite
def over_45_not_active(draw: st.DrawFn, *, max_age: int = 64) -> dict[str, Any]:
    """People the PAR-Q+ asks for an exercise professional's check before vigorous work:
    over 45 and not active."""
    data = draw(profiles(min_age=46, max_age=max_age))
    data["currently_active"] = False
    return data


def circular(a: int, b: int) -> int:
    """Days between two weekdays (0 = Monday) in a repeating week."""
    d = abs(a - b) % 7
    return min(d, 7 - d)


def is_hard(session: Any) -> bool:
    """DESIGN.md: resistance or HIIT, or anything vigorous."""
    return (
        session.modality.value in {"resistance", "hiit"}
        or session.intensity_class.value == "vigorous"
    )


def audit_property(
    strategy: st.SearchStrategy[dict[str, Any]],
    checks: dict[str, Any],
    record_property: Any,
    *,
    examples: int,
    weeks: int = 4,
    extra: Any = None,
) -> None:
    """Plan every profile `strategy` draws, run the coach's audit `checks` on each plan and
    fail on any fault; record how many plans there were and how many each check applied to
    (printed in the test summary). `extra(profile, plan)` may assert more per plan."""
    from hypothesis import HealthCheck, given, settings

    from endoprotocol import build_plan, load_library, load_rules, parse_profile
    from endoprotocol.audit import audit, one_week_plans
    from endoprotocol.engine.loader import builtin_rules_dir
    from endoprotocol.errors import OutOfScopeError

    rules = load_rules(user_dir=False)
    library = load_library(builtin_rules_dir())
    applied = dict.fromkeys(checks, 0)
    cases = 0

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(strategy)
    def check(data: dict[str, Any]) -> None:
        nonlocal cases
        profile = parse_profile(data)
        try:
            plan = build_plan(profile, rules, library, weeks=weeks)
        except OutOfScopeError:
            return
        cases += 1
        faults = []
        for name, verdict in audit(profile, plan, library, checks).items():
            applied[name] += verdict.applies
            faults += verdict.faults
        assert not faults, "\n".join(map(str, faults))
        if extra is not None:
            extra(profile, plan)

    # (the one-week plans `week-one-emptier-than-one-week-plan` compares with, set around
    # the run: `check`'s own source seeds hypothesis' derandomized draws)
    with one_week_plans(lambda one: build_plan(one, rules, library, weeks=1)):
        check()
    record_property("cases", cases)
    for name in checks:
        record_property(f"check:{name}", applied[name])
        assert applied[name] > 0, f"check {name} never applied; the strategy misses its group"


def audit_property_lengths(
    strategy: st.SearchStrategy[dict[str, Any]],
    checks: dict[str, Any],
    record_property: Any,
    *,
    examples: int,
    shortest: int = 5,
    longest: int = 10,
) -> None:
    """`audit_property` with each profile's block length drawn too, `shortest` to `longest`
    weeks (people ask for 1-16; the audit's cohort plans 4, 8 and 12): the checks hold at
    the lengths between the audit's own. A function of its own, so that `audit_property`'s
    derandomized draws stay the ones they were."""
    from hypothesis import HealthCheck, given, settings

    from endoprotocol import build_plan, load_library, load_rules, parse_profile
    from endoprotocol.audit import audit, one_week_plans
    from endoprotocol.engine.loader import builtin_rules_dir
    from endoprotocol.errors import OutOfScopeError

    rules = load_rules(user_dir=False)
    library = load_library(builtin_rules_dir())
    applied = dict.fromkeys(checks, 0)
    cases = 0

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(strategy, st.integers(shortest, longest))
    def check_lengths(data: dict[str, Any], weeks: int) -> None:
        nonlocal cases
        profile = parse_profile(data)
        try:
            plan = build_plan(profile, rules, library, weeks=weeks)
        except OutOfScopeError:
            return
        cases += 1
        faults = []
        for name, verdict in audit(profile, plan, library, checks).items():
            applied[name] += verdict.applies
            faults += verdict.faults
        assert not faults, f"{weeks} weeks: " + "\n".join(map(str, faults))

    with one_week_plans(lambda one: build_plan(one, rules, library, weeks=1)):
        check_lengths()
    record_property("cases", cases)
    for name in checks:
        record_property(f"check:{name}", applied[name])
        assert applied[name] > 0, f"check {name} never applied; the strategy misses its group"
