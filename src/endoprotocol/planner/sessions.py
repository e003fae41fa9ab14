"""Turn placed sessions into plan sessions: exercises, prescriptions, durations, notes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from endoprotocol.engine.decisions import Bound, CautiousStart, Decisions, fill_placeholders
from endoprotocol.plan import (
    HARD_RIR_MAX,
    Exercise,
    Intensity,
    Range,
    Session,
    Substitution,
    exposed_groups,
    is_hard_set,
    muscle_credit,
    primary_groups,
)
from endoprotocol.planner.fill import (
    FAMILY,
    Picker,
    Shortfall,
    build_exercise,
    competes,
    kind_intensity,
    lift_intensity,
    session_seconds,
    slot_pool,
    trim_note,
    zone_intensity,
)
from endoprotocol.planner.intensity import settled_rest
from endoprotocol.planner.library import (
    LEVEL_ORDER,
    ExerciseEntry,
    Library,
    Slot,
    SplitDay,
    Zone,
    held_focus,
)
from endoprotocol.planner.progress import reps_week_range, start_reps
from endoprotocol.planner.schedule import Slotted
from endoprotocol.vocab import (
    MAJOR_GROUPS,
    PULL_PATTERNS,
    PUSH_PATTERNS,
    Experience,
    Goal,
    IntensityClass,
    Modality,
    Muscle,
    Pattern,
)

ALL_MUSCLES = {m.value for m in Muscle}
# a smaller form of a lifting session: its lifts, what changed, the lifts it left out
Form = tuple[list[Exercise], list[str], list[str]]
# Whose rules dose an exercise of each timed pattern, wherever the exercise appears.
OWN_MODALITY = {
    Pattern.INTERVALS: Modality.HIIT,
    Pattern.BALANCE: Modality.BALANCE,
    Pattern.MOBILITY: Modality.MOBILITY,
}


@dataclass
class Built:
    session: Session | None
    shortfalls: list[Shortfall]
    # the session as it was before its smallest hard form (`Slotted.exposure_form`), kept
    # for a day whose freed minutes no steady block takes after all
    unformed: Session | None = None
    # that session before any trim to fit its slot (every lift at its sets and rests): what a
    # week whose walk is shorter gives back to it (`progress.forms_refit`; coach review 17)
    whole: Session | None = None


class SessionBuilder:
    def __init__(self, outcome: Decisions, library: Library, picker: Picker) -> None:
        self.outcome = outcome
        self.library = library
        self.picker = picker
        self.timing = library.design.timing
        only = outcome.param(Modality.RESISTANCE.value, "any", "effort_only")
        # loads by effort alone where a safety rule says no 1RM can be estimated safely
        self.effort_only = bool(only is not None and only.value)
        # aerobic work by feel alone (RPE and the talk test, no %HRmax) where a safety rule
        # says medicines may hold the heart rate down, by modality with the rule that says so
        # (EVIDENCE.md 1.2; coach review 34, HR-ZONE-AFTER-USE-RPE: a zone the medicine
        # keeps out of reach is one the person pushes harder to meet)
        self.by_feel = {
            m: flag.rule
            for m in (Modality.ENDURANCE, Modality.HIIT, Modality.RECOVERY)
            if (flag := outcome.param(m.value, "any", "effort_only")) is not None and flag.value
        }
        # each lift's rests as prescribed, before a trim to fit a day shortened them
        self.rests: dict[str, Range] = {}
        # the block's length (build.py sets it): whether a cautious start and its exit last
        # it all (`_first_seconds`)
        self.block_weeks = 16

    def notes_for(self, modality: Modality) -> tuple[list[str], list[str]]:
        texts, rules = [], []
        for note, rid in self.outcome.notes:
            if note.modality in ("all", modality):
                texts.append(note.text)
                rules.append(rid)
        return texts, rules

    def _edges(self, modality: str) -> tuple[int, list[str]]:
        return self.outcome.warmup_and_cooldown(modality)

    def build(self, slot: Slotted) -> Built:
        if slot.modality is Modality.RESISTANCE:
            return self._resistance(slot)
        return self._conditioning(slot)

    def _resistance(self, slot: Slotted) -> Built:
        assert slot.split_day is not None
        self.picker.floor_pull_ok = slot.floor_pull
        zone = self.library.design.zones[slot.intensity]  # type: ignore[index]
        muscles = slot.muscles()
        exercises: list[Exercise] = []
        shortfalls: list[Shortfall] = []
        # the slots left empty, said once the session's final form is known (`_said_empty`)
        empty: list[tuple[Shortfall, Pattern, int]] = []
        taken: set[str] = set()
        notes, note_rules = self.notes_for(slot.modality)
        isolated: set[str] = set()  # muscles an isolation exercise already trains here
        # moves dosed by their kind (a ballistic move's full rest, a drill) are never paired
        unpairable: set[str] = set()
        promised = self._promised_slots(slot.split_day)
        slots = list(slot.split_day.slots)
        fitting = [s for s in promised if {m.value for m in s.prefer} <= muscles]
        carried = sorted({t for s in promised if s not in fitting for t in s.prefer_tags})
        if carried:
            # a day that does not train the promised slot's muscles (a lower day has no upper
            # back) keeps the promise through its own slots: its core work becomes a bird dog
            slots = [
                s if s.prefer_tags else s.model_copy(update={"prefer_tags": carried}) for s in slots
            ]
            keeper = next(
                (
                    s
                    for s in slots
                    if any(set(carried) & set(e.tags) for e in slot_pool(self.picker, s, muscles))
                ),
                None,
            )
            if keeper is not None:  # first, so a short session keeps it
                slots = [keeper, *(s for s in slots if s is not keeper)]
            else:
                # nothing of the day's own can carry it (a frail person's bird dog is on the
                # floor): the promised slot itself opens the session, its muscles with it
                fitting = [s for s in promised if s not in fitting] + fitting
                muscles = muscles | {m.value for s in promised for m in s.prefer}
        ordered = [*fitting, *slots]
        # how many lifts of each press the day has slots for: a session holds no more of
        # one press than that (coach review 30's knock-on, TWO-PUSHES-BESIDE-ONE-PULL)
        press_slots = Counter(x.pattern for x in slot.split_day.slots if x.pattern in PUSH_PATTERNS)

        def press_held(pattern: Pattern) -> bool:
            held = sum(e.pattern is pattern for e in exercises)
            return pattern in PUSH_PATTERNS and held >= max(press_slots[pattern], 1)

        # the main lift's heavy dose (`role: main`) passes to the next compound slot when the
        # main slot's lift cannot be taken heavy (`Picker.takes_heavy`: a goblet squat held
        # at the chest, a wall sit, a jump), so a session whose first lift is one of those
        # still holds a heavy lift where another can be (coach review 37,
        # STRENGTH-SECOND-GOAL-UNDOSED: a once-a-week day's kettlebell goblet squat)
        # (and where the main slot is left empty or skipped)
        main_due = False
        for index, s in enumerate(ordered):
            if main_due and s.role == "compound" and not s.main:
                s = s.model_copy(update={"main": True})
            main_due = main_due or s.main
            if press_held(s.pattern):
                # another press slot's stand-in already holds this press (a frail person's
                # shoulder press for the chest press she cannot do): a second one is the same
                # movement again, not the slot's muscles through a movement of their own
                continue
            s = _rebalanced(s, exercises, muscles)
            prefer = [m.value for m in s.prefer]
            trained = {m.value for e in exercises for m in e.muscles}
            pool = self._isolation_pool(
                s, muscles, isolated, trained, slot_pool(self.picker, s, muscles)
            )
            if pool is None:
                continue  # no isolation left that trains anything new; nothing is lost
            tags: list[str] = list(s.prefer_tags)
            # what the slot would have taken without the vetoes: the same pool's filters
            # applied to the unvetoed candidates, so a swap note never names a lift the slot
            # would not have taken anyway (a reverse fly for shoulders a lateral raise already
            # isolates; coach review 37, LBP-SWAP-CHANGES-MUSCLE) ...
            unvetoed = (
                self._isolation_pool(
                    s,
                    muscles,
                    isolated,
                    trained,
                    self.picker.candidates(
                        s.pattern, muscles, prefer, s.dose_role, with_vetoed=True, tags=tags
                    ),
                )
                or []
            )
            if (
                s.pattern is Pattern.ISOLATION
                and prefer
                and not any({m.value for m in e.primary} & set(prefer) for e in unvetoed)
            ):
                # ... and an isolation slot that has no lift for its own muscle even without
                # the vetoes takes any muscle the day has not trained yet: no lift of those
                # is one the rules took from it (a calf raise was never "in place of" the
                # triceps extension the rotation would have reached)
                unvetoed = []
            before = len(self.picker.substitutions)
            fallback_note = ""
            slot_key = f"{s.pattern.value}/{s.role}"
            fallback = self.library.design.fallbacks.get(s.pattern)
            stand_in = None if fallback is None else s.model_copy(update={"pattern": fallback})
            unbalanced = (
                fallback in PUSH_PATTERNS
                and any(e.pattern is fallback for e in exercises)
                and not any(e.pattern in PULL_PATTERNS for e in exercises)
                and any(x.pattern in PULL_PATTERNS for x in ordered[:index])
            )
            if unbalanced:
                # a day whose pull nothing the person can do fills takes no second push of
                # the same muscles in another slot's place: the push:pull balance keeps the
                # slot empty, and the plan says why (coach review 29,
                # NAME-PROMISES-MISSING-PULL: an incline push-up and a wall push-up, no pull)
                stand_in = None
            # a press slot whose own press is out of reach takes no second lift of the
            # other press where the session already holds as many of those as the day has
            # slots for: two regressions of one press (an incline and a wall push-up) beside
            # a single pull spend minutes on the same movement twice (COACHING.md §1-2: each
            # pattern its best candidate, push and pull in balance; coach review 30's
            # knock-on, TWO-PUSHES-BESIDE-ONE-PULL). Nothing the day promises is lost: its
            # push is there, so the slot stays empty without a could-not-plan.
            single_joint: list[ExerciseEntry] = []
            entry_level: list[ExerciseEntry] = []
            stand_ins = (
                []
                if stand_in is None
                else [
                    e
                    for e in slot_pool(self.picker, stand_in, muscles, regressions=False)
                    if e.id not in taken
                ]
            )
            repeated = bool(stand_ins) and fallback is not None and press_held(fallback)
            if repeated:
                if self.picker.no_regressions and all(e.ladder == "regression" for e in pool):
                    # nor an entry-level form of the slot's own press for a trained lifter
                    # (a seated chair press-up): the lift at their level that could stand in
                    # is the press they already do (coach review 11, CHAIR-STANDIN-FOR-TRAINED)
                    pool = []
                stand_in, stand_ins = None, []
            if (
                stand_ins
                and self.picker.no_regressions
                and pool
                and all(e.ladder == "regression" for e in pool)
            ):
                # only an entry-level form of the slot's own pattern is left (a sit-to-stand
                # on a chair, a seated chair press-up): a trained lifter takes a lift of the
                # same family at their own level first, and the regression only when none is
                # left (coach review 11, CHAIR-STANDIN-FOR-TRAINED)
                entry_level, pool = pool, []
            fallback_used = stand_in is not None and any(
                e.pattern is stand_in.pattern for e in exercises
            )
            if (
                s.role == "compound"
                and stand_in is not None
                and not any(e.compound for e in pool)
                and any(e.compound for e in stand_ins)
                and not (fallback_used and pool)
            ):
                # a main slot whose pattern offers only single-joint moves (a pullover, a
                # straight-arm pulldown for the vertical pull) takes the fallback pattern's
                # multi-joint lift first: a row is the pull, a pullover is not (coach review 7,
                # PULLOVER-AS-PULL); but where the session already holds that pattern (an
                # upper day's row), the slot's own pattern comes first, so the day is not two
                # rows while a pullover was open (coach review 11, DOUBLE-PUSH-STANDIN)
                single_joint, pool = pool, []
            picked = self.picker.pick(
                slot_key, pool, taken, unvetoed, rank=(prefer, s.dose_role), tags=tags
            )
            if picked is None and stand_in is not None and fallback is not None:
                picked = self.picker.pick(
                    f"{fallback.value}/{s.role}",
                    # a stand-in for another pattern is never an entry-level regression
                    # for a trained person (coach review 5, TRAINED-REGRESSION)
                    stand_ins,
                    taken,
                    rank=(prefer, s.dose_role),
                )
                rules = sorted(
                    {r for e in unvetoed if e.id not in taken for r in self.picker.vetoes_of(e)}
                )
                words = self.library.design.messages
                # a last-resort lift of the slot's own pattern held back for the stand-in (the
                # wall elbow press for a chin-up; `instead_of`): the rules did not rule out
                # every lift of the pattern, and the note says which one is left (coach
                # review 30, FRAIL-PREGNANT-NO-PULL)
                held = next(
                    (e for e in self.picker.held_back if e.pattern is s.pattern),
                    None,
                )
                if picked is not None and single_joint:
                    fallback_note = words.stands_in_single_joint.format(pattern=s.pattern.value)
                elif picked is not None and rules:
                    # the slot's family is held by a safety rule: the note names the rule
                    # and what stands in (coach review 11)
                    fallback_note = words.stands_in_ruled_out.format(
                        pattern=s.pattern.value, rules=", ".join(rules), by=picked[0].name
                    )
                    if held is not None and words.stands_in_before_last_resort:
                        fallback_note = words.stands_in_before_last_resort.format(
                            pattern=s.pattern.value,
                            rules=", ".join(rules),
                            by=picked[0].name,
                            held=held.name.lower(),
                        )
                    self.picker.substitutions.append(
                        Substitution(
                            replaced=f"a {s.pattern.value} exercise", by=picked[0].name, rules=rules
                        )
                    )
                elif picked is not None and entry_level:
                    fallback_note = words.stands_in_entry_level.format(pattern=s.pattern.value)
                elif picked is not None:
                    fallback_note = words.stands_in_no_kit.format(pattern=s.pattern.value)
            if picked is None and entry_level:
                picked = self.picker.pick(
                    slot_key, entry_level, taken, unvetoed, rank=(prefer, s.dose_role), tags=tags
                )
            if picked is None and single_joint:
                picked = self.picker.pick(slot_key, single_joint, taken, rank=(prefer, s.dose_role))
            if picked is None and repeated:
                continue
            if picked is None and s.role != "compound":
                if slot_pool(self.picker, s, muscles, drills=True):
                    # only a teaching drill is left for an accessory slot (a wall-supported
                    # march as a carry): the session is whole without it, no work set is lost
                    continue
            elif picked is None:
                # a teaching drill at easy effort is better than an empty main slot
                drills = slot_pool(self.picker, s, muscles, drills=True)
                picked = self.picker.pick(f"{slot_key}/drill", drills, taken)
            if picked is None:
                why = self.picker.why_not(s.pattern, muscles)
                said = self.library.design.messages.stand_in_unbalanced
                # an accessory slot's kit (its family's second lift, `_said_empty`), unless
                # the sentence also says why no stand-in came (that much is true whatever
                # the kit)
                kits = self.picker.kits_opening(s.pattern, muscles) if s.role == "accessory" else []
                if unbalanced and fallback is not None and said:
                    why = f"{why}; {said.format(stand_in=fallback.value)}"
                    kits = []
                empty.append(
                    (
                        Shortfall(
                            f"the {s.pattern.value} slot of '{slot.title}'",
                            why,
                            self.picker.vetoes_applied,
                            kits,
                        ),
                        s.pattern,
                        len(exercises),
                    )
                )
                continue
            entry, alternatives = picked
            taken.add(entry.id)
            if entry.pattern is Pattern.ISOLATION:
                isolated |= {m.value for m in entry.primary}
            if s.main:
                main_due = not self.picker.takes_heavy(entry)
                if main_due:
                    s = s.model_copy(update={"main": False})
            dose = self.library.design.kinds.get(entry.kind)
            intensity, i_rules = lift_intensity(
                self.outcome,
                s.dose_role,
                zone,
                entry,
                measurable_load=entry.one_rm and not self.effort_only,
                cap_load=slot.lowered,
            )
            if dose is not None:
                intensity = kind_intensity(zone, dose)
            swap_notes: list[str] = [fallback_note] if fallback_note else []
            if len(self.picker.substitutions) > before:
                swap = self.picker.substitutions[-1]
                vetoes = list(swap.rules)
                i_rules = [*i_rules, *vetoes]
                if not fallback_note:  # a stand-in's own note already names the rules
                    swap_notes.append(f"In place of {swap.replaced} ({', '.join(vetoes)}).")
            ex, missing = build_exercise(
                entry,
                "resistance",
                s.dose_role,
                intensity,
                i_rules,
                self.outcome,
                alternatives,
                swap_notes,
                self.library.design.messages.above_slot_reps,
                dose,
                most_reps=self.library.design.intensity_table.max_reps,
            )
            if ex is None:
                shortfalls.append(Shortfall(f"{entry.name}", "; ".join(missing)))
                continue
            if dose is not None or (self.picker.floor_apart and self.picker.on_floor(entry)):
                # (and, for people a fall or a dizzy spell would harm most, a lift done on
                # the floor: paired with a standing one, each round would be a trip down to
                # the floor and up again with no rest between; coach review 25,
                # FLOOR-PRESS-PAIRED-AFTER-A-FALL)
                unpairable.add(ex.name)
            else:
                # its rests follow the load and effort it is prescribed at, as every week
                # holds them (`intensity.cohere`), so the session is timed (and the steady
                # work after it sized) with the rests it will have (coach review 16)
                ex = settled_rest(
                    ex,
                    self.library.design.intensity_table,
                    self.library.design.zones[IntensityClass.LIGHT].rpe.max,
                )
            exercises.append(ex)
        edges, edge_rules = self._edges("resistance") if not slot.shares_warmup else (0, [])
        cap, cap_rules = self.outcome.resolve("resistance", "any", "exercises")
        most = None if cap is None or cap.max is None else max(int(cap.max), 1)
        if cap is not None and cap.max is not None and len(exercises) > cap.max:
            # the rules' exercise count: keep the first ones (compound first, large before small)
            exercises = exercises[: max(int(cap.max), 1)]
            edge_rules = [*edge_rules, *cap_rules]
        planned = bool(exercises)
        # a lower day promises a knee lift and a hip lift (squat/lunge and hinge), and so
        # does a full-body day beside its push and pull: its trimming keeps both fine
        # families, pairing and cutting sets before it loses one, so the quads and the
        # hamstrings each get their hard sets on both days of a two-day week (coach review
        # 5, GROUP-ONCE: the short day's hinge went, hamstrings trained one day a week)
        for e in exercises:
            # the rests each lift is prescribed before any trim: a week with minutes to
            # spare gives them back (`progress._rests_refit`)
            if e.rest_seconds is not None:
                self.rests.setdefault(e.name, e.rest_seconds)
        untrimmed = exercises
        template, template_notes = exercises, list(notes)
        exercises, trimmed = self._trim(exercises, slot.minutes - edges, unpairable=unpairable)
        if trimmed:
            notes.append(trim_note(slot.minutes, trimmed))
        full: tuple[list[Exercise], list[str]] | None = None
        # whether the session ends as its main lifts (one lift of each movement family)
        one_a_family = False
        if slot.exposure_form is not None:
            smaller_main = False  # (the smaller form is the main lifts)
            sets, worth = slot.exposure_form
            smaller, gave, dropped = self._exposure_form(exercises, sets)
            # the day's minutes the smaller form leaves (its length as `_session` gives it,
            # or as a cautious start's reps make it in the first weeks, whichever is longer)
            left = slot.minutes - round(edges + self._first_seconds(smaller) / 60)
            said = self.library.design.messages.exposure_form
            main_words = self.library.design.messages.main_lifts_form
            changed = bool(gave or dropped)
            # a form that leaves the walk after it shorter than the least steady block and
            # still is no strength day (a split day, or a day missing a group: coach review
            # 17, SHORT-DAY-KEEPS-EXTRAS) keeps its extras for nothing the first goal needs
            least = self.timing.min_work_minutes.get(Modality.ENDURANCE, 10)
            idle_extras = left < least and not set(MAJOR_GROUPS) <= _exposed(smaller)
            strong = False
            if slot.keeps_strength_day and slot.main_lifts is not None:
                # a first goal whose dose is WHO's strength days as much as its aerobic
                # minutes (general health, insulin sensitivity, fat loss) trades no strength
                # day for the walk: its main lifts at their smallest hard form where that
                # frees the walk; else its main lifts as a strength day where the day holds
                # them (a trim, no walk), else the day as it is; the main lifts below a
                # strength day only on a day that is none anyway, saying so (coach review
                # 32, STRENGTH-DAYS-TRIMMED-FOR-SHORT-WALKS)
                main_words = (
                    self.library.design.messages.main_lifts_form_no_strength_day or main_words
                )
                if not (changed and left >= worth and self._strength_day(smaller)):
                    found = self._strong_main_lifts(untrimmed, sets, unpairable)
                    if found is not None:
                        (main, main_gave, main_dropped), (form, form_gave, form_dropped) = found
                        form_left = slot.minutes - round(edges + self._first_seconds(form) / 60)
                        if form_left >= worth:
                            smaller, gave, dropped = form, form_gave, form_dropped
                            left, changed, strong = form_left, True, True
                            smaller_main = True
                            untrimmed = []  # what the form says it gave up is all of it
                        elif form_left >= 0 and not self._strength_day(exercises):
                            # no walk fits after it, but the day's trim left it no strength
                            # day: its main lifts as one instead, at the most sets that fit
                            # (a trim, said as one)
                            main_fits = slot.minutes >= round(
                                edges + self._first_seconds(main) / 60
                            )
                            kept, said_gave = (main, main_gave) if main_fits else (form, form_gave)
                            if trimmed:
                                notes.remove(trim_note(slot.minutes, trimmed))
                            trimmed = ", ".join([*said_gave, *main_dropped])
                            notes.append(trim_note(slot.minutes, trimmed))
                            exercises, changed, strong = kept, False, True
                            one_a_family = True
                    if not strong and self._strength_day(exercises):
                        # the day stays a strength day, as it is: no walk after it
                        changed = False
                        strong = True
            if (
                not strong
                and (not (changed and left >= worth) or idle_extras)
                and slot.main_lifts is not None
                and main_words
            ):
                # a day too short for the smallest hard form to free a walk (or with no
                # group's three hard sets to keep): its main lifts, a walk after them
                # (coach review 16, AEROBIC-FIRST-GOAL-CROWDED-BY-LIFTING)
                # (from the session before its trim: the form drops and pairs on its own)
                main, main_gave, main_dropped = self._main_lifts_form(untrimmed, sets, unpairable)
                main_left = slot.minutes - round(edges + self._first_seconds(main) / 60)
                fewest = sets
                while main_left < slot.main_lifts and fewest > 1:
                    # a day that also holds what safety asks for (falls prevention's balance
                    # practice) frees its walk with the main lifts at fewer sets, down to one:
                    # the first goal's aerobic dose before WHO's strength days (COACHING.md
                    # §2; coach review 17, FIRST-GOAL-AEROBIC-ABSENT)
                    fewest -= 1
                    main, main_gave, main_dropped = self._main_lifts_form(
                        untrimmed, fewest, unpairable
                    )
                    main_left = slot.minutes - round(edges + self._first_seconds(main) / 60)
                if (
                    (main_dropped or "fewer sets" in main_gave)
                    and main_left >= slot.main_lifts
                    and (not idle_extras or not (changed and left >= worth) or main_left > left)
                ):
                    smaller, gave, dropped = main, main_gave, main_dropped
                    left, worth, changed, said = main_left, slot.main_lifts, True, main_words
                    smaller_main = True
                    untrimmed = []  # what the form says it gave up is all of it
            if changed and left >= worth:
                full = (exercises, list(notes))
                exercises = smaller
                one_a_family = one_a_family or smaller_main
                if trimmed:
                    # one note says what the session gave up: the trim's and the form's
                    notes.remove(trim_note(slot.minutes, trimmed))
                changes = _form_changes(trimmed if untrimmed else "", gave, dropped)
                notes.append(fill_placeholders(said, {"changes": changes}))
        shortfalls += self._said_empty(
            empty,
            template,
            exercises,
            slot.minutes - edges,
            unpairable=unpairable,
            one_a_family=one_a_family,
            most=most,
        )
        if not exercises:
            if planned:
                shortfalls.append(
                    Shortfall(
                        f"'{slot.title}'",
                        f"{slot.minutes} minutes leave no time for lifting after the "
                        f"{edges}-minute warm-up and cool-down",
                        sorted({*slot.rules, *edge_rules}),
                    )
                )
            return Built(None, shortfalls)
        rules = sorted({*slot.rules, *note_rules, *edge_rules})
        return Built(
            self._session(slot, exercises, edges, notes, rules, zone_intensity(zone)),
            shortfalls,
            None
            if full is None
            else self._session(slot, full[0], edges, full[1], rules, zone_intensity(zone)),
            None
            if full is None
            else self._session(slot, template, edges, template_notes, rules, zone_intensity(zone)),
        )

    def _promised_slots(self, day: SplitDay) -> list[Slot]:
        """Slots the rules' own split asks for by tag (the spine-care split's back-extensor
        work), which a session keeps when the scheduler had to place another split's day
        (e.g. upper/lower on four days): the promise follows the person, not the split."""
        chosen = self.outcome.param(Modality.RESISTANCE.value, "any", "split")
        split = self.library.split(str(chosen.value)) if chosen is not None else None
        if split is None or any(day is d for d in split.days):
            return []
        tagged = {
            (s.pattern, tuple(s.prefer_tags)): s
            for d in split.days
            for s in d.slots
            if s.prefer_tags
        }
        return list(tagged.values())

    @staticmethod
    def _isolation_pool(
        s: Slot,
        muscles: set[str],
        isolated: set[str],
        trained: set[str],
        pool: list[ExerciseEntry],
    ) -> list[ExerciseEntry] | None:
        """An isolation slot trains a muscle no isolation here trains yet: the one it prefers,
        else one the day promises that nothing has trained so far; None when neither is left
        (COACHING.md §1: never two isolations for one muscle while another goes untrained)."""
        if s.pattern is not Pattern.ISOLATION:
            return pool
        fresh = [e for e in pool if not {m.value for m in e.primary} & isolated]
        prefer = {m.value for m in s.prefer}
        wanted = [e for e in fresh if not prefer or {m.value for m in e.primary} & prefer]
        tagged = [e for e in wanted if set(s.prefer_tags) & set(e.tags)]
        if tagged:
            return tagged  # the work the slot is there for (a back extension, not a fly)
        if wanted:
            return wanted
        untrained = muscles - trained - isolated
        return [e for e in fresh if {m.value for m in e.primary} & untrained] or None

    def _session(
        self,
        slot: Slotted,
        exercises: list[Exercise],
        edges: int,
        notes: list[str],
        rules: list[str],
        intensity: Intensity,
    ) -> Session:
        """The plan session: its length is the work plus warm-up and cool-down, within budget.
        A modality done by feel (`by_feel`) carries no heart-rate zone, in the session or its
        exercises."""
        duration = edges + self._seconds(exercises) / 60
        feel = self.by_feel.get(slot.modality)
        if feel is not None:
            intensity = intensity.model_copy(update={"hr_max_pct": None})
            exercises = [
                e.model_copy(
                    update={"intensity": e.intensity.model_copy(update={"hr_max_pct": None})}
                )
                for e in exercises
            ]
            rules = sorted({*rules, feel})
        design = self.library.design
        return Session(
            modality=slot.modality,
            title=slot.title,
            # the focus names only the movements the session's exercises train (coach review
            # 29, NAME-PROMISES-MISSING-PULL: "squat, push, hinge, pull" with no pull in it)
            focus=held_focus(
                slot.focus,
                (e.pattern for e in exercises),
                design.focus_patterns,
                design.fallbacks,
            ),
            notes=list(dict.fromkeys([*notes, *slot.notes])),
            intensity_class=slot.intensity,
            optional=slot.optional,
            duration_minutes=max(1, min(round(duration), max(slot.minutes, 1))),
            intensity=intensity,
            exercises=exercises,
            rules=rules,
        )

    def _seconds(self, exercises: list[Exercise]) -> float:
        return session_seconds(exercises, self.timing)

    def _first_seconds(self, exercises: list[Exercise]) -> float:
        """The seconds a session takes in the weeks that hold it, its reps as a reps week
        has them: as built, or - with a cautious start - as the start's reps and effort
        make it, and its exit's effort after it, whichever is longest; the session as built
        only where the block reaches past the start and its exit. A smaller form must leave
        its walk's minutes in each of those weeks, since the walk is sized once (coach
        review 16)."""
        # each at its reps as a reps week moves them (double progression: the bottom about
        # halfway up), the most a building week holds at the same sets
        exercises = [
            e.model_copy(update={"reps": reps_week_range(e.reps)}) if e.reps is not None else e
            for e in exercises
        ]
        found = self.outcome.progression.get("cautious_start")
        start = found.value if found is not None else None
        if not isinstance(start, CautiousStart):
            return self._seconds(exercises)
        table = self.library.design.intensity_table
        light_top = self.library.design.zones[IntensityClass.LIGHT].rpe.max

        def at(rir: Bound | None, rpe: Bound | None) -> float:
            timed = []
            for e in exercises:
                i = e.intensity
                if e.reps is None or rir is None:
                    timed.append(e)
                    continue
                if i.rir is None:
                    # a drill or a set far from failure: a light load's rests, as every
                    # week has them (`intensity.cohere`)
                    timed.append(settled_rest(e, table, light_top))
                    continue
                reps = start_reps(e.reps, start.reps)
                lifted = e.model_copy(
                    update={
                        "reps": reps_week_range(reps) if reps else None,
                        "intensity": i.model_copy(
                            update={
                                "rir": Range.of(rir.min or 0, rir.max or rir.min or 0),
                                "rpe": Range.of(rpe.min or 0, rpe.max or 0) if rpe else i.rpe,
                            }
                        ),
                    }
                )
                if (
                    lifted.intensity.rir is not None
                    and lifted.intensity.rir.min > table.light_above_rir
                ):
                    # far from failure: a light set, as `intensity.cohere` makes it
                    lifted = lifted.model_copy(
                        update={"intensity": lifted.intensity.model_copy(update={"rir": None})}
                    )
                # (its rests as `intensity.cohere` gives them in those weeks)
                settled = settled_rest(lifted, table, light_top)
                timed.append(settled)
            return self._seconds(timed)

        times = [at(start.rir, start.rpe)]
        if start.exit_rir is not None:
            times.append(at(start.exit_rir, start.exit_rpe))
        if start.weeks + (start.exit_weeks or 0) < self.block_weeks or start.exit_rir is None:
            times.append(self._seconds(exercises))
        return max(times)

    def _said_empty(
        self,
        empty: list[tuple[Shortfall, Pattern, int]],
        picked: list[Exercise],
        kept: list[Exercise],
        minutes: float,
        *,
        unpairable: set[str],
        one_a_family: bool,
        most: int | None,
    ) -> list[Shortfall]:
        """The could-not-plan of the slots a lifting session left empty that are true to say
        of it (coach review 38, COULD-NOT-PLAN-NAMES-A-FILLED-SLOT; COACHING.md §2 and §5):
        each empty slot comes with the number of lifts `picked` before it. Not said: a slot
        whose pattern another slot's lift gave the session (the one-day template's second
        hinge beside its first): the session holds that movement. Nor a slot a lift would
        not keep, so that the kit said to open one would add nothing the session keeps: past
        the rules' `most` exercises; or, where the session as it ends (`kept`) holds its
        movement family, a session held to its main lifts (`one_a_family`: a family's second
        lift is left out), or one whose trim to its `minutes` would leave out such a lift
        (the family's kept lift in the slot's place, trimmed with the rest)."""
        out: list[Shortfall] = []
        for short, pattern, before in empty:
            if any(e.pattern is pattern for e in picked) or (most is not None and before >= most):
                continue
            family = FAMILY.get(pattern)
            twin = next((e for e in kept if family and FAMILY.get(e.pattern) == family), None)
            if twin is not None:
                if one_a_family:
                    continue
                if short.kits and self.picker.kit_loads_instead(short.kits[0], twin.name):
                    # an accessory slot whose kit loads the family's body-weight lift
                    # instead: with that kit the family's own slot takes the loaded lift, and
                    # a session held to one lift a family (one-arm band lifts for a frail
                    # 85-year-old) keeps that one, not the slot's; not said, so no kit is
                    # named that may add nothing (coach review 42; could-not-plan-held-slot)
                    continue
                name = f"{twin.name} ({pattern.value})"
                stand_in = twin.model_copy(
                    update={"name": name, "pattern": pattern, "paired_with": None}
                )
                trial = [*picked[:before], stand_in, *picked[before:]]
                trimmed, _ = self._trim(trial, minutes, unpairable=unpairable)
                if name not in {e.name for e in trimmed}:
                    continue
            out.append(short)
        return out

    def _trim(
        self,
        exercises: list[Exercise],
        minutes: float,
        *,
        unpairable: set[str] | frozenset[str] = frozenset(),
    ) -> tuple[list[Exercise], str]:
        """Fit the budget (COACHING.md §2): rests go to the short end of their range, then
        sets come down to the rules' minimum, then exercises whose movement family another
        still covers are dropped, from the end of the split day's slot order (its most
        important patterns come first); what is left is what the day promises, and its
        non-competing lifts are paired (`_next_pair`: one set of each in turn, the rest once
        after both) before a set below the rules' minimum goes, and only then the last
        lower-body, push or pull lift, judged by fine families (a lower day's last knee lift
        or last hinge; a full-body day's squat and hinge alike). A session that fits without is not paired (docs/planning.md).
        A squat, lunge, hinge, press or pull left out whole comes back, in its place, at the
        most sets (two at least) that still fit in every week that holds the session
        (`_first_seconds`).

        Returns what is kept and a note of what changed (names, "shorter rests", "paired
        sets", "fewer sets")."""
        budget = minutes * 60
        kept = list(exercises)
        if self._seconds(kept) <= budget:
            return kept, ""
        changes: list[str] = []
        kept = [
            e.model_copy(update={"rest_seconds": Range.of(e.rest_seconds.min, e.rest_seconds.min)})
            if e.rest_seconds is not None
            else e
            for e in kept
        ]
        changes.append("shorter rests")
        floors = {role: self.outcome.min_sets(role) for role in ("compound", "accessory")}
        dropped: list[str] = []
        while kept and self._seconds(kept) > budget:
            reducible = [
                i
                for i, e in enumerate(kept)
                if e.sets > floors["compound" if e.compound else "accessory"]
            ]
            if reducible:
                # the exercise with the most sets gives one up first; ties go from the end
                i = max(reducible, key=lambda k: (kept[k].sets, k))
                kept[i] = kept[i].model_copy(update={"sets": kept[i].sets - 1})
                if "fewer sets" not in changes:
                    changes.append("fewer sets")
                continue
            free = _droppable(kept, lossless=True)
            pair = _next_pair(kept, unpairable) if free is None else None
            if pair is not None:
                # what is left is what the day promises at the rules' sets: non-competing
                # lifts pair before a set below the minimum goes (a lift whose partner went
                # pairs again)
                i, j = pair
                kept[i] = kept[i].model_copy(update={"paired_with": kept[j].name})
                kept[j] = kept[j].model_copy(update={"paired_with": kept[i].name})
                if "paired sets" not in changes:
                    changes.append("paired sets")
                continue
            below = [i for i, e in enumerate(kept) if e.sets > 1]
            if free is None and below:
                # every exercise left carries a movement family the day promises: one set
                # fewer than the rules' minimum before a family is lost (COACHING.md §2)
                i = max(below, key=lambda k: (kept[k].sets, k))
                kept[i] = kept[i].model_copy(update={"sets": kept[i].sets - 1})
                if "fewer sets" not in changes:
                    changes.append("fewer sets")
                continue
            drop = free if free is not None else _droppable(kept)
            gone = kept.pop(drop if drop is not None else -1).name
            dropped.append(gone)
            kept = [
                e.model_copy(update={"paired_with": None}) if e.paired_with == gone else e
                for e in kept
            ]
        names = [e.name for e in exercises]
        for gone in reversed(list(dropped)):
            # a lift left out whole can leave minutes it would fit in at fewer sets: it comes
            # back at the most sets (two at least) the budget holds, in its place, rather than
            # those minutes going to a walk of a few minutes (picker42: a rear-foot-elevated
            # split squat left out beside a 6-minute walk on a muscle-first one-day week)
            where = next(i for i, e in enumerate(exercises) if e.name == gone)
            lift = exercises[where]
            if not lift.compound or lift.pattern not in FAMILY:
                # an extra or a carry left out gives its minutes to WHO's (coach review 36)
                continue
            if lift.rest_seconds is not None:
                lift = lift.model_copy(
                    update={"rest_seconds": Range.of(lift.rest_seconds.min, lift.rest_seconds.min)}
                )
            for sets in range(lift.sets, min(lift.sets, 2) - 1, -1):
                trial = sorted(
                    [*kept, lift.model_copy(update={"sets": sets})],
                    key=lambda e: names.index(e.name),
                )
                if max(self._seconds(trial), self._first_seconds(trial)) <= budget:
                    kept = trial
                    dropped.remove(gone)
                    if sets < exercises[where].sets and "fewer sets" not in changes:
                        changes.append("fewer sets")
                    break
        if not any(e.paired_with for e in kept):
            # a pair whose partner went later is no pair: the note says what is done
            changes = [c for c in changes if c != "paired sets"]
        paired = self.library.design.messages.paired
        return _paired_in_order(kept, paired), ", ".join([*changes, *dropped])

    def _exposure_form(
        self, exercises: list[Exercise], fewest: int
    ) -> tuple[list[Exercise], list[str], list[str]]:
        """The smallest hard form of a lifting session (coach review 5,
        AEROBIC-GOAL-CROWDED): rests at the short end of their range, then one set at a time
        off the lift with the most sets (ties from the end), down to `fewest` sets, while
        every major group the session gives a hard exposure keeps it (3+ hard sets, 1 a
        primary set and 0.5 a secondary one, DESIGN.md v1.1); an accessory no exposure
        needs goes first. Returns the form, what changed ("shorter rests", "fewer sets")
        and the lifts it left out (both empty when nothing did)."""
        kept = [
            e.model_copy(update={"rest_seconds": Range.of(e.rest_seconds.min, e.rest_seconds.min)})
            if e.rest_seconds is not None
            else e
            for e in exercises
        ]
        changes = ["shorter rests"] if self._seconds(kept) < self._seconds(exercises) else []
        keep = _exposed(kept)
        if not keep:
            return exercises, [], []  # no strength day to keep: nothing is held to a form
        # an accessory whose sets no exposure needs goes (a core hold, a calf raise): from
        # the end, one at a time
        dropped: list[str] = []
        # (never the first: a split day opens with what it holds most important, spine
        # care's posture work)
        # Nor the last hard lift of a major group it trains as primary (the only back
        # work, a prone back extension): its sets are cut first, the exercise stays
        # (COACHING.md §2: a trim cuts sets before exercises; a full-body day keeps a pull;
        # coach review 12, TRIM-CLAIM-NO-PULL)
        # Nor a single-joint lift that is the only one of a movement family the day promises
        # (a standing wall elbow press, the pull of a frail person's body weight): a posture
        # hold training the back too does not make it a second pull (COACHING.md §2: full
        # body keeps a pull; coach review 30, FRAIL-PREGNANT-NO-PULL)
        for i in range(len(kept) - 1, 0, -1):
            others = kept[:i] + kept[i + 1 :]
            family = FAMILY.get(kept[i].pattern)
            if (
                not kept[i].compound
                and _exposed(others) >= keep
                and primary_groups([kept[i]]) <= primary_groups(others)
                and (family is None or any(FAMILY.get(o.pattern) == family for o in others))
            ):
                dropped.insert(0, kept.pop(i).name)
        while True:
            cuttable = [
                i
                for i, e in enumerate(kept)
                if e.sets > fewest
                and _exposed([*kept[:i], e.model_copy(update={"sets": e.sets - 1}), *kept[i + 1 :]])
                >= keep
            ]
            if not cuttable:
                break
            i = max(cuttable, key=lambda k: (kept[k].sets, k))
            kept[i] = kept[i].model_copy(update={"sets": kept[i].sets - 1})
            if "fewer sets" not in changes:
                changes.append("fewer sets")
        return kept, changes, dropped

    def _strength_day(self, exercises: list[Exercise]) -> bool:
        """Whether the session gives every major group three hard sets (a WHO strength day,
        DESIGN.md v1.1) in some week of the block: as built, where no cautious start holds
        its effort down, or the start's effort is hard, or the block reaches past the start
        (and its exit) to the full dose."""
        if not set(MAJOR_GROUPS) <= _exposed(exercises):
            return False
        found = self.outcome.progression.get("cautious_start")
        start = found.value if found is not None else None
        if not isinstance(start, CautiousStart):
            return True

        def hard(rir: Bound | None) -> bool:
            return rir is not None and (rir.min or 0) <= HARD_RIR_MAX

        if hard(start.rir):
            return True
        if start.weeks < self.block_weeks and (start.exit_rir is None or hard(start.exit_rir)):
            return True  # the block reaches the exit, whose effort is hard
        return start.weeks + (start.exit_weeks or 0) < self.block_weeks

    def _strong_main_lifts(
        self, exercises: list[Exercise], fewest: int, unpairable: set[str]
    ) -> tuple[Form, Form] | None:
        """A short day's main lifts as a strength day (coach review 32,
        STRENGTH-DAYS-TRIMMED-FOR-SHORT-WALKS): the main lifts at the sets the session gave
        them (`_main_lifts_form`, extras out, non-competing lifts paired), then held to
        their smallest hard form (`_exposure_form`: down to `fewest` sets a lift while every
        major group keeps its three hard sets). None where they give not every major group
        three hard sets, or leave nothing out. Returns the main lifts at the session's sets and
        that form, each with what changed and the lifts it left out."""
        most = max((e.sets for e in exercises), default=1)
        main, gave, dropped = self._main_lifts_form(exercises, most, unpairable)
        if not dropped or not self._strength_day(main):
            return None
        form, fewer, more = self._exposure_form(main, fewest)
        return (main, gave, dropped), (
            form,
            [*gave, *(w for w in fewer if w not in gave)],
            [*dropped, *more],
        )

    def _main_lifts_form(
        self, exercises: list[Exercise], fewest: int, unpairable: set[str]
    ) -> tuple[list[Exercise], list[str], list[str]]:
        """A short day's lifting for a first goal built on aerobic work (coach review 16,
        AEROBIC-FIRST-GOAL-CROWDED-BY-LIFTING; COACHING.md §2: the first goal's aerobic dose
        before WHO's strength days): its main lifts - the first lift of each movement family
        the day holds (a knee lift, a hinge, a push, a pull) - at `fewest` sets at most, the
        core and isolation extras and a family's second lift left out (never the day's first
        exercise: spine care's posture work), rests at the short end, and non-competing
        lifts paired so the walk after it gets the minutes. Returns the form, what changed
        and the lifts it left out (as `_exposure_form`)."""
        kept = [
            e.model_copy(
                update={
                    "rest_seconds": Range.of(e.rest_seconds.min, e.rest_seconds.min)
                    if e.rest_seconds is not None
                    else None,
                }
            )
            for e in exercises
        ]
        changes = ["shorter rests"] if self._seconds(kept) < self._seconds(exercises) else []
        kept_all = list(kept)
        dropped: list[str] = []
        for i in range(len(kept) - 1, 0, -1):
            family = FAMILY.get(kept[i].pattern)
            if family is None or any(
                FAMILY.get(o.pattern, ("", ""))[0] == family[0] for o in kept[:i]
            ):
                dropped.insert(0, kept.pop(i).name)
        back = set(MAJOR_GROUPS.get("back", ()))
        drills = self.library.drills()
        if back and not any(back & set(e.muscles) and e.name not in drills for e in kept):
            # a day with no pull keeps the first lift its back has (a prone back extension
            # with body weight alone; not a held posture drill): a full-body day keeps its back work (coach review 12,
            # TRIM-CLAIM-NO-PULL; coach review 30's bout reaches such days)
            first = next(
                (
                    e
                    for e in exercises
                    if back & set(e.muscles) and e.name not in drills and e.reps is not None
                ),
                None,
            )
            if first is not None and first.name in dropped:
                dropped.remove(first.name)
                kept.append(next(e for e in kept_all if e.name == first.name))
        if not any(e.pattern in FAMILY for e in kept):
            return exercises, [], []  # no main lift to keep: nothing is held to this form
        # a teaching drill kept for its family (a frail person's dowel hinge) is no work
        # set: it goes after the lifts, so a week's added sets reach them first and a
        # deload's cut reaches it first (COACHING.md §1; coach review 15)
        drills = self.library.drills()
        kept.sort(key=lambda e: e.name in drills)
        if any(e.sets > fewest for e in kept):
            kept = [e.model_copy(update={"sets": min(e.sets, fewest)}) for e in kept]
            changes.append("fewer sets")
        while (pair := _next_pair(kept, unpairable)) is not None:
            i, j = pair
            kept[i] = kept[i].model_copy(update={"paired_with": kept[j].name})
            kept[j] = kept[j].model_copy(update={"paired_with": kept[i].name})
            if "paired sets" not in changes:
                changes.append("paired sets")
        if not dropped and "fewer sets" not in changes:
            return exercises, [], []  # the day is already its main lifts
        paired = self.library.design.messages.paired
        return _paired_in_order(kept, paired), changes, dropped

    def _conditioning(self, slot: Slotted) -> Built:
        """HIIT, endurance, recovery, balance and mobility sessions.

        Steady cardio fills the time the other exercises leave; intervals, balance and
        mobility moves take their work, rest and sets from the rules of their own modality.
        """
        design = self.library.design.designs.get(slot.modality.value)  # type: ignore[call-overload]
        patterns = design.patterns if design else [Pattern.CARDIO]
        tempo = slot.intensity == "vigorous" and Pattern.CARDIO in patterns
        if tempo and not self.vigorous_steady_possible():
            # walking or marching cannot honestly be vigorous: the session stays moderate
            slot = replace(slot, intensity="moderate")
            tempo = False
        zone = self.library.design.zones[slot.intensity]  # type: ignore[index]
        if tempo and zone.steady_hr_max_pct is not None:
            # a continuous hard effort holds the lower part of the zone, not interval pace
            zone = zone.model_copy(update={"hr_max_pct": zone.steady_hr_max_pct})
        notes, note_rules = self.notes_for(slot.modality)
        edges, edge_rules = self._edges(slot.modality.value) if not slot.shares_warmup else (0, [])
        count = design.exercises if design else 1
        wanted, _ = self.outcome.resolve(slot.modality.value, "any", "exercises")
        if wanted is not None and wanted.max is not None:
            count = max(int(wanted.max), 1)
        talk = self.outcome.param(slot.modality.value, "any", "talk_test")
        if talk is not None and isinstance(talk.value, str) and not tempo:
            # a rule's talk test is written for the modality's usual (moderate) effort; a
            # vigorous session keeps its own zone's
            zone = zone.model_copy(update={"talk_test": talk.value})
        shortfalls: list[Shortfall] = []
        chosen: list[tuple[ExerciseEntry, list[str]]] = []
        taken: set[str] = set()
        for i in range(count):
            pattern = patterns[i % len(patterns)]
            pool = self.picker.candidates(pattern, ALL_MUSCLES, [], "accessory")
            runner = pattern is Pattern.CARDIO and not slot.optional and self._impact_trained()
            if slot.intensity != "vigorous" and not runner:
                # easy and moderate sessions (walks, steady cardio) favour low-impact options
                pool = [e for e in pool if e.impact != "high"] or pool
            tier = None
            why = "every option is vetoed or needs equipment you do not have"
            key = f"{slot.modality.value}/{pattern.value}/{i}"
            if pattern is Pattern.CARDIO:
                if tempo:
                    pool = [e for e in pool if e.tempo_title]
                pool, order = self._steady_pool(
                    pool,
                    slot.minutes - edges,
                    block=(slot.minutes if slot.venue_ok else 0)
                    if not slot.optional and (slot.shares_warmup or slot.beside_others)
                    else None,
                )
                tier = order
                if runner:
                    # a runner's required steady work starts from the run among the options
                    # as good as it (the kit they own first) and rotates from there, apart
                    # from the optional walks; without a run, from work that has a training
                    # pace (a swim before pool walking: coach review 9, RUNNER-WALKS-POOL)
                    pool.sort(key=lambda e: (*order(e), e.impact != "high", not e.tempo_title))
                    key = f"{key}/required"
                    if slot.intensity != "light":
                        # ... and rotates only among work with a training pace (a run, ride,
                        # swim or row) where any is open: a walk, pool walking or an incline
                        # walk only when nothing else is, or a rule asking for impact-free
                        # work leaves nothing else (COACHING.md §1, level fits the person;
                        # coach review 30, ENDURANCE-ATHLETE-LONG-DAYS-ARE-WALKS)
                        tier = _paced_first(order)
                        pool.sort(key=lambda e: (*tier(e), e.impact != "high"))
            elif pattern is Pattern.INTERVALS:
                pool, why = self._interval_pool(pool)
            picked = self.picker.pick(key, pool, taken, tier=tier)
            if picked is None:
                what = f"a {pattern.value} exercise for '{slot.title}'"
                if pattern is Pattern.INTERVALS:
                    what = f"the interval session '{slot.title}'"
                shortfalls.append(
                    Shortfall(
                        what,
                        why,
                        self.picker.vetoes_applied,
                    )
                )
                continue
            taken.add(picked[0].id)
            chosen.append(picked)
        budget = max(slot.minutes - edges, 1) * 60
        exercises: list[Exercise] = []
        steady: list[tuple[ExerciseEntry, list[str]]] = []
        for entry, alternatives in chosen:
            if entry.pattern is Pattern.CARDIO:
                steady.append((entry, alternatives))
                continue
            share = budget / max(len(chosen), 1)
            ex, why = self._interval_or_hold(entry, slot, zone, alternatives, share)
            if ex is None:
                shortfalls.append(Shortfall(entry.name, why))
            else:
                exercises.append(ex)
        used = self._seconds(exercises)
        easy: Exercise | None = None  # a tempo session's moderate part (coach review 27)
        messages = self.library.design.messages
        for entry, alternatives in steady:
            left = max(budget - used, 60) / len(steady)
            minutes = max(int(left // 60), 1)
            notes_text = entry.cue
            rest = 0  # minutes of a tempo session's work past its tempo part
            if tempo and slot.tempo:
                # the tempo work first (its week-1 minutes; later weeks size it), the rest of
                # the session's work at a moderate effort
                easy = self._easy_part(entry, slot, minutes)
                rest = max(minutes - slot.tempo, 0)
                minutes -= rest
                if messages.tempo_part:
                    notes_text = f"{messages.tempo_part} {entry.cue}"
            exercises.append(
                _steady_exercise(
                    entry,
                    minutes * 60,
                    zone,
                    self._fallback_said(entry, notes_text),
                    alternatives,
                    [*slot.rules, *self._impact_free_rule()],
                )
            )
            if easy is not None and rest:
                exercises.append(easy.model_copy(update={"work_seconds": Range.of(rest * 60)}))
        if not exercises:
            return Built(None, shortfalls)
        rules = sorted(
            {*slot.rules, *note_rules, *edge_rules, *(r for e in exercises for r in e.rules)}
        )
        hiit = slot.modality is Modality.HIIT
        intensity = exercises[0].intensity if hiit else zone_intensity(zone)
        if not any(e.intensity.hr_max_pct for e in exercises):
            # a session of stretches or balance holds: no heart-rate zone for the whole
            intensity = intensity.model_copy(update={"hr_max_pct": None})
        session = self._session(slot, exercises, edges, notes, rules, intensity)
        title = self._title(slot, [e for e, _ in chosen])
        if tempo:
            # the library's words for a tempo session, with a moderate part or all of it hard
            said = messages.tempo_focus if len(exercises) > 1 else messages.tempo_whole_focus
            focus = fill_placeholders(said, {"title": title}) if said else session.focus
            session = session.model_copy(update={"title": title, "focus": focus})
            if easy is not None:
                session = session.with_easy_part(easy)
        elif title != session.title:
            update = {"title": title}
            if "walk" in session.focus.lower() and "walk" not in title.lower():
                # the request's words were about walking; say what is done instead
                update["focus"] = (
                    f"{title} at a pace where you breathe faster but can still talk; "
                    "it counts toward your weekly aerobic minutes"
                )
            session = session.model_copy(update=update)
        if hiit and chosen:
            # the steady part an interval session holds after its rounds where it takes a
            # steady session's day (`progress._intervals_keep_steady`): steady work on the
            # intervals' own machine, at a moderate effort
            part = self._easy_part(
                chosen[0][0], slot, 10, said=messages.interval_steady_part, same_kit=True
            )
            if part is not None:
                session = session.with_easy_part(part)
        return Built(session, shortfalls)

    def _easy_part(
        self,
        entry: ExerciseEntry,
        slot: Slotted,
        minutes: int,
        *,
        said: str | None = None,
        same_kit: bool = False,
    ) -> Exercise | None:
        """A tempo session's moderate part (coach review 27): the work after the tempo part,
        at the moderate zone. It keeps the tempo's kit (a treadmill run, then an incline
        walk on the treadmill), low-impact work first as in any moderate session; a runner
        (an endurance-first trained person) and kit with no other option keep the tempo's
        own exercise at the easier pace. Its minutes are set by the week
        (`progress.build_weeks`). `same_kit` (an interval session's steady part, opened by
        `said`): only steady work on the entry's own kit, None without any."""
        zone = self.library.design.zones[IntensityClass.MODERATE]
        talk = self.outcome.param(slot.modality.value, "any", "talk_test")
        if talk is not None and isinstance(talk.value, str):
            zone = zone.model_copy(update={"talk_test": talk.value})
        pool = self.picker.candidates(Pattern.CARDIO, ALL_MUSCLES, [], "accessory")
        pool = [e for e in pool if e.impact != "high"] or pool
        pool, _ = self._steady_pool(pool, minutes)
        kit = entry.needs()
        same = [e for e in pool if e.needs() == kit]
        if same_kit and not same:
            return None
        chosen = entry if (self._impact_trained() and not same_kit) or not same else same[0]
        others = [e.name for e in pool if e.id != chosen.id][:3]
        cue = self._fallback_said(chosen, chosen.cue)
        if not same_kit:
            said = self.library.design.messages.tempo_easy_part
        return _steady_exercise(
            chosen,
            60,
            zone,
            f"{said} {cue}" if said else cue,
            others,
            [*slot.rules, *self._impact_free_rule()],
        )

    def _impact_free_rule(self) -> list[str]:
        """The rule asking for steady cardio without impact, if one does: it shaped the
        steady pick (`_steady_pool`), so the steady work names it."""
        asked = self.outcome.requirement("non_impact_cardio")
        return [asked.rule] if asked is not None else []

    def _fallback_said(self, entry: ExerciseEntry, cue: str) -> str:
        """`cue`, opened by how to walk where a rule asks for cardio without impact and the
        steady work is a walk or other impact work all the same: the picker puts every
        impact-free option first (`_steady_pool`), so none fitted the block (COACHING.md §1:
        walking with proper footwear; coach review 31, KNEE-PAIN-WALKS-DESPITE-POOL)."""
        said = self.library.design.messages.impact_free_fallback
        if said is None or entry.impact == "none":
            return cue
        if self.outcome.requirement("non_impact_cardio") is None:
            return cue
        return f"{said} {cue}"

    @staticmethod
    def _title(slot: Slotted, chosen: list[ExerciseEntry]) -> str:
        """A title that names what is done (COACHING.md §1): "Bike ride", not "Brisk walk"."""
        steady = next((e for e in chosen if e.session_title), None)
        if slot.modality is Modality.HIIT and chosen:
            return chosen[0].name
        if steady is None or steady.session_title is None:
            return slot.title
        if slot.intensity == "vigorous" and steady.tempo_title is not None:
            return steady.tempo_title
        if slot.modality is Modality.ENDURANCE:
            return steady.session_title
        walk = "walk" in steady.session_title.lower()
        if "walk" in slot.title.lower() and not walk:
            return f"Easy {steady.session_title.lower()}"
        return slot.title

    def _steady_pool(
        self, pool: list[ExerciseEntry], minutes: int, block: int | None = None
    ) -> tuple[list[ExerciseEntry], Callable[[ExerciseEntry], tuple[object, ...]]]:
        """Steady cardio: the machines or pool the person listed first, then a real walk or
        run; marching or stepping only for bouts no longer than the library allows. Within
        that, work at the person's level comes before work above it (COACHING.md §1: lap
        swimming needs someone who swims lengths; a beginner with a pool walks in it first,
        coach review 10, POOL-SWIM-FRAIL). A session of `block` minutes that shares its day
        with other required sessions takes kit at a venue the person travels to (a pool)
        only when it lasts the venue's least minutes (`venue_minutes`), else a walk or home
        kit (coach review 18, TOKEN-POOL-SESSION: 6 minutes of pool walking after a home
        circuit)."""
        fits = [e for e in pool if e.max_minutes is None or e.max_minutes >= minutes]
        if block is not None:
            fits = [e for e in fits if self.library.venue_least(e) <= block] or fits
        level = self.picker.level
        # a rule asking for cardio without impact (peripheral neuropathy: feet that feel less
        # take the pounding of a walk worse) puts every impact-free option that fits first -
        # seated marching before a walk where the pool is too short a trip (coach review
        # 19, NEUROPATHY-WALKS-WITH-POOL-OR-BIKE)
        gentle = self.outcome.requirement("non_impact_cardio") is not None
        if gentle:
            # ... and a walk there is said with "keep to even ground away from steep slopes"
            # (`_fallback_said`), so an uphill walk gives way to its level twin, the stand-in
            # (`instead_of`) held back while the uphill one is open: not "set a moderate
            # incline" under it (coach review 42, WORDS-CONTRADICT-PLAN)
            fits = [self._level_twin(e) for e in fits]

        def order(e: ExerciseEntry) -> tuple[object, ...]:
            above = 1 if LEVEL_ORDER[e.level] > level else 0
            jolt = 1 if gentle and e.impact != "none" else 0
            return (jolt, 0 if e.needs() else 1, 0 if e.max_minutes is None else 1, above)

        return sorted(fits, key=lambda e: (*order(e), e.impact != "none", e.id)), order

    def kit_takes_block(self, minutes: int) -> bool:
        """Whether a required steady block of `minutes` after other work on its day would be
        done on the person's own kit with no bout limit (a bike at home, the pool once the
        block lasts the trip's least minutes, `venue_minutes`) rather than bout-limited work
        such as seated marching: the steady picker's (`_steady_pool`) first choice for such
        a block. The scheduler asks before it grows a seated block to that length (coach
        review 39, KNEE-PAIN-SEATED-MARCHING-DESPITE-POOL)."""
        pool = self.picker.candidates(Pattern.CARDIO, ALL_MUSCLES, [], "accessory")
        pool = [e for e in pool if e.impact != "high"] or pool
        ranked, _ = self._steady_pool(pool, minutes, block=minutes)
        first = ranked[0] if ranked else None
        return (
            first is not None
            and bool(first.needs())
            and first.max_minutes is None
            and self.library.venue_least(first) <= minutes
        )

    def _level_twin(self, entry: ExerciseEntry) -> ExerciseEntry:
        """The level walk that stands in for an uphill `entry` (a flat treadmill walk for
        the incline one), if the library has one open to the person; else `entry`."""
        if "uphill" not in entry.tags:
            return entry
        return next(
            (
                e
                for e in self.picker.held_back
                if entry.id in e.instead_of and "uphill" not in e.tags
            ),
            entry,
        )

    def _impact_trained(self) -> bool:
        """A trained, active person whose first goal is endurance: their required steady
        sessions keep high-impact options (an easy run) and start from them (COACHING.md §1,
        specificity; coach review 8, RUNNER-WALKS); optional extras stay walks, rides, rows
        and swims (DESIGN.md v1.1). Where a rule keeps someone off impact, those options are
        vetoed before this is asked."""
        person = self.picker.profile
        return (
            person.currently_active
            and person.experience is not Experience.BEGINNER
            and bool(person.goals)
            and person.goals[0] is Goal.ENDURANCE
        )

    def vigorous_steady_possible(self) -> bool:
        """Whether this person has steady cardio that can reach a vigorous effort (a run, a
        ride, a row, a swim; not a walk or marching): only then may a steady session be
        marked vigorous. The scheduler consults this before `_vigorous_steady` upgrades one."""
        pool = self.picker.candidates(Pattern.CARDIO, ALL_MUSCLES, [], "accessory")
        return any(e.tempo_title for e in pool)

    def unavailable(self) -> dict[Modality, str]:
        """Modalities the rules ask for that no exercise this person may do can fill, and
        why: the scheduler leaves their days to other work (an interval protocol tested on a
        bike is not planned for someone without one)."""
        if not any(m is Modality.HIIT for m, _ in self.outcome.sessions):
            return {}
        pool = self.picker.candidates(Pattern.INTERVALS, ALL_MUSCLES, [], "accessory")
        tested, why = self._interval_pool(pool)
        return {} if tested else {Modality.HIIT: why}

    def _interval_pool(self, pool: list[ExerciseEntry]) -> tuple[list[ExerciseEntry], str]:
        """Intervals on the modality their protocol was tested on, or none, and why."""
        work, _ = self.outcome.resolve(Modality.HIIT.value, "any", "work_seconds")
        protocol = self.library.interval_protocol(work)
        machines = [e for e in pool if e.kind == "interval-cardio"]
        if protocol is None:
            return machines, "no interval-capable cardio machine is in your equipment"
        order = {ex_id: i for i, ex_id in enumerate(protocol.exercises)}
        tested = sorted((e for e in machines if e.id in order), key=lambda e: order[e.id])
        start = self.outcome.param(Modality.HIIT.value, "any", "start_week")
        first = int(start.value) if start is not None else 1
        if first > self.block_weeks:
            # the base weeks outlast the block: the kit is not why this block has none
            # (coach review 17, HIIT-WARNING-MISSTATES-REASON)
            why = (
                f"intervals wait for an aerobic base and start in week {first}, after these "
                f"{self.block_weeks} weeks; {protocol.name} were tested on "
                f"{protocol.tested_on}, so a longer plan would need one in your equipment"
            )
        else:
            why = (
                f"{protocol.name} were tested on {protocol.tested_on}, and none is in your "
                "equipment or allowed for you; no intervals are planned rather than a "
                "different exercise (list one in your equipment to add them)"
            )
        return tested, why

    def _interval_or_hold(
        self,
        entry: ExerciseEntry,
        slot: Slotted,
        zone: Zone,
        alternatives: list[str],
        seconds: float,
    ) -> tuple[Exercise | None, str]:
        """Intervals (HIIT rules) or timed holds (balance/mobility rules), fitted to `seconds`."""
        source = OWN_MODALITY.get(entry.pattern, slot.modality).value
        rules: list[str] = []

        def get(name: str) -> Bound | None:
            bound, ids = self.outcome.resolve(source, "any", name)
            rules.extend(ids)
            return (
                bound
                if bound is not None and bound.min is not None and bound.max is not None
                else None
            )

        work, rest = get("work_seconds"), get("rest_seconds")
        planned = get("rounds") or get("sets")
        if work is None or planned is None:
            return None, f"no rule sets the work (work_seconds and rounds or sets) for {source}"
        assert work.min is not None
        assert work.max is not None
        assert planned.min is not None
        rest_mid = ((rest.min or 0) + (rest.max or 0)) / 2 if rest else 0.0
        per = (work.min + work.max) / 2 + rest_mid
        top = int(planned.max or planned.min)
        fit = int((seconds + rest_mid) // per) if per else top
        sets = max(1, min(top, max(fit, int(planned.min)) if fit >= planned.min else fit))
        grows = self.outcome.progression.get("add_rounds_per_week")
        if source == Modality.HIIT.value and grows is not None and grows.value:
            # newcomers start at the bottom of the rounds and add some each week
            sets = max(1, min(sets, int(planned.min)))
        intensity = zone_intensity(zone)
        if entry.pattern not in self.library.design.heart_rate_patterns:
            intensity = intensity.model_copy(update={"hr_max_pct": None})
        if entry.pattern is Pattern.INTERVALS:
            # a protocol's bouts may sit at one end of the zone (4 x 4 near the top of
            # vigorous, sprints all-out): its own RPE, where it names one, goes with its HR
            hr, rpe = get("hr_max_pct"), get("rpe")
            if hr is not None:
                intensity = Intensity(
                    hr_max_pct=Range.of(hr.min or 0, hr.max or 0),
                    rpe=Range.of(rpe.min or 0, rpe.max or 0) if rpe is not None else intensity.rpe,
                    talk_test=None,
                )
        return (
            Exercise(
                name=entry.name,
                pattern=entry.pattern,
                muscles=list(entry.primary),
                secondary_muscles=list(entry.secondary),
                compound=entry.compound,
                sets=sets,
                reps=None,
                work_seconds=Range.of(work.min, work.max),
                rest_seconds=Range.of(rest.min or 0, rest.max or 0) if rest else None,
                intensity=intensity,
                notes=entry.cue,
                alternatives=alternatives,
                rules=sorted({*slot.rules, *rules}),
            ),
            "",
        )


def _exposed(exercises: list[Exercise]) -> set[str]:
    """The major groups `exercises` give a hard exposure (`plan.exposed_groups`)."""
    sets: dict[str, float] = {}
    for e in exercises:
        if is_hard_set(e):
            for m, credit in muscle_credit(e).items():
                sets[m] = sets.get(m, 0) + credit * e.sets
    return exposed_groups(sets)


# What a trim or a smaller form says it changed, beside the names of the lifts it dropped.
CHANGE_WORDS = ("shorter rests", "paired sets", "fewer sets")


def _form_changes(trimmed: str, words: list[str], dropped: list[str]) -> str:
    """One account of what a session gave up to a trim (`trimmed`: "shorter rests, Standing
    calf raise") and then to a smaller form (its `words` and the lifts it `dropped`): each
    change said once, every lift left out named together ("shorter rests, fewer sets,
    without standing calf raise and dead bug")."""
    said: list[str] = []
    gone: list[str] = []
    for part in [*(trimmed.split(", ") if trimmed else []), *words]:
        if part in CHANGE_WORDS:
            if part not in said:
                said.append(part)
        else:
            gone.append(part)
    gone += dropped
    if gone:
        said.append("without " + " and ".join(n[0].lower() + n[1:] for n in gone))
    return ", ".join(said)


def _next_pair(
    kept: list[Exercise], unpairable: set[str] | frozenset[str]
) -> tuple[int, int] | None:
    """The first two unpaired lifts, in slot order, that do not compete (`competes`,
    COACHING.md §2: each rests while the other works): the earliest lift that has such a
    partner, with the earliest partner. Moves dosed by their kind (`unpairable`) never pair."""
    free = [i for i, e in enumerate(kept) if e.paired_with is None and e.name not in unpairable]
    for n, i in enumerate(free):
        for j in free[n + 1 :]:
            if not competes(kept[i], kept[j]):
                return i, j
    return None


def _paced_first(
    order: Callable[[ExerciseEntry], tuple[object, ...]],
) -> Callable[[ExerciseEntry], tuple[object, ...]]:
    """A runner's steady tier (`SessionBuilder._conditioning`): the steady pool's `order`
    with work that has a training pace (a `tempo_title`: a run, ride, swim or row) before
    walks, after only a rule's call for impact-free work (the order's first key)."""

    def tier(e: ExerciseEntry) -> tuple[object, ...]:
        first, *rest = order(e)
        return (first, 0 if e.tempo_title else 1, *rest)

    return tier


def _paired_in_order(kept: list[Exercise], note: str) -> list[Exercise]:
    """Each pair together, at its first lift's place (done one set of each in turn), and
    each paired lift's notes saying how (`note`, the library's `messages.paired`)."""
    by_name = {e.name: e for e in kept}
    out: list[Exercise] = []
    placed: set[str] = set()
    for e in kept:
        if e.name in placed:
            continue
        group = [e]
        partner = by_name.get(e.paired_with) if e.paired_with else None
        if partner is not None:
            group.append(partner)
        for x in group:
            placed.add(x.name)
            if x.paired_with:
                how = fill_placeholders(note, {"partner": x.paired_with})
                x = x.model_copy(update={"notes": f"{x.notes} {how}".strip()})
            out.append(x)
    return out


# The major groups (COACHING.md §2) an isolation slot may hand its place to.
MAJOR = tuple(m for muscles in MAJOR_GROUPS.values() for m in muscles)
# An isolation slot's own muscle counts as well trained when the session already gives it
# this many times the hard-set credit of the least-trained major group the day promises.
REBALANCE_RATIO = 1.5


def _rebalanced(s: Slot, exercises: list[Exercise], muscles: set[str]) -> Slot:
    """An isolation slot whose muscle the session's lifts already train well (shoulders
    from presses, rows and an overhead press) trains the day's least-trained major group
    instead (COACHING.md §1 balance, DESIGN.md v1.1 credit: 1 primary, 0.5 secondary)."""
    if s.pattern is not Pattern.ISOLATION or s.prefer_tags or len(s.prefer) != 1:
        return s
    own = s.prefer[0].value
    day = [m for m in MAJOR if m in muscles]
    if own not in day or len(day) < 2:
        return s
    credit = dict.fromkeys(day, 0.0)
    for e in exercises:
        for m, per_set in muscle_credit(e).items():
            if m in credit:
                credit[m] += per_set * e.sets
    least = min(day, key=lambda m: credit[m])
    if least == own or credit[own] < REBALANCE_RATIO * max(credit[least], 1.0):
        return s
    return s.model_copy(update={"prefer": [Muscle(least)]})


def _family_drop(kept: list[Exercise], levels: tuple[int, ...]) -> int | None:
    """The last exercise whose movement family (at any of `levels`: 0 fine, 1 coarse)
    another kept exercise still covers, or None. The day's first exercise is never
    chosen: a split day opens with what it holds most important (spine care's posture
    work). An exercise of no family (an isolation move) goes freely unless it is the last
    hard lift of a major group (the only back work, a prone back extension or Y raise):
    then it is kept like a family's last (coach review 12, TRIM-CLAIM-NO-PULL)."""
    # a day with lower-body and upper-body lifts (an upper or a lower day has one side)
    families = {FAMILY[e.pattern][1] for e in kept if e.pattern in FAMILY}
    full_body = "lower" in families and bool(families & {"push", "pull"})
    for level in levels:
        for i in range(len(kept) - 1, 0, -1):
            family = FAMILY.get(kept[i].pattern)
            if family is None:
                if primary_groups([kept[i]]) <= primary_groups(kept[:i] + kept[i + 1 :]):
                    return i
                continue
            if any(
                FAMILY.get(o.pattern, ("", ""))[level] == family[level]
                for j, o in enumerate(kept)
                if j != i
            ) and (
                # on a full-body day (a strength day only if every major group gets its hard
                # sets) a lift is lossless at the fine level only if no major group loses its
                # last primary lift with it: the only shoulder press beside a push-up stays
                # (coach review 14, OLDER-ADULT-ONE-STRENGTH-DAY); a split day trades as before
                level
                or not full_body
                or primary_groups([kept[i]]) <= primary_groups(kept[:i] + kept[i + 1 :])
            ):
                return i
    return None


def _droppable(kept: list[Exercise], *, lossless: bool = False) -> int | None:
    """The exercise a session over its minutes gives up: the last one whose movement family
    another kept exercise still covers; failing that, the last whose coarse family (lower,
    push, pull) is still covered, so a 15-minute full-body day keeps its pull rather than a
    second lower-body lift; failing that, the last. With `lossless`, only an exercise whose
    fine family (knee, hip, push, pull) stays covered, or None, so a short lower day keeps
    its hinge and a short full-body day its squat and hinge (COACHING.md §2)."""
    if lossless:
        return _family_drop(kept, (0,))
    found = _family_drop(kept, (0, 1))
    return len(kept) - 1 if found is None else found


def _steady_exercise(
    entry: ExerciseEntry,
    seconds: int,
    zone: Zone,
    notes: str,
    alternatives: list[str],
    rules: Iterable[str],
) -> Exercise:
    """One continuous block of steady work: `entry` for `seconds` of work (one set, no reps,
    no rest) at `zone`'s effort, with its `notes`, `alternatives` and the slot's `rules`."""
    return Exercise(
        name=entry.name,
        pattern=entry.pattern,
        muscles=list(entry.primary),
        secondary_muscles=list(entry.secondary),
        compound=entry.compound,
        sets=1,
        reps=None,
        work_seconds=Range.of(seconds, seconds),
        rest_seconds=None,
        intensity=zone_intensity(zone),
        notes=notes,
        alternatives=alternatives,
        rules=sorted(set(rules)),
    )
