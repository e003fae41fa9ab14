"""Hypothesis strategies for valid profiles (the input contract of DESIGN.md)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from endoprotocol.vocab import Condition, Day, Equipment, Experience, Goal, Therapy

FEMALE_ONLY = {Condition.PREGNANCY.value, Condition.MENSTRUAL_IRREGULARITY.value}
QUESTIONS = [
    "heart_condition_or_high_blood_pressure",
    "chest_pain",
    "dizziness_or_fainting",
    "other_chronic_condition",
    "prescribed_medication",
    "bone_joint_problem",
    "supervised_activity_only",
]


@st.composite
def profiles(
    draw: st.DrawFn, *, min_age: int = 18, max_age: int = 100, rare_screening: bool = True
) -> dict[str, Any]:
    """A valid profile dict; screening answers and conditions are drawn sparsely, as in life."""
    sex = draw(st.sampled_from(["male", "female"]))
    goals = draw(
        st.lists(st.sampled_from([g.value for g in Goal]), min_size=1, max_size=4, unique=True)
    )
    therapy_pool = [t.value for t in Therapy if sex == "female" or t is not Therapy.MENOPAUSAL_HRT]
    therapies = draw(st.lists(st.sampled_from(therapy_pool), max_size=2, unique=True))
    condition_pool = [c.value for c in Condition if sex == "female" or c.value not in FEMALE_ONLY]
    conditions = draw(st.lists(st.sampled_from(condition_pool), max_size=3, unique=True))
    profile: dict[str, Any] = {
        "age": draw(st.integers(min_age, max_age)),
        "sex": sex,
        "goals": goals,
        "therapies": therapies,
        "experience": draw(st.sampled_from([e.value for e in Experience])),
        "minutes_per_session": draw(st.integers(15, 180)),
        "equipment": draw(
            st.lists(
                st.sampled_from([e.value for e in Equipment]), min_size=1, max_size=10, unique=True
            )
        ),
        "currently_active": draw(st.booleans()),
        "conditions": conditions,
    }
    if draw(st.booleans()):
        profile["days"] = draw(
            st.lists(st.sampled_from([d.value for d in Day]), min_size=1, max_size=7, unique=True)
        )
    else:
        profile["days_per_week"] = draw(st.integers(1, 7))
    if draw(st.booleans()):
        diastolic = draw(st.integers(50, 125))
        profile["blood_pressure"] = {
            "systolic": draw(st.integers(diastolic + 10, 230)),
            "diastolic": diastolic,
        }
    answers = st.lists(st.sampled_from(QUESTIONS), max_size=2 if rare_screening else 7, unique=True)
    yes = draw(answers) if draw(st.integers(0, 3)) == 0 or not rare_screening else []
    if yes:
        profile["screening"] = dict.fromkeys(yes, True)
    return profile
