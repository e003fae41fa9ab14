"""Write a realistic mixed cohort as JSONL, one profile per line, for `endoprotocol batch`.

    python bench/make_cohort.py OUT.jsonl [--people 1000] [--seed 1]

Every goal appears (1-3 per person, in random priority); ages 18-100 with more people in
middle age; sex 50/50; conditions at rough adult prevalences (hypertension ~30 % rising with
age, type 2 diabetes ~10 %, prediabetes ~15 %, knee or back pain ~15 %, osteoporosis in
older women, pregnancy in some women under 45, ...); therapies at low rates (TRT in ~4 % of
men over 40, menopausal HRT in ~10 % of women 45-65, a GH peptide rarely); equipment from a
few typical set-ups; a PAR-Q+ "yes" in a few percent. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from endoprotocol.profile import Screening
from endoprotocol.vocab import Day, Goal

GOALS = [g.value for g in Goal]
SETUPS = [
    (0.35, ["bodyweight", "dumbbells", "bands"]),
    (0.25, ["barbell", "dumbbells", "machines", "bodyweight", "bike", "treadmill"]),
    (0.15, ["bodyweight"]),
    (0.10, ["dumbbells", "kettlebell", "bodyweight", "rower"]),
    (0.10, ["machines", "bodyweight", "bike", "pool"]),
    (0.05, ["barbell", "bench", "pull-up-bar", "bodyweight"]),
]
DAYS = [d.value for d in Day]
SCREENING = list(Screening.model_fields)


def person(rng: random.Random) -> dict[str, Any]:
    age = min(100, max(18, round(rng.triangular(18, 100, 45))))
    sex = rng.choice(["male", "female"])
    goals = rng.sample(GOALS, rng.choice([1, 1, 2, 2, 2, 3]))
    conditions: list[str] = []

    def maybe(rate: float, name: str) -> None:
        if rng.random() < rate:
            conditions.append(name)

    if rng.random() < 0.1 + age / 250:
        conditions.append("uncontrolled-hypertension" if rng.random() < 0.1 else "hypertension")
    diabetes = rng.random()
    if diabetes < 0.08 + age / 1000:
        conditions.append("type-2-diabetes")
    elif diabetes < 0.23:
        conditions.append("prediabetes")
    elif diabetes < 0.235:
        conditions.append("type-1-diabetes")
    maybe(0.05 + age / 1500, "cardiovascular-disease")
    maybe(0.08, "knee-pain")
    maybe(0.10, "low-back-pain")
    maybe(0.05, "shoulder-pain")
    maybe(0.08, "poor-sleep")
    maybe(0.06, "chronic-stress")
    maybe(0.02, "overtraining-symptoms")
    if age >= 65:
        maybe(0.12, "falls-history")
        maybe(0.03, "peripheral-neuropathy")
    if sex == "female" and age >= 50:
        maybe(0.15, "osteoporosis")
    if sex == "male" and age >= 40:
        maybe(0.05, "low-testosterone-symptoms")
    profile: dict[str, Any] = {"age": age, "sex": sex, "goals": goals}
    if sex == "female" and age < 45 and rng.random() < 0.04:
        conditions.append("pregnancy")
        profile["pregnancy_week"] = rng.randint(6, 38)
    therapies: list[str] = []
    if sex == "male" and age >= 40 and rng.random() < 0.04:
        therapies.append("trt")
    if sex == "female" and 45 <= age <= 65 and "pregnancy" not in conditions and rng.random() < 0.1:
        therapies.append("menopausal-hrt")
    if rng.random() < 0.01:
        therapies.append(rng.choice(["gh-peptide", "tesamorelin"]))
    setup = rng.choices([s for _, s in SETUPS], weights=[w for w, _ in SETUPS])[0]
    profile["experience"] = rng.choice(["beginner"] * 5 + ["intermediate"] * 3 + ["advanced"])
    if rng.random() < 0.5:
        profile["days_per_week"] = rng.randint(2, 6)
    else:
        profile["days"] = sorted(rng.sample(DAYS, rng.randint(2, 5)), key=DAYS.index)
    profile["minutes_per_session"] = rng.choice([20, 30, 30, 45, 45, 45, 60, 60, 75, 90])
    profile["equipment"] = setup
    profile["currently_active"] = rng.random() < 0.4
    if rng.random() < 0.5:
        profile["blood_pressure"] = {
            "systolic": rng.randint(105, 165),
            "diastolic": rng.randint(65, 100),
        }
    profile["conditions"] = conditions
    profile["therapies"] = therapies
    if rng.random() < 0.05:
        profile["screening"] = {rng.choice(SCREENING): True}
    return profile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with args.out.open("w", encoding="utf-8") as out:
        for _ in range(args.people):
            out.write(json.dumps(person(rng), separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
