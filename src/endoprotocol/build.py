"""The pipeline: profile + rules + library -> Plan. Pure: no I/O, no clock, no randomness."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from endoprotocol import __version__
from endoprotocol.engine.decisions import (
    NOT_SCREENED,
    Bound,
    Decisions,
    Fired,
    Removal,
    Ruled,
    fill_placeholders,
    listed,
)
from endoprotocol.engine.evaluate import evaluate, scope_refusal
from endoprotocol.engine.loader import RuleSet
from endoprotocol.engine.model import CautiousStart, GuidelineTarget, Refuse, Rule, Warn
from endoprotocol.engine.review import (
    Review,
    merge_effects,
    review,
    strength_exposure_days,
)
from endoprotocol.errors import OutOfScopeError, UsageError
from endoprotocol.plan import (
    HARD_EXPOSURE_SETS,
    HARD_RIR_MAX,
    Change,
    DayPlan,
    Departure,
    DisabledRule,
    Explanation,
    FiredRule,
    Generator,
    GeneratorPack,
    GuidelineCheck,
    LeafFact,
    LosingValue,
    OverriddenParameter,
    Plan,
    PlanProfile,
    Reference,
    ReplacedRule,
    ScreeningOutcome,
    Session,
    TherapySynergy,
    Totals,
    Warning,
    Week,
    aerobic_equivalent,
    another_plan,
    is_hard_set,
    muscle_credit,
    work_minutes_by_class,
)
from endoprotocol.planner.fill import Picker, Shortfall, ramp_up_sets, role_heavy
from endoprotocol.planner.library import Library, Messages, RampUp
from endoprotocol.planner.progress import (
    BuildUp,
    Scheme,
    _resized_steady,
    aerobic_first,
    build_weeks,
    extras_fit_days,
    first_goal_aerobic_said,
    flat_steady_said,
    forms_refit,
    free_minutes_said,
    idle_time_said,
    recovery_aerobic_cut,
    rests_refit,
    standing_weeks_step,
    true_load_change,
    true_sets_notes,
    walks_take_free_minutes,
)
from endoprotocol.planner.schedule import Scheduler, Slotted, floor_pull_days
from endoprotocol.planner.sessions import SessionBuilder
from endoprotocol.planner.volume import group_sets
from endoprotocol.planner.weekly import (
    deload_no_heavier,
    hold_week,
    name_light_steady,
    name_long_steady,
    no_hard_sets,
    true_heavy_notes,
    true_ramp_up_notes,
    true_rep_notes,
    true_strength_day_notes,
    true_trim_notes,
    true_warm_up_notes,
)
from endoprotocol.profile import WEEK, Profile
from endoprotocol.vocab import SEVERITY_ORDER, Condition, Equipment, IntensityClass, Modality

DEFAULT_WEEKS = 4
# The exercise library's entry in `generator.rule_packs` (it ships with the tool, so it
# carries the tool's version; its sha256 changes with any edit).
LIBRARY_NAME = "library"
MAX_WEEKS = 16  # the CLI's --weeks range; a block is 1..16 weeks


@dataclass
class _Assembly:
    """One scheduling of the week and its sessions built over the block (`build_plan`):
    the scheduler, the picker and builder that made them, week 1's days, the shortfalls,
    the built weeks, the lifting days held to a smaller form (`unformed`, `whole`) and how
    to build the block again from week 1's days (`weeks_of`)."""

    scheduler: Scheduler
    picker: Picker
    builder: SessionBuilder
    week_one: list[DayPlan]
    shortfalls: list[Shortfall]
    block: list[Week]
    unformed: dict[int, tuple[Session, Session]]
    whole: dict[int, Session]
    weeks_of: Callable[..., list[Week]]


def _aerobic_bar(outcome: Decisions) -> int:
    """The target of the aerobic guideline of a muscle- or strength-first goal (one whose
    lifting keeps its growth's minutes: `lifting_reserves_growth`); 0 when there is none."""
    return max(
        (
            target.bar
            for target, _ in outcome.guidelines.values()
            if target.measure == "moderate_equivalent_aerobic_minutes"
            and target.lifting_reserves_growth
        ),
        default=0,
    )


def _guideline_bar(outcome: Decisions) -> int:
    """The highest target of the aerobic guidelines that steady work fills (0: none)."""
    return max(
        (
            target.bar
            for target, _ in outcome.guidelines.values()
            if target.measure == "moderate_equivalent_aerobic_minutes"
            and target.fill_with is Modality.ENDURANCE
        ),
        default=0,
    )


def _holds_aerobic(kept: list[Week], gave: list[Week], bar: int) -> bool:
    """Whether the block built with every lifting day kept holds the required aerobic
    minutes of the block in which a lifting day gave way to them, or the guideline's `bar`
    (coach review 18, LIFT-DAY-GIVEN-UP-WITH-IDLE-MINUTES): by the end of every week it has
    given at least as many of them, each week counted up to the bar, and its fullest week
    holds as many as the other's fullest, or the bar.

    The running total, not each week alone (coach review 32, LIFTING-DAY-GIVES-WAY-IN-
    LONGER-BLOCKS): a person building up reaches the bar in the build-up's last step, and
    the week with five lifting days got there a week after the one with two long walks did
    (149 of 150 minutes in week 6, 152 from week 7) though it had given more minutes in
    every week before; read week by week, that one minute gave the lifting day away for the whole of
    an 8- or 12-week block, week 1 included, while the 4-week block, which ends before the
    build-up does, kept it. The fullest week keeps a layout that never reaches the bar
    from winning on an early lead alone (COACHING.md §2: WHO's minimums before more of the
    first goal)."""
    name = "moderate_equivalent_aerobic_minutes"
    return _holds_minutes(
        [measure(name, _required(w.days)) for w in kept],
        [measure(name, _required(w.days)) for w in gave],
        bar,
    )


def _backbone_grows(block: list[Week], begin: int, start: float) -> bool:
    """Whether `block`, built with no lifting day given to the aerobic-first backbone, has
    a backbone that needs no trade (coach review 42, LIFTING-DAY-TRADED-FOR-FOUR-MINUTES):
    its week 1 already holds more required aerobic minutes than the build-up starts from
    (`start`: K1b's own condition, read on the week as built, with the walks after its
    lifting), or its aerobic minutes rise above week 1's in every building week from week
    `begin` on (the week the trade would start). Either way the walks beside the lifting
    have room, so neither a lifting day nor WHO's second strength day gives way."""
    name = "moderate_equivalent_aerobic_minutes"
    minutes = [measure(name, _required(w.days)) for w in block]
    if not minutes:
        return False
    if minutes[0] > start:
        return True
    later = [m for w, m in zip(block, minutes, strict=True) if w.week >= begin and not w.deload]
    return bool(later) and all(m > minutes[0] for m in later)


def _holds_minutes(have: list[int], other: list[int], bar: int) -> bool:
    """`_holds_aerobic` on each week's aerobic minutes: the kept block's (`have`) against
    those of the block that gave a lifting day way (`other`)."""
    if max(have, default=0) < min(bar, max(other, default=0)):
        return False
    ahead = 0
    for k, g in zip(have, other, strict=True):
        ahead += min(k, bar) - min(g, bar)
        if ahead < 0:
            return False
    return True


# each library's copies with another ramp-up (`_with_ramp_up`), made once per library and
# key: None for no ramp-up, or the day's minutes it is scaled to
_RAMP_UP_COPIES: dict[tuple[int, int | None], tuple[Library, Library]] = {}


def _with_ramp_up(library: Library, key: int | None, ramp: RampUp | None) -> Library:
    """`library` with `ramp` as its timing's ramp-up, cached under (`library`, `key`)."""
    kept = _RAMP_UP_COPIES.get((id(library), key))
    if kept is None or kept[0] is not library:
        design = library.design
        timing = design.timing.model_copy(update={"ramp_up": ramp})
        copy = replace(library, design=design.model_copy(update={"timing": timing}))
        kept = (library, copy)
        _RAMP_UP_COPIES[(id(library), key)] = kept
    return kept[1]


def _without_ramp_up(library: Library) -> Library:
    """`library` with a timing that holds no ramp-up (and so says none)."""
    return _with_ramp_up(library, None, None)


def _ramp_up_for_day(library: Library, minutes: int) -> Library:
    """`library` with its ramp-up as a day of `minutes` holds it: none on a day of the
    ramp-up's `short_day_minutes` or fewer (`_without_ramp_up`), each set's time scaled by
    where the day lies between that and `full_day_minutes` (at least a second a set), and
    the whole ramp-up from there on. Scaled linearly, so one more minute a session never
    holds more than that minute of ramp-up (coach review 41, ONE-MORE-MINUTE-LESS-TRAINING:
    a 60-year-old's two 31-minute days held 19 hard sets, 28 at 30 minutes)."""
    ramp = library.design.timing.ramp_up
    if ramp is None:
        return library
    if minutes <= ramp.short_day_minutes:
        return _without_ramp_up(library)
    if minutes >= ramp.full_day_minutes:
        return library
    share = (minutes - ramp.short_day_minutes) / (ramp.full_day_minutes - ramp.short_day_minutes)
    scaled = ramp.model_copy(
        update={"seconds_per_set": max(1, round(ramp.seconds_per_set * share))}
    )
    return _with_ramp_up(library, minutes, scaled)


def _ramp_up_scaled(library: Library, minutes: int) -> bool:
    """Whether a day of `minutes` holds a ramp-up scaled down (`_ramp_up_for_day`)."""
    ramp = library.design.timing.ramp_up
    return ramp is not None and ramp.short_day_minutes < minutes < ramp.full_day_minutes


def _lifts_heavy(plan: Plan, library: Library) -> bool:
    """Whether any week of `plan` holds a heavy lift as the library's ramp-up reads one."""
    ramp = library.design.timing.ramp_up
    return ramp is not None and any(
        ramp_up_sets(s.exercises, ramp)
        for w in plan.weeks
        for d in w.days
        for s in d.sessions
        if s.modality is Modality.RESISTANCE
    )


def build_plan(
    profile: Profile,
    rules: RuleSet,
    library: Library,
    *,
    weeks: int = DEFAULT_WEEKS,
    explain: bool = False,
) -> Plan:
    """Build the plan for one profile, `weeks` (1-16) long.

    Its sessions are built at the rules' own dose and timed with the ramp-up sets before
    their heavy lifts (the library's `timing.ramp_up`), since the weeks at that dose hold
    them. A block that no week lifts heavy in (a cautious start holding it below a heavy
    load to its end: its light or moderate weeks, a held dose, an exit or a climb back that
    ends short of a heavy load) is built again with no ramp-up timed, so that no lift or
    walk gives way to ramp-up sets no week holds (coach reviews 39 and 40,
    HEAVY-LIFTS-NO-RAMP-UP-TIME: a 15-minute bone day kept a wall hold alone, a re-entry's
    four weeks lost the walk after its lifting); where that build lifts heavy after all,
    the first stands. Days of the ramp-up's `short_day_minutes` (30) or fewer time none:
    the ramp-up's minutes would leave their big lifts one set each (left open,
    docs/planning.md session 31); up to its `full_day_minutes` (40) the ramp-up grows with
    the day (`_ramp_up_for_day`) and its note says to keep it brief.

    Raises OutOfScopeError when a safety rule refuses, UsageError for a block length
    outside 1-16.
    """
    # a short day times none (its minutes would leave the big lifts one set each), a day
    # under the ramp-up's full day a briefer one
    library = _ramp_up_for_day(library, profile.minutes_per_session)
    plan, timed = _build_plan(profile, rules, library, weeks=weeks, explain=explain)
    if timed and not _lifts_heavy(plan, library):
        plain, _ = _build_plan(
            profile, rules, _without_ramp_up(library), weeks=weeks, explain=explain
        )
        if not _lifts_heavy(plain, library):
            plan = plain
    another_plan()
    return plan


def _dose_heavy(outcome: Decisions, library: Library) -> bool:
    """Whether the rules dose a lifting role heavy (`fill.heavy_dose` on its reps, RIR, RPE
    and %1RM), so that sessions built at that dose were timed with a ramp-up."""
    ramp = library.design.timing.ramp_up
    if ramp is None:
        return False
    return any(role_heavy(outcome, role, ramp) for role in ("compound", "accessory"))


def _build_plan(
    profile: Profile,
    rules: RuleSet,
    library: Library,
    *,
    weeks: int = DEFAULT_WEEKS,
    explain: bool = False,
) -> tuple[Plan, bool]:
    """`build_plan` with the library's timing as it is; with whether the rules dose a lift
    heavy (`_dose_heavy`: the sessions were timed with a ramp-up)."""
    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise UsageError(
            f"a block is 1 to {MAX_WEEKS} weeks long, not {weeks!r}",
            hint=f"pass weeks=1..{MAX_WEEKS} (the CLI's --weeks)",
        )
    _refuse(scope_refusal(profile, rules))  # the age scope first: no pack can change it
    outcome = evaluate(profile, rules, trace=explain)
    _refuse(outcome.refusal)
    outcome, adopted = _later_stage(profile, rules, outcome, weeks, explain)
    weeks, replan = _pregnancy_block(profile, outcome, weeks)
    build_up = _build_up(outcome, profile, library)
    # a person not yet active has the optional walks and rides built up too, from one short
    # bout, even where a rule holds the required steady work at week 1's (they stay there)
    extras_ramp = build_up or _build_up(outcome, profile, library, held_too=True)

    def assemble(keep_lifting_days: bool, keep_backbone_days: bool = False) -> _Assembly:
        """The week scheduled (`Scheduler`, keeping a muscle- or strength-first goal's lifting
        days from giving way to the aerobic minutes or not, and an aerobic first goal's from
        giving way to its backbone's second steady session or not) and its sessions built
        over the block, with the steady blocks the built lifting's unused minutes take."""

        def scheduled(
            split_keep: frozenset[str],
        ) -> tuple[
            Scheduler,
            Picker,
            SessionBuilder,
            list[DayPlan],
            list[Shortfall],
            dict[int, tuple[int, int]],
        ]:
            picker = Picker(library, outcome, profile)
            builder = SessionBuilder(outcome, library, picker)
            builder.block_weeks = weeks
            # a session no exercise can fill (intervals without a tested machine) keeps no day
            scheduler = Scheduler(
                outcome,
                profile,
                library,
                builder.unavailable(),
                vigorous_steady=builder.vigorous_steady_possible(),
                build_up=build_up,
                block_weeks=weeks,
                split_keep=split_keep,
                keep_lifting_days=keep_lifting_days,
                keep_backbone_days=keep_backbone_days,
            )
            week = scheduler.run()
            # the lifting days whose hinge slot takes a heavy floor pull (coach review 30)
            floor_pull_days(week, weeks, library.design.floor_pulls_a_week)
            shortfalls: list[Shortfall] = list(scheduler.shortfalls)
            week_one: list[DayPlan] = []
            # steady sessions that grow into their day's spare minutes: week-1 and joining minutes
            grows: dict[int, tuple[int, int]] = {}
            for day, slotted in zip(WEEK, week.days, strict=True):
                sessions = []
                for slot in slotted:
                    # other required sessions on the day in the same weeks (a session that
                    # holds a day until a later one starts there is not beside it)
                    slot.beside_others = any(
                        o is not slot
                        and not o.optional
                        and o.start_week <= (slot.end_week or weeks)
                        and slot.start_week <= (o.end_week or weeks)
                        for o in slotted
                    )
                    built = builder.build(slot)
                    shortfalls += built.shortfalls
                    if built.session is not None:
                        session = built.session.from_week(slot.start_week, slot.end_week)
                        if slot.grow_from is not None:
                            grows[id(session)] = (slot.grow_from, slot.joins_with)
                        if built.unformed is not None:
                            unformed[WEEK.index(day)] = (session, built.unformed)
                            if WEEK.index(day) in scheduler.extras_days:
                                # a day that dropped its extras for a walk takes back no
                                # more than the session as trimmed to its day (its sets
                                # before the trim could take a group past 20; coach review 19)
                                whole[WEEK.index(day)] = built.unformed
                            elif built.whole is not None:
                                whole[WEEK.index(day)] = built.whole
                        sessions.append(session)
                week_one.append(DayPlan(day=day, sessions=sessions))
            return scheduler, picker, builder, week_one, shortfalls, grows

        # a lifting day held to its smallest hard form: (that session, the one it was before)
        unformed: dict[int, tuple[Session, Session]] = {}
        # and that session before any trim to fit its slot (`Built.whole`)
        whole: dict[int, Session] = {}
        scheduler, picker, builder, week_one, shortfalls, grows = scheduled(frozenset())
        if scheduler.split_dose is not None:
            # shortened upper/lower days must still carry the first goal's minimum dose; where a
            # kit's lifts give less (a drill in a pull slot), that half's days keep their minutes
            keep = _under_dose(week_one, scheduler.split_dose)
            if keep:
                unformed.clear()
                whole.clear()
                scheduler, picker, builder, week_one, shortfalls, grows = scheduled(keep)

        def built_weeks(
            days: list[DayPlan] | None = None, *, leave_walks: bool = True
        ) -> list[Week]:
            return build_weeks(
                week_one if days is None else days,
                weeks,
                outcome,
                library.design,
                profile.minutes_per_session,
                build_up=build_up,
                extras_ramp=extras_ramp,
                most_reps=library.most_reps(),
                grows=grows,
                unloaded=library.unloaded(),
                drills=library.drills(),
                coarse=library.coarse_loaded(),
                added=library.added_loaded(),
                rep_caps=library.rep_caps(),
                load_cues=library.load_cues(profile.equipment),
                leave_walks=leave_walks,
                spared=library.safety_work(),
                rungs=picker.harder_rungs,
                returns=picker.stood_in,
            )

        block = built_weeks()
        # minutes the built lifting leaves unused in week 1 go to WHO's aerobic minutes, in a
        # walk that a later week whose lifting runs over the day shortens in that week only
        # (coach review 27, WEEK1-CHANGES-WITH-BLOCK-LENGTH: sized to the block's tightest
        # week, a longer block's week 1 had a shorter walk, or none, where the one-week plan
        # had room for it); the lifting keeps the room it had with the walk sized to that
        # week (`Session.give_floor`: the walk's minutes then), so no set is added for it
        backbone_first = aerobic_first(outcome)
        tightest = [
            max(
                sum(s.duration_minutes for s in w.days[day].sessions if not s.optional)
                for w in block
            )
            for day in range(len(WEEK))
        ]
        used = [
            sum(s.duration_minutes for s in block[0].days[day].sessions if not s.optional)
            for day in range(len(WEEK))
        ]
        for day, slotted in enumerate(scheduler.week.days):
            if any(slot.exposure_form is not None for slot in slotted):
                # a lifting day held to its smallest hard form (coach review 5,
                # AEROBIC-GOAL-CROWDED) frees week 1's minutes for a steady block: the sets and
                # reps later weeks would add grow into the day's spare minutes, which the block
                # then holds
                used[day] = tightest[day] = sum(
                    s.duration_minutes for s in block[0].days[day].sessions if not s.optional
                )
        # coach review 10, ENDURANCE-FIRST-CROWDED (lead, 2026-12-01): a day held to its
        # smallest hard form that already has a steady block after its lifting gives the block
        # the minutes the form frees, toward the aerobic target
        grown = _grow_joined_blocks(scheduler, builder, week_one, block, unformed, profile)
        # a grown block too keeps week 1's minutes; a later week's lifting shortens it (its
        # lifting keeps the room it had: none past week 1's)
        for day in grown:
            sessions = week_one[day].sessions
            sessions[:] = [
                s.giving_way(s.duration_minutes)
                if s.modality is Modality.ENDURANCE and not s.optional
                else s
                for s in sessions
            ]
        refilled = scheduler.refill(used)
        added: list[tuple[int, Slotted, Session]] = []
        for day, slot in refilled:
            built = builder.build(slot)
            shortfalls += built.shortfalls
            if built.session is not None:
                session = built.session.from_week(slot.start_week, slot.end_week)
                # (a first goal built on aerobic work keeps all of it: that walk is the
                # first goal's dose, before the lifting's later sets - coach review 17)
                session = session.giving_way(
                    session.duration_minutes
                    if backbone_first
                    else profile.minutes_per_session - tightest[day]
                )
                week_one[day].sessions.append(session)
                added.append((day, slot, session))
        # a day held to its smallest hard form that no steady block joined (the aerobic target
        # was met before it) keeps its lifting as it was
        kept_full = False
        joined = {d for d, _, _ in added} | grown
        for day, (formed, full) in unformed.items():
            if day not in joined and formed in week_one[day].sessions:
                index = week_one[day].sessions.index(formed)
                week_one[day].sessions[index] = full.from_week(formed.first_week, formed.last_week)
                kept_full = True
        if refilled or kept_full or grown:
            block = built_weeks()
            # a block sized by week 1 gives back the minutes a later week's lifting rounds up
            # to, so no day runs over its minutes
            least = library.design.timing.min_work_minutes.get(Modality.ENDURANCE, 10)
            resized = False
            # (twice at most more: a shorter block can let a later week's lifting grow a
            # minute into it, which the next pass gives back; coach review 19)
            for _ in range(3):
                again = False
                for k, (day, slot, session) in enumerate(list(added)):
                    if session not in week_one[day].sessions:
                        continue
                    over = max(
                        sum(s.duration_minutes for s in w.days[day].sessions if not s.optional)
                        for w in block
                    )
                    over -= profile.minutes_per_session
                    # (after a lifting day held to its smallest form, down to the guideline's
                    # few brisk minutes: `Scheduler.joined_least`)
                    if over <= 0:
                        continue
                    if slot.minutes - over < scheduler.joined_least.get(day, least):
                        if day in scheduler.extras_days:
                            # a lifting day that dropped its extras for a walk the tighter
                            # weeks (a strength block's longer rests) leave no least block
                            # for: the walk goes and the lifting is as it was (coach review 19)
                            week_one[day].sessions.remove(session)
                            formed, full = unformed.pop(day, (session, session))
                            if formed is not session and formed in week_one[day].sessions:
                                index = week_one[day].sessions.index(formed)
                                week_one[day].sessions[index] = full.from_week(
                                    formed.first_week, formed.last_week
                                )
                            whole.pop(day, None)
                            resized = again = True
                        continue
                    slot.minutes -= over
                    rebuilt = builder.build(slot).session
                    if rebuilt is not None:
                        index = week_one[day].sessions.index(session)
                        fresh = rebuilt.from_week(slot.start_week, slot.end_week)
                        if session.give_floor is not None:
                            fresh = fresh.giving_way(session.give_floor)
                        week_one[day].sessions[index] = fresh
                        added[k] = (day, slot, fresh)
                        resized = again = True
                if not again:
                    break
                block = built_weeks()
            for day in grown:
                # a grown block gives back what a later week's lifting rounds up to, the same way
                over = profile.minutes_per_session - max(
                    sum(s.duration_minutes for s in w.days[day].sessions if not s.optional)
                    for w in block
                )
                session = next(
                    s
                    for s in week_one[day].sessions
                    if s.modality is Modality.ENDURANCE and not s.optional
                )
                if over < 0 and session.duration_minutes + over >= least:
                    index = week_one[day].sessions.index(session)
                    week_one[day].sessions[index] = _resized_steady(
                        session, session.duration_minutes + over
                    )
                    resized = True
            if resized:
                block = built_weeks()
        # coach review 18, TOKEN-POOL-SESSION: a steady block at a venue the person travels to
        # (a pool) that some week shortens below the venue's least minutes beside other
        # sessions (an older start's exit sets taking its minutes) takes a walk or home kit
        # all block
        short = _venue_blocks_short(block, library)
        for day, first in sorted(short):
            old = next(
                (
                    s
                    for s in week_one[day].sessions
                    if s.modality is Modality.ENDURANCE and not s.optional and s.first_week == first
                ),
                None,
            )
            venue_slot = next(
                (
                    sl
                    for sl in [*scheduler.week.days[day], *(sl for d, sl, _ in added if d == day)]
                    if sl.modality is Modality.ENDURANCE
                    and not sl.optional
                    and sl.start_week == first
                ),
                None,
            )
            if old is None or venue_slot is None:
                continue
            rebuilt = builder.build(
                replace(
                    venue_slot,
                    minutes=old.duration_minutes,
                    venue_ok=False,
                    rules=list(venue_slot.rules),
                )
            ).session
            if rebuilt is None:
                continue
            new = rebuilt.from_week(old.first_week, old.last_week)
            if old.give_floor is not None:
                new = new.giving_way(old.give_floor)
            week_one[day].sessions[week_one[day].sessions.index(old)] = new
            if id(old) in grows:
                grows[id(new)] = grows.pop(id(old))
        if short:
            block = built_weeks()
        if (
            backbone_first
            and not _held_by(outcome, rules, "moderate_equivalent_aerobic_minutes")
            and _practice_cools_down(
                week_one,
                outcome,
                library.design.messages.practice_cools_down,
                _guideline_bar(outcome),
            )
        ):
            block = built_weeks()
        return _Assembly(
            scheduler, picker, builder, week_one, shortfalls, block, unformed, whole, built_weeks
        )

    made = assemble(False)
    if made.scheduler.lifting_days_given:
        # coach review 18, LIFT-DAY-GIVEN-UP-WITH-IDLE-MINUTES (COACHING.md §2: the first
        # goal's dose before "more" for WHO; the week uses the time it is given): the
        # scheduler gives a muscle- or strength-first goal's lifting day to the aerobic
        # minutes on its estimate of the lifting's minutes (every slot, one mesocycle's sets
        # added); the week built with every lifting day kept may hold the aerobic minutes
        # after its lifting, in the minutes the built sessions leave. It is kept when it does
        # - in every week at least the aerobic minutes of the week that gave way, or the
        # guideline's target - so a lifting day gives way only when the days cannot hold the
        # aerobic minutes otherwise.
        kept = assemble(True)
        if _holds_aerobic(kept.block, made.block, _aerobic_bar(outcome)):
            made = kept
    if made.scheduler.backbone is not None:
        # coach review 42, LIFTING-DAY-TRADED-FOR-FOUR-MINUTES (COACHING.md §2: WHO's two
        # strength days, and the week uses the time it is given): the scheduler trades a
        # lifting day for the backbone's second steady session on the week before the walks
        # after its lifting are placed (their 10-12 minutes unseen). The week built with
        # every lifting day kept is kept when its week 1 already holds more than the
        # build-up's start, or its own steady work grows in every building week from the
        # trade's week on: the build-up has room to grow in, which is all the trade was for
        kept = assemble(made.scheduler.keep_lifting_days, keep_backbone_days=True)
        start = build_up.start_minutes if build_up is not None else 0
        if _backbone_grows(kept.block, made.scheduler.backbone[0], start):
            made = kept
    scheduler, picker, builder = made.scheduler, made.picker, made.builder
    week_one, shortfalls, block = made.week_one, made.shortfalls, made.block
    unformed, whole, built_weeks = made.unformed, made.whole, made.weeks_of
    # a lifting day held to a smaller form takes back what its own week's walk leaves (coach
    # review 17, TRIM-WITH-IDLE-MINUTES: a build-up's short walks in weeks 1-5, a re-entry's
    # shorter rests)
    wholes = {
        day: whole[day]
        for day, (form, _) in unformed.items()
        if form in week_one[day].sessions and day in whole
    }
    if wholes:
        scheme = Scheme.from_outcome(outcome)
        held = outcome.progression.get("hold_volume")
        hold = held is not None and bool(held.value)
        whole_one = [
            DayPlan(
                day=d.day,
                sessions=[
                    wholes[i].from_week(s.first_week, s.last_week)
                    if i in wholes and s is unformed[i][0]
                    else s
                    for s in d.sessions
                ],
            )
            for i, d in enumerate(week_one)
        ]
        block = forms_refit(
            block,
            # (the lifting as it was before its form: a walk it runs over stays in that
            # trial, so the form takes back only what the day really has free)
            built_weeks(whole_one, leave_walks=False),
            profile.minutes_per_session,
            library.design,
            hold,
            scheme.deload_cut_pct,
            roots={
                **{rung.name: lift for lift, rung in picker.harder_rungs.items()},
                **{skill.name: lift for lift, skill in picker.stood_in.items()},
            },
            plateau=scheme.plateau_said if scheme.unloaded_plateau_note else None,
        )
    # a lighter block to recover is lighter on its aerobic side too, the lifting's freed
    # minutes left free (coach review 42, OVERTRAINING-RELIEF-REFILLED-WITH-CARDIO); the
    # rests a trim shortened take their minutes back after it
    cut_aerobic = "aerobic_cut_pct" in outcome.progression
    if cut_aerobic:
        block = recovery_aerobic_cut(
            block,
            outcome,
            profile.minutes_per_session,
            library.design.timing.min_work_minutes.get(Modality.ENDURANCE, 10),
        )
    # the fit run again on the weeks as built: rests a trim shortened come back where the
    # week's cuts left the day's minutes (coach review 16, HEAVY-REST-CLIPPED-WITH-TIME-LEFT)
    # (a week under a week-scoped hold, or after one, reads no reps week's rests: its loads
    # are set by the hold, coach review 29)
    hold_weeks = frozenset(
        w.week
        for w in block
        if outcome.in_week(w.week).limits
        or outcome.in_week(w.week).ceiling.value != outcome.max_intensity
    )
    block = rests_refit(
        block, profile.minutes_per_session, builder.rests, library.design, held=hold_weeks
    )
    # a "one more set" note only where the refitted weeks still add a set
    block = true_sets_notes(block, outcome)
    # optional extras give way where a later week's required sessions grew into their
    # minutes (coach review 31, EXTRA-OVER-THE-DAY), before the walks take what is free
    block = extras_fit_days(
        block,
        profile.minutes_per_session,
        library.design.timing.min_work_minutes,
        library.design.messages.optional_gives_way,
    )
    # each day's moderate steady session (after lifting or alone) takes what the weeks as
    # built leave free while week 1 is short of the aerobic target (coach review 21,
    # ACTIVE-AEROBIC-SHORT-WITH-FREE-MINUTES)
    if (
        build_up is None
        and not cut_aerobic
        and not _held_by(outcome, rules, "moderate_equivalent_aerobic_minutes")
    ):
        block = walks_take_free_minutes(
            block, outcome, profile.minutes_per_session, scheduler.longest_while_short()
        )
    # a block whose steady work cannot grow says why, unless a safety rule holds the aerobic
    # minutes (the guideline names it): a build-up's note for a person not yet active (coach
    # review 14), the steady note for others (coach review 18, AEROBIC-FLAT-UNEXPLAINED),
    # read on the block as finally built (coach review 26, FLAT-NOTE-FALSE)
    if not _held_by(outcome, rules, "moderate_equivalent_aerobic_minutes"):
        block = flat_steady_said(
            block,
            outcome,
            profile.minutes_per_session,
            frozenset(profile.training_days()),
            library.design.timing.min_work_minutes.get(Modality.ENDURANCE, 10),
            scheduler.longest_while_short(),
            _rest_days(outcome),
            building_up=build_up is not None,
        )
    # the enforce step, week by week: week-scoped vetoes, ceilings and limits, applied last
    held_weekly = [
        c
        for w in block
        for c in hold_week(
            w,
            outcome,
            library.design.zones,
            library.design.intensity_table,
            most_reps=library.most_reps(),
            unloaded=library.unloaded(),
        )
    ]
    # a deload no heavier than the held week before it
    deload_no_heavier(
        block,
        outcome,
        library.design.zones,
        library.design.intensity_table,
        most_reps=library.most_reps(),
    )
    # and the load change against week 1 is the one the held weeks' lifts are given
    true_load_change(block, outcome, library.unloaded())
    light_top = library.design.zones[IntensityClass.LIGHT].rpe.max or 0.0
    heavy_notes = {note.text for note, _ in outcome.notes if note.heavy_sets_only}
    light_notes = {note.text for note, _ in outcome.notes if note.no_heavy_sets_only}
    warm_notes = {note.text for note, _ in outcome.notes if note.warm_up}
    kinds = {e.name: e.kind for e in library.exercises}
    for w in block:
        # seated marching grown past its bout is a chair-based circuit (coach review 32)
        name_long_steady(w, library.exercises)
        # last: a walk held light is called an easy walk (it is named for its effort)
        name_light_steady(
            w, library.exercises, light_top, library.design.messages.impact_free_fallback
        )
        # and a lift's "more reps than the slot's few heavy ones" only where the week
        # still has few heavy reps for it to be above
        true_rep_notes(w, library.exercises, library.design.messages.above_slot_reps)
        # and a trim's minutes are the session's own in this week, at most what its day
        # leaves it
        true_trim_notes(w, profile.minutes_per_session)
        # and a lifting day held to its smallest form is called a strength day only where
        # the day as built is one
        messages = library.design.messages
        true_strength_day_notes(w, messages.exposure_form, messages.exposure_form_partial)
        # and a note about heavy sets only where the session holds one this week
        # (and one about heavy sets held back only where it holds no heavy main lift)
        true_heavy_notes(w, heavy_notes, light_notes, kinds)
        # and a warm-up note once a day, on the session that warms up (coach review 42)
        true_warm_up_notes(w, warm_notes)
        # and the ramp-up before its heavy lifts (their minutes are in its time), where it
        # holds one this week
        true_ramp_up_notes(
            w,
            library.design.timing,
            messages.ramp_up,
            messages.ramp_up_short
            if _ramp_up_scaled(library, profile.minutes_per_session)
            else None,
        )
    # week 1 names the minutes it leaves free for the later weeks' growth (coach review 27)
    block = free_minutes_said(
        block,
        outcome,
        profile.minutes_per_session,
        frozenset(profile.training_days()),
        # (the least free minutes named: the least walk after lifting, the library's
        # `walk_gives_way_minutes`; fewer are the rounding of the lifting's seconds)
        library.design.timing.walk_gives_way_minutes,
    )
    # and the minutes it leaves unused where they are many (coach review 28)
    block = idle_time_said(
        block, outcome, profile.minutes_per_session, frozenset(profile.training_days())
    )
    # and why its aerobic minutes pass WHO's floor where the first goal asks for more
    # (coach review 39, FAT-LOSS-FIRST-HELD-AT-WHO-FLOOR)
    block = first_goal_aerobic_said(block, outcome)
    # and no building week is a silent copy of the week before: the steady effort steps up
    # inside its band where nothing else can, and a week with nothing open says why (coach
    # review 40, NON-DELOAD-WEEKS-IDENTICAL)
    block = standing_weeks_step(
        block,
        library.design.messages.steady_effort_step,
        library.design.messages.week_stands,
        Scheme.from_outcome(outcome).days_full_note,
    )
    days = block[0].days
    totals = compute_totals(days)
    # the short interval protocols (sprints, one-minute efforts) are the library's shortest
    # (coach review 25, EFFECT-TEXT-FOR-ABSENT-PROTOCOL)
    protocols = library.design.interval_protocols
    short = min((p.work_seconds.max or 0 for p in protocols), default=0)
    # and its sprints, the bouts the sprint studies dosed (coach review 28)
    sprint = max((p.sprint_seconds or 0 for p in protocols), default=0)
    reviewed = review(
        profile,
        rules,
        outcome.facts,
        block,
        trace=explain,
        short_interval_seconds=short,
        sprint_seconds=sprint,
    )
    plan_warnings = _warnings(
        outcome,
        shortfalls,
        rules,
        [*scheduler.adjusted, *held_weekly],
        library.design.messages,
        reviewed.warnings,
        [w for w in (adopted, replan) if w is not None],
    )
    effects = merge_effects(
        [*outcome.effects, *reviewed.effects], reviewed.facts["week.modalities"]
    )
    therapies = {t.value for t in profile.therapies}
    synergies = sorted(
        (
            TherapySynergy(
                therapy=s.therapy.value,
                myokine=s.myokine,
                explanation=s.explanation,
                evidence=s.evidence,
                references=list(r.references),
                rules=[r.full_id],
            )
            for s, r in [*outcome.synergies, *reviewed.synergies]
            if s.therapy.value in therapies
        ),
        key=lambda s: (s.therapy, s.myokine.value, s.rules[0]),
    )
    departures = _departures(reviewed)
    guidelines = _guidelines(
        outcome,
        rules,
        block,
        scheduler.backbone,
        gap_plan=lambda gap: _gap_plan(
            profile,
            block[0].days,
            gap,
            library.design.messages,
            _rest_days(outcome),
            _gap_first_bout(profile, build_up),
            _steady_kit(block[0].days, library),
        ),
    )
    screening = ScreeningOutcome(
        clearance=outcome.clearance,
        referral_only=outcome.referral_only,
        max_intensity=outcome.max_intensity,
        reasons=list(dict.fromkeys(text for text, _ in outcome.reasons)),
        next_steps=list(dict.fromkeys(text for text, _ in outcome.next_steps)),
        performed=outcome.screened,
        before_start=list(dict.fromkeys(text for text, _ in outcome.before_start)),
    )
    plan = Plan(
        generator=Generator(
            version=__version__,
            rule_packs=[
                *(
                    GeneratorPack(name=p.name, version=p.version, sha256=p.sha256)
                    for p in rules.packs
                ),
                *(
                    [GeneratorPack(name=LIBRARY_NAME, version=__version__, sha256=library.sha256)]
                    if library.sha256
                    else []
                ),
            ],
            safety_overrides_allowed=rules.allow_safety_overrides,
        ),
        profile=PlanProfile.model_validate(profile.normalized()),
        screening=screening,
        days=days,
        weeks=block,
        totals=totals,
        guidelines=guidelines,
        expected_effects=effects,
        therapy_synergies=synergies,
        departures=departures,
        warnings=plan_warnings,
        references=[],
        disclaimer=library.design.disclaimer,
    )
    cited = _cited_rules(plan, outcome)
    ref_ids = {ref for rid in cited if (rule := rules.rule(rid)) for ref in rule.references}
    ref_ids |= {ref for e in effects for ref in e.references}
    ref_ids |= {ref for s in synergies for ref in s.references}
    ref_ids |= {ref for d in departures for ref in d.references}
    ref_ids |= {ref for w in plan_warnings for ref in w.references}
    ref_ids |= set(library.design.references) & set(rules.references)
    plan.references = [
        Reference(id=rid, citation=rules.references[rid].citation)
        for rid in sorted(ref_ids)
        if rid in rules.references
    ]
    if explain:
        plan.explanation = explanation(outcome, rules, held_weekly)
        plan.explanation.fired += [_fired(f) for f in reviewed.fired]
        plan.explanation.substituted = picker.substitutions
        plan.explanation.selected = picker.choices
    return plan, _dose_heavy(outcome, library)


def _practice_cools_down(
    week_one: list[DayPlan], outcome: Decisions, said: str | None, bar: int
) -> bool:
    """Coach review 28, STRESS-BACKBONE-SQUEEZED (COACHING.md §2: the first goal's minimum
    dose, for endurance, stress or mood the aerobic backbone, before WHO's strength days): on
    a day that holds one required walk (or other moderate steady block) and the falls
    practice's balance work beside it, the balance practice - easy movement at RPE 3-4, the
    cool-down's own kind of work ("easy movement before and after each session",
    `core/warm-up-and-cool-down`) - ends the day and is its cool-down, when it lasts at
    least the cool-down's minutes; the cool-down those minutes were charged to (the day's
    first session: the walk, or the lifting before it) becomes brisk walking. So a
    67-year-old stress-first man's 3 x 30 minutes hold 35 brisk minutes a week, not 20: the
    lifting days no longer cool down between the lifts and the walk, and the walk day's
    walk runs into the practice. Only while week 1 is short of the aerobic guideline's
    `bar`; every session keeps its warm-up. Returns whether any day changed (the sessions
    are changed in place, so the block's other maps of them hold)."""
    aerobic = sum(aerobic_equivalent(s) for d in week_one for s in d.sessions if not s.optional)
    if aerobic >= bar:
        return False
    changed = False
    for day in week_one:
        required = [s for s in day.sessions if not s.optional]
        if not required or any(s.first_week != 1 or s.last_week is not None for s in required):
            continue
        practice = [s for s in required if s.modality is Modality.BALANCE]
        steady = [
            s
            for s in required
            if s.modality is Modality.ENDURANCE
            and s.intensity_class is IntensityClass.MODERATE
            and s.easy_part is None
        ]
        first = required[0]
        if (
            len(practice) != 1
            or len(steady) != 1
            or first.modality
            not in (
                Modality.ENDURANCE,
                Modality.RESISTANCE,
            )
        ):
            continue
        walk, balance = steady[0], practice[0]
        bound, _ = outcome.resolve(first.modality.value, "any", "cooldown_minutes")
        cool = int(bound.min) if bound is not None and bound.min is not None else 0
        if cool <= 0 or balance.duration_minutes < cool or first.duration_minutes <= cool:
            continue
        if first is not walk and required.index(walk) < required.index(first):
            continue
        grown = _resized_steady(walk, walk.duration_minutes + cool)
        walk.exercises = grown.exercises
        if first is not walk:
            first.duration_minutes -= cool
            walk.duration_minutes += cool
            if walk.give_floor is not None:
                walk._give_floor = walk.give_floor + cool
        if said:
            balance.notes = [*balance.notes, said]
        # the practice last: after the walk, as the day's cool-down
        day.sessions[:] = [s for s in day.sessions if s is not balance] + [balance]
        changed = True
    return changed


def _venue_blocks_short(block: list[Week], library: Library) -> set[tuple[int, int]]:
    """The required steady sessions, as (day, Monday = 0; first week), on kit at a venue
    the person travels to (`venue_minutes`: a pool) that some week makes shorter than the
    venue's least minutes while their day holds other required sessions (coach review 18,
    TOKEN-POOL-SESSION)."""
    venue = {e.name: library.venue_least(e) for e in library.exercises if library.venue_least(e)}
    found: set[tuple[int, int]] = set()
    for week in block:
        for index, day in enumerate(week.days):
            required = [s for s in day.sessions if not s.optional]
            if len(required) < 2:
                continue
            for s in required:
                least = max((venue.get(e.name, 0) for e in s.exercises), default=0)
                if s.modality is Modality.ENDURANCE and s.duration_minutes < least:
                    found.add((index, s.first_week))
    return found


def _grow_joined_blocks(
    scheduler: Scheduler,
    builder: SessionBuilder,
    week_one: list[DayPlan],
    block: list[Week],
    unformed: dict[int, tuple[Session, Session]],
    profile: Profile,
) -> set[int]:
    """Coach review 10, ENDURANCE-FIRST-CROWDED: each day held to its smallest hard form
    (`unformed`) with a steady block already after its lifting gives that block the minutes
    no week's other required sessions use (the block counted at its full length, as a
    build-up grows it to). Lengthens the grown blocks in `week_one`; returns their days.

    A block first sized too short for the person's own kit (a pool trip needs the venue's
    least minutes, `venue_minutes`) took bout-limited work such as seated marching; grown to
    a length that kit takes, it is picked again, so a person with knee pain and a pool walks
    in the pool after lifting rather than marching seated (coach review 39,
    KNEE-PAIN-SEATED-MARCHING-DESPITE-POOL; COACHING.md §1: the pool or bike is the painful
    knee's aerobic mode, seated marching the fallback where nothing better fits)."""
    free: dict[int, int] = {}
    # the days whose bout-limited block grows far enough for kit without a bout limit, with
    # that bout limit
    repick: dict[int, int] = {}
    for day in unformed:
        steady = [
            s for s in week_one[day].sessions if s.modality is Modality.ENDURANCE and not s.optional
        ]
        if len(steady) != 1:
            continue
        # week 1's: the sets and reps later weeks would add back into the freed minutes do
        # not count (the lifting grows only when the aerobic target is met)
        others = sum(
            s.duration_minutes
            for s in block[0].days[day].sessions
            if not s.optional and s.modality is not Modality.ENDURANCE
        )
        left = profile.minutes_per_session - others - steady[0].duration_minutes
        # steady work the library allows only in short bouts (seated marching: 20 minutes)
        # grows no further than that (COACHING.md §1: no one is asked for 25+ minutes of
        # marching; coach review 30, the backbone's 20-minute bout starts it at its limit)
        names = {e.name for e in steady[0].exercises}
        limits = [
            x.max_minutes
            for x in scheduler.library.exercises
            if x.name in names and x.max_minutes is not None
        ]
        bout = min(limits) if limits else None
        if bout is not None and left > 0:
            if builder.kit_takes_block(steady[0].duration_minutes + left):
                repick[day] = bout
            else:
                left = min(left, bout - steady[0].duration_minutes)
        if left > 0:
            free[day] = left
    grown: set[int] = set()
    for day, slot in scheduler.grow_after_form(free):
        old = next(
            s for s in week_one[day].sessions if s.modality is Modality.ENDURANCE and not s.optional
        )
        index = week_one[day].sessions.index(old)
        # the built session lengthened (not built again: its exercise was picked already),
        # unless it grew long enough for the person's own kit (coach review 39)
        fresh = None
        if day in repick and builder.kit_takes_block(slot.minutes):
            rebuilt = builder.build(slot).session
            if rebuilt is not None:
                fresh = rebuilt.from_week(slot.start_week, slot.end_week)
        if fresh is None and day in repick:
            # (no kit took it after all: the block stops at its bout limit)
            slot.minutes = max(min(slot.minutes, repick[day]), old.duration_minutes)
        week_one[day].sessions[index] = fresh or _resized_steady(old, slot.minutes)
        grown.add(day)
    return grown


def _refuse(refusal: Ruled[Refuse] | None) -> None:
    if refusal is not None:
        body, rule_id = refusal
        raise OutOfScopeError(body.message, hint=f"{body.instead} [{rule_id}]")


def _cited_rules(plan: Plan, outcome: Decisions) -> set[str]:
    ids: set[str] = set(outcome.screening_rules)
    for week in plan.weeks:
        for day in week.days:
            for s in day.sessions:
                ids.update(s.rules)
                for e in s.exercises:
                    ids.update(e.rules)
    for w in plan.warnings:
        ids.update(w.rules)
    for g in outcome.guidelines.values():
        ids.add(g.rule.full_id)
    ids.update(r.rule for r in outcome.progression.values())
    return {i for i in ids if "/" in i and not i.startswith("engine/")}


def compute_totals(days: list[DayPlan]) -> Totals:
    sessions: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    by_intensity: Counter[str] = Counter()
    sets: dict[str, float] = {}
    aerobic = 0.0
    strength_days = balance_days = 0
    for day in days:
        if any(s.modality is Modality.RESISTANCE for s in day.sessions):
            strength_days += 1
        if any(s.modality is Modality.BALANCE for s in day.sessions):
            balance_days += 1
        for s in day.sessions:
            sessions[s.modality.value] += 1
            minutes[s.modality.value] += s.duration_minutes
            # a tempo session's moderate part is moderate minutes (coach review 27)
            cls = s.intensity_class.value
            easier = round(sum(m for c, m in work_minutes_by_class(s).items() if c != cls))
            by_intensity[cls] += s.duration_minutes - easier
            by_intensity["moderate"] += easier
            aerobic += aerobic_equivalent(s)
            if s.modality is Modality.RESISTANCE:
                for e in s.exercises:
                    if is_hard_set(e):
                        for muscle, credit in muscle_credit(e).items():
                            sets[muscle] = sets.get(muscle, 0) + credit * e.sets
    return Totals(
        sessions_by_modality={m.value: sessions[m.value] for m in Modality},
        minutes_by_modality={m.value: minutes[m.value] for m in Modality},
        minutes_by_intensity={k: by_intensity[k] for k in ("light", "moderate", "vigorous")},
        moderate_equivalent_aerobic_minutes=round(aerobic),
        strength_days=strength_days,
        balance_days=balance_days,
        hard_sets_by_muscle={m: int(v) if v.is_integer() else v for m, v in sorted(sets.items())},
    )


# The modality whose sessions a guideline's measure counts; a safety rule that caps or vetoes
# it is what can hold the target back (DESIGN.md v1.1 Guidelines).
MEASURE_MODALITY = {
    "moderate_equivalent_aerobic_minutes": Modality.ENDURANCE,
    "strength_days": Modality.RESISTANCE,
    "balance_days": Modality.BALANCE,
    "days_without_activity": Modality.RECOVERY,
}


def measure(name: str, days: list[DayPlan]) -> int:
    """A guideline's measure on a week's days (DESIGN.md v1.1 Guidelines)."""
    if name == "days_without_activity":
        return longest_gap(days)
    if name == "strength_days":
        return strength_exposure_days(days)
    return int(getattr(compute_totals(days), name))


def longest_gap(days: list[DayPlan]) -> int:
    """The longest run of days with no session, wrapping Sunday to Monday (ADA 2016); 7 for
    an empty week."""
    active = [bool(d.sessions) for d in days]
    if not any(active):
        return 7
    longest = run = 0
    for flag in active + active:  # twice round, so a run across Sunday-Monday counts
        run = 0 if flag else run + 1
        longest = max(longest, run)
    return min(longest, 7)


def _required(days: list[DayPlan]) -> list[DayPlan]:
    return [DayPlan(day=d.day, sessions=[s for s in d.sessions if not s.optional]) for d in days]


# the half of the body an upper or a lower day trains, by major group
_HALF = {
    "chest": "upper",
    "back": "upper",
    "shoulders": "upper",
    "quads": "lower",
    "hamstrings/glutes": "lower",
}


def _under_dose(days: list[DayPlan], dose: int) -> frozenset[str]:
    """The halves of the body ("upper", "lower") with a major group under `dose` hard sets
    a week (`volume.group_sets`: DESIGN.md v1.1 credit, a group counted by its best-trained
    muscle) in a week of upper- and lower-body days; none for a week with a full-body day."""
    for d in days:
        for s in d.sessions:
            if s.modality is not Modality.RESISTANCE or s.optional:
                continue
            muscles = {m.value for e in s.exercises for m in e.muscles}
            if {"chest", "back"} & muscles and "quads" in muscles:
                return frozenset()
    return frozenset(_HALF[group] for group, n in group_sets(days).items() if n < dose)


def _held_by(
    outcome: Decisions, rules: RuleSet, measure: str, bar: float | None = None
) -> list[str]:
    """The safety rules in force that cap or veto what a guideline's measure counts. A cap
    on how many sessions a week may be hard (or lifting) holds the strength days only below
    the guideline's `bar`: three hard sessions a week leave room for two strength days (coach
    review 22, TARGET-HOLD-MISATTRIBUTED: 15-minute days, not the stress rule's cap of three,
    kept a woman's strength days at 0)."""
    modality = MEASURE_MODALITY[measure].value
    found: set[str] = set()
    for (name, scope), (value, rid) in outcome.caps.items():
        if (
            measure == "strength_days"
            and bar is not None
            and name in ("hard_sessions_per_week", "sessions_per_week")
            and float(value) >= bar
        ):
            continue
        if scope == modality or (
            name == "hard_sessions_per_week" and modality == Modality.RESISTANCE.value
        ):
            found.add(rid)
    if modality in outcome.forbidden("modality"):
        found.add(outcome.forbidden("modality")[modality])
    if modality != Modality.BALANCE.value and outcome.max_intensity in ("none", "light"):
        found.add(outcome.limited_by.get("intensity", ""))
    scoped = _week_hold(outcome, modality)
    if scoped is not None:
        # a week-scoped hold on week 1, the week the guideline is measured on (a passing
        # illness's light weeks; coach review 19, ILLNESS-HOLD-SHORTFALL-ADVISES-BRISK)
        found.add(scoped[1])
    if outcome.referral_only:
        found.add(outcome.limited_by.get("referral", ""))
    start = outcome.progression.get("cautious_start")
    if (
        measure == "strength_days"
        and start is not None
        and isinstance(start.value, CautiousStart)
        and (start.value.rir.min or 0) > HARD_RIR_MAX
    ):
        found.add(start.rule)  # a light start: its sets are not hard sets yet
    now = outcome.progression.get("deload_now")
    if measure == "strength_days" and now is not None and bool(now.value):
        # a block that starts with a deload and holds its sets (overtraining signs) has a
        # third fewer sets a day on purpose: what it holds back it must not be told to add
        # (coach review 26, HELD-TARGET-SUGGESTS-FORBIDDEN: "a set more on the main lifts, or
        # a second short strength session" beside overtraining's cut sets and two hard days)
        found.add(now.rule)
    cut = outcome.progression.get("aerobic_cut_pct")
    if measure == "moderate_equivalent_aerobic_minutes" and cut is not None:
        # a lighter block to recover cuts the aerobic minutes on purpose (overtraining signs:
        # the whole load falls; coach review 42): the minutes it takes off, it must not be
        # told to add back
        found.add(cut.rule)
    sets = outcome.param(Modality.RESISTANCE.value, "compound", "sets")
    if (
        measure == "strength_days"
        and sets is not None
        and isinstance(sets.value, Bound)
        and sets.value.max is not None
        and sets.value.max < HARD_EXPOSURE_SETS
    ):
        # a safety dose of fewer sets than a hard exposure (pregnancy's short strength
        # sessions at two sets a lift, COACHING.md §4) holds the strength days on purpose
        found.add(sets.rule)
    return sorted(r for r in found if (rule := rules.rule(r)) is not None and rule.is_safety)


def _week_hold(outcome: Decisions, modality: str, weeks: int = MAX_WEEKS) -> tuple[int, str] | None:
    """A week-scoped hold on `modality` from week 1 (`forbid` with `weeks`, DESIGN.md
    v1.1): a ceiling of light or none below the block's own (for any modality but balance)
    or a veto of the modality, as (its last week, at most `weeks`; the rule of week 1's
    hold); None when week 1 is not held so."""
    first: str | None = None
    end = 0
    while end < weeks:
        rules = outcome.in_week(end + 1)
        lowered = rules.ceiling.value != outcome.max_intensity
        light = lowered and rules.ceiling.value in ("none", "light")
        capped = no_hard_sets(rules, modality) if first is not None else None
        if (
            modality not in rules.vetoed
            and (modality == Modality.BALANCE.value or not light)
            and capped is None
        ):
            break
        first = first or rules.vetoed.get(modality) or rules.ceiling.rule or capped
        end += 1
    return (end, first) if first is not None else None


def _suggested(target: GuidelineTarget, gap: int, gap_plan: Callable[[int], str] | None) -> str:
    """A guideline's suggestion for a shortfall of `gap`: `{short}` the minutes still missing
    (pregnancy's suggestion names them), `{how}` how the person's own days and kit close
    them (`_gap_plan`, aerobic minutes only)."""
    aerobic = target.measure == "moderate_equivalent_aerobic_minutes"
    how = gap_plan(gap) if gap_plan is not None and aerobic else ""
    return fill_placeholders(target.suggestion or "", {"short": str(gap), "how": how})


def _scoped_end(outcome: Decisions, held: list[str], measure: str) -> int:
    """The last week of a week-scoped hold on the measure's modality when it is the only
    rule holding the guideline and it ends within the longest block; 0 otherwise. Against
    a block's length: a hold of its first weeks only, or one that outlasts it and still
    ends (an illness's light weeks and first load step in a 4-week block)."""
    scoped = _week_hold(outcome, MEASURE_MODALITY[measure].value)
    if scoped is None or held != [scoped[1]] or scoped[0] >= MAX_WEEKS:
        return 0
    return scoped[0]


def _held_end(outcome: Decisions, held: list[str], measure: str, reached: int | None) -> int:
    """`_scoped_end`, never at or past the week the plan reaches the guideline: a %1RM limit
    that leaves no set hard (an illness's 59 % in weeks 3-4) holds back only lifts that carry
    a load, so body-weight lifts reach WHO's strength days in week 3, and the detail said
    "held back in weeks 1-4; from week 5 ..." beside "the plan reaches it in week 3" (coach
    review 42, WORDS-CONTRADICT-PLAN). The weeks the plan itself measures win."""
    scoped = _scoped_end(outcome, held, measure)
    if reached is not None and 0 < reached <= scoped:
        return reached - 1
    return scoped


def _start_ends(outcome: Decisions, held: list[str], weeks: int, reached: int | None) -> int | None:
    """The week a light cautious start steps up, when it is the only rule holding a guideline
    back and it ends within the block - with no held dose after it, or one that reaches the
    guideline (`reached`); else None."""
    start = outcome.progression.get("cautious_start")
    if start is None or not isinstance(start.value, CautiousStart) or held != [start.rule]:
        return None
    if start.value.weeks >= weeks or (start.value.then_hold is not None and reached is None):
        return None
    return start.value.weeks + 1


def _lifting_sets(day: DayPlan) -> int:
    """The sets of a day's required lifting."""
    return sum(
        e.sets
        for s in day.sessions
        if s.modality is Modality.RESISTANCE and not s.optional
        for e in s.exercises
    )


def _build_up(
    outcome: Decisions, profile: Profile, library: Library, *, held_too: bool = False
) -> BuildUp | None:
    """The steady build-up of a person not yet active (the aerobic guideline's
    `build_up_weeks`, `build_up_from_minutes` and `build_up_step_minutes`), unless a rule holds the aerobic minutes
    (`aerobic_build_up: false`, Triad/RED-S: no week above week 1's) and not `held_too`."""
    held = outcome.progression.get("aerobic_build_up")
    if profile.currently_active or (held is not None and held.value is False and not held_too):
        return None
    ramp = sorted(
        (
            target.build_up_weeks,
            target.build_up_from_minutes,
            target.backbone_note or "",
            target.build_up_extras_step_minutes or 0,
            target.build_up_step_minutes or 0,
        )
        for target, _rule in outcome.guidelines.values()
        if target.fill_with is Modality.ENDURANCE
        and target.build_up_weeks is not None
        and target.build_up_from_minutes is not None
    )
    if not ramp:
        return None
    weeks, start, note, extras_step, step = ramp[0]
    return BuildUp(
        weeks,
        start,
        least_minutes=library.design.timing.min_work_minutes.get(Modality.ENDURANCE, 10),
        joins_note=note or None,
        extras_step=extras_step or None,
        step=step or None,
    )


def _guidelines(
    outcome: Decisions,
    rules: RuleSet,
    block: list[Week],
    backbone: tuple[int, str] | None = None,
    gap_plan: Callable[[int], str] | None = None,
) -> list[GuidelineCheck]:
    """Measure each guideline on week 1's required sessions, with and without the extras.
    `backbone`: the week a lifting day gives way to the aerobic-first backbone's second
    steady session, and the rule; WHO's strength guideline says so (COACHING.md §2)."""
    required = [_required(w.days) for w in block]
    checks = []
    yields = ""
    if backbone is not None and backbone[0] <= len(block):
        week, rule_id = backbone
        text = next(
            (
                t.backbone_detail
                for t, r in outcome.guidelines.values()
                if r.full_id == rule_id and t.backbone_detail
            ),
            None,
        )
        later = measure("strength_days", required[week - 1])
        if text is not None:
            yields = (
                f" {fill_placeholders(text, {'week': str(week)})} From week {week} the "
                f"required sessions give {later} (rule {rule_id})."
            )
    for gid, (target, _rule) in sorted(outcome.guidelines.items()):
        value = measure(target.measure, required[0])
        with_optional = measure(target.measure, block[0].days)
        met = target.met_by(value)
        reached = next(
            (
                w.week
                for w, days in zip(block, required, strict=True)
                if target.met_by(measure(target.measure, days))
            ),
            None,
        )
        bound = "at least" if target.at_least is not None else "at most"
        detail = (
            f"{target.label}: the required sessions give {value}, "
            f"the target is {bound} {target.bar}."
        )
        if with_optional != value:
            detail += f" With the optional extras: {with_optional}."
        suggestion: str | None = None
        held: list[str] = []
        if not met:
            gap = abs(target.bar - value)
            detail += f" Short by {gap}." if target.at_least is not None else f" Over by {gap}."
            lifts = any(
                s.modality is Modality.RESISTANCE and not s.optional
                for d in required[0]
                for s in d.sessions
            )
            if target.counting and target.measure == "strength_days" and lifts:
                detail += f" {target.counting}"
            held = _held_by(outcome, rules, target.measure, target.bar)
            if outcome.referral_only:
                detail += " Nothing is suggested until a clinician has seen you."
            elif held and (ends := _start_ends(outcome, held, len(block), reached)) is not None:
                # a light start that ends within the block: say when, not "until advised"
                detail += (
                    f" Held back on purpose by safety rule(s) {', '.join(held)}: its light "
                    f"start has no hard sets, and its effort steps up from week {ends}."
                )
                if reached is None and target.suggestion:
                    # after the start, not against it: no `suggestion` while it holds
                    detail += f" After the start: {target.suggestion}"
            elif held and 0 < (scoped := _held_end(outcome, held, target.measure, reached)) < len(
                block
            ):
                # a hold of the first weeks only (a passing illness): say which weeks, what
                # the plan gives after them, and - still short then - the way to close it,
                # from then on, never now (coach review 19, ILLNESS-HOLD-SHORTFALL-ADVISES-BRISK)
                after = measure(target.measure, required[scoped])
                weeks_held = "week 1" if scoped == 1 else f"weeks 1-{scoped}"
                detail += (
                    f" Held back on purpose in {weeks_held} by safety rule(s) "
                    f"{', '.join(held)}; from week {scoped + 1} the required sessions give "
                    f"{after}."
                )
                if reached is None and not target.met_by(after) and target.suggestion:
                    then = _suggested(target, abs(target.bar - after), gap_plan)
                    detail += f" From week {scoped + 1}: {then}"
            elif held and scoped >= len(block):
                # a week-scoped hold that outlasts a short block (an illness's light weeks
                # and its first load step in a 4-week block): it still ends, with its week
                weeks_held = "week 1" if len(block) == 1 else f"weeks 1-{len(block)}"
                detail += (
                    f" Held back on purpose in {weeks_held}, the whole block, by safety "
                    f"rule(s) {', '.join(held)}, whose hold ends with week {scoped}."
                )
            elif held and reached is not None:
                # the plan itself steps up to it: no "until a professional advises"
                detail += (
                    f" Held back on purpose in the first weeks by safety rule(s) "
                    f"{', '.join(held)}; follow the plan as it steps up."
                )
            elif held:
                detail += (
                    f" Held back on purpose by safety rule(s) {', '.join(held)}; "
                    "follow the plan as it is until a professional advises otherwise."
                )
            else:
                suggestion = _suggested(target, gap, gap_plan)
                detail += f" {suggestion}"
            if reached is not None and not outcome.referral_only:
                detail += f" The plan reaches it in week {reached}."
        if target.measure == "strength_days":
            detail += yields
        checks.append(
            GuidelineCheck(
                id=gid,
                met=met,
                detail=detail,
                value=value,
                target=target.bar,
                comparison="at_least" if target.at_least is not None else "at_most",
                met_with_optional=target.met_by(with_optional),
                reached_in_week=reached,
                suggestion=suggestion,
                held_by=held,
            )
        )
    return checks


# the fewest minutes one added steady bout is suggested at, and the step minutes round up to
GAP_LEAST_MINUTES = 10
GAP_STEP_MINUTES = 5
# the first bout of a build-up where the rules give no steady build-up of their own
GAP_BUILD_UP_MINUTES = 20


def _rest_days(outcome: Decisions) -> int:
    """The days a week the rules keep at light activity at most (`require: rest_days`)."""
    need = outcome.requirement("rest_days")
    return int(need[0]) if need is not None else 0


def _gap_first_bout(profile: Profile, build_up: BuildUp | None) -> int | None:
    """The longest bout a shortfall's way starts with for a person not yet active, pregnant
    or not: the steady build-up's first length (COACHING.md §2: people not active build up
    from about 15-30 minutes; coach review 17, SHORTFALL-ADVICE-SKIPS-RAMP); None: the
    person is active and may add the minutes as they are - in pregnancy too, as women
    active before it may continue (Mottola 2019, ACOG 2020; coach review 38,
    ACTIVE-PREGNANT-TOLD-TO-BUILD-UP: an active pregnant woman was told to start with one
    20-minute walk a week)."""
    if profile.currently_active:
        return None
    return build_up.start_minutes if build_up is not None else GAP_BUILD_UP_MINUTES


def _steady_kit(days: list[DayPlan], library: Library) -> frozenset[Equipment]:
    """The kit the steady sessions (required or optional) of these days are done on (a bike
    for a week of bike rides): what a shortfall's way names first."""
    entries = {e.name: e for e in library.exercises}
    entries |= {e.light_name: e for e in library.exercises if e.light_name}
    return frozenset(
        kit
        for d in days
        for s in d.sessions
        if s.modality is Modality.ENDURANCE
        for x in s.exercises
        if x.name in entries
        for kit in entries[x.name].equipment
    )


def _gap_plan(
    profile: Profile,
    days: list[DayPlan],
    gap: int,
    messages: Messages,
    rest_days: int = 0,
    first_bout: int | None = None,
    steady_kit: frozenset[Equipment] = frozenset(),
) -> str:
    """How the person can close an aerobic shortfall of `gap` minutes with their own days,
    session minutes and kit (COACHING.md §2: a way to close it that the person can follow;
    coach review 12, SUGGESTION-UNFOLLOWABLE): a bout on each offered day left free, the
    minutes days with sessions have spare, then more days of their usual session length, and
    plainly what their week cannot hold. Each activity of `messages.gap_activities` only with
    its kit, the one whose kit the plan's own steady sessions use (`steady_kit`) first, and
    in pregnancy by its `pregnancy_text` where it has one (a bike ride on a stationary bike,
    as the plan's rides are; coach review 38). The days the rules keep
    light (`rest_days`: two with chronic stress, poor sleep or overtraining signs) get no
    added bout (coach review 13, SUGGEST-ON-LIGHT-DAYS). With `first_bout` (a person whose
    plan builds up) the way is a build-up to all that: one bout of at most `first_bout`
    minutes, then 5-10 minutes more a week (`messages.gap_build_up`). "" without the
    messages."""
    if not (
        messages.gap_free_days
        and messages.gap_new_days
        and messages.gap_room
        and messages.gap_activities
    ):
        return ""
    kit = set(profile.equipment)
    pregnant = Condition.PREGNANCY in profile.conditions
    open_to = [
        a
        for a in messages.gap_activities
        if a.needs is None
        or (
            a.needs in kit and not (pregnant and a.needs is Equipment.BIKE and not a.pregnancy_text)
        )
    ]
    # (a stable sort: the plan's own steady work first, the others in the messages' order)
    open_to.sort(key=lambda a: a.needs is None or a.needs not in steady_kit)
    words = [a.pregnancy_text if pregnant and a.pregnancy_text else a.text for a in open_to]
    activity = listed(words, "or")
    session = profile.minutes_per_session
    offered = profile.training_days()
    by_day = {d.day: d for d in days}
    used = {
        d: sum(s.duration_minutes for s in by_day[d].sessions if not s.optional)
        for d in offered
        if d in by_day
    }
    # days above light now, and how many more the week's light days leave for a bout
    busy = sum(
        1
        for d in days
        if any(not s.optional and s.intensity_class.value != "light" for s in d.sessions)
    )
    spare_days = max(0, 7 - rest_days - busy)
    free = [d for d in offered if not used.get(d)][:spare_days]
    spare_days -= len(free)
    left = gap
    parts: list[str] = []

    def step(minutes: float) -> int:
        return max(GAP_LEAST_MINUTES, math.ceil(minutes / GAP_STEP_MINUTES) * GAP_STEP_MINUTES)

    if free and session >= GAP_LEAST_MINUTES:
        count = min(len(free), math.ceil(left / session))
        minutes = min(session, step(left / count))
        names = [d.value.capitalize() for d in free[:count]]
        parts.append(
            fill_placeholders(
                messages.gap_free_days,
                {"activity": activity, "minutes": str(minutes), "days": listed(names)},
            )
        )
        left -= count * minutes
    room = sum(session - m for m in used.values() if m and session - m >= GAP_LEAST_MINUTES)
    if left > 0 and room:
        more = min(room, left)
        parts.append(fill_placeholders(messages.gap_room, {"minutes": str(more)}))
        left -= more
    others = min(7 - len(offered), spare_days)
    if left > 0 and others and session >= GAP_LEAST_MINUTES:
        count = min(others, math.ceil(left / session))
        minutes = min(session, step(left / count))
        parts.append(
            fill_placeholders(
                messages.gap_new_days,
                {
                    "count": f"{count} more day{'s' if count > 1 else ''}",
                    "activity": activity,
                    "minutes": str(minutes),
                },
            )
        )
        left -= count * minutes
        spare_days -= count
    # the parts the person's days can hold; what follows says what they cannot
    reachable = len(parts)
    kept_light = rest_days > 0 and spare_days == 0
    if left > 0 and kept_light and messages.gap_light_days:
        parts.append(
            fill_placeholders(
                messages.gap_light_days,
                {
                    "minutes": str(left),
                    "session": str(session),
                    "light": "one day" if rest_days == 1 else f"{rest_days} days",
                },
            )
        )
    elif left > 0 and messages.gap_left:
        parts.append(
            fill_placeholders(messages.gap_left, {"minutes": str(left), "session": str(session)})
        )
    full = "; ".join(parts)
    if (
        first_bout is None
        or not full
        or not (
            messages.gap_build_up
            and messages.gap_where_free
            and messages.gap_where_room
            and messages.gap_where_new
        )
    ):
        return full
    # the first bout: no longer than the build-up's first length, nor than the shortfall
    minutes = max(
        GAP_LEAST_MINUTES, min(first_bout, step(gap)) // GAP_STEP_MINUTES * GAP_STEP_MINUTES
    )
    # where it goes is a place the person can use (coach review 22,
    # SHORTFALL-ADVICE-NO-FOLLOWABLE-DAY: "on a day you did not offer" to someone who
    # offered all seven, or whose days not offered are the ones kept light): an offered day
    # left free, a day with time to spare, a day not offered that no rule keeps light, a
    # day with some time to spare (the bout shortened to it), or else a day made longer
    spare = max((session - m for m in used.values() if m), default=0)
    new_days = min(7 - len(offered), max(0, 7 - rest_days - busy) - len(free))
    if free:
        where = fill_placeholders(messages.gap_where_free, {"day": free[0].value.capitalize()})
    elif spare >= minutes:
        where = messages.gap_where_room
    elif new_days > 0:
        where = messages.gap_where_new
    elif spare >= GAP_LEAST_MINUTES:
        minutes = spare // GAP_STEP_MINUTES * GAP_STEP_MINUTES
        where = messages.gap_where_room
    elif messages.gap_where_longer:
        where = messages.gap_where_longer
    else:
        return full
    values = {"activity": words[0], "minutes": str(minutes), "where": where}
    reach, tail = "; ".join(parts[:reachable]), "; ".join(parts[reachable:])
    if reach:
        text = fill_placeholders(messages.gap_build_up, {**values, "full": reach})
        return f"{text}; {tail}" if tail else text
    # nothing the days can hold: the build-up's start, then what the days cannot hold (coach
    # review 23, SHORTFALL-ADVICE-BROKEN-SENTENCE: "until you have the last 84 minutes need
    # sessions longer than your 20 minutes")
    if not messages.gap_build_up_start:
        return full
    return f"{fill_placeholders(messages.gap_build_up_start, values)}; {tail}"


def _departures(reviewed: Review) -> list[Departure]:
    """Each departure once (by its full id), in id order."""
    found: dict[str, Departure] = {}
    for body, rule in reviewed.departures:
        full = f"{rule.full_id.split('/')[0]}/{body.id}" if "/" in rule.full_id else body.id
        if full in found:
            known = found[full]
            known.rules = sorted({*known.rules, rule.full_id})
            known.references = sorted({*known.references, *rule.references})
            continue
        found[full] = Departure(
            id=full,
            topic=body.topic,
            source_says=body.source_says,
            plan_does=body.plan_does,
            why=body.why,
            references=sorted(rule.references),
            rules=[rule.full_id],
        )
    return [found[k] for k in sorted(found)]


def _later_stage(
    profile: Profile, rules: RuleSet, outcome: Decisions, weeks: int, explain: bool
) -> tuple[Decisions, Warning | None]:
    """For a pregnancy whose block runs past a week the rules name in
    `adopt_at_pregnancy_weeks` (13: the second trimester's rules only take positions away),
    the decisions of that stage, for the whole block, with the warning that says so; else
    the decisions as they are. Raises OutOfScopeError if that stage's rules refuse."""
    at = outcome.progression.get("adopt_at_pregnancy_weeks")
    note = outcome.progression.get("adopt_note")
    week = profile.pregnancy_week
    if at is None or note is None or week is None or not isinstance(at.value, list):
        return outcome, None
    crossed = [b for b in at.value if week < b <= week + weeks - 1]
    if not crossed or not isinstance(note.value, str):
        return outcome, None
    stage = max(crossed)
    later = evaluate(profile.model_copy(update={"pregnancy_week": stage}), rules, trace=explain)
    _refuse(later.refusal)
    text = fill_placeholders(note.value, {"week": str(weeks), "pregnancy_week": str(stage)})
    return later, Warning(
        code="pregnancy-stage-ahead",
        severity="medium",
        message=text,
        references=[],
        rules=sorted({at.rule, note.rule}),
    )


def _pregnancy_block(
    profile: Profile, outcome: Decisions, weeks: int
) -> tuple[int, Warning | None]:
    """The block's length for a pregnancy with a known week: it ends before the next week the
    rules name (`replan_at_pregnancy_weeks`, e.g. 13 for the second trimester's rules, 41 for
    birth), with a warning to plan again then; at or past the last week named, one week.
    Other profiles keep `weeks`."""
    at = outcome.progression.get("replan_at_pregnancy_weeks")
    week = profile.pregnancy_week
    if at is None or week is None or not isinstance(at.value, list):
        return weeks, None
    ahead = [b for b in at.value if b > week]
    # at or past the last week named (41: term), the next stage can come any day: one week,
    # planned again after it (coach review 26, PREGNANCY-PAST-TERM-BLOCK: at week 41 a
    # 16-week block ran to "pregnancy week 56" with load steps and no word of the birth)
    end = min(ahead) if ahead else week + 1
    if end - week >= weeks:
        return weeks, None
    last = max(1, end - week)
    note = outcome.progression.get("replan_note")
    if note is None or not isinstance(note.value, str):
        return last, None  # the pack validates that a replan week comes with its note
    text = fill_placeholders(note.value, {"week": str(last), "pregnancy_week": str(end)})
    return last, Warning(
        code="pregnancy-replan",
        severity="medium",
        message=text,
        references=[],
        rules=sorted({at.rule, note.rule}),
    )


def _warnings(
    outcome: Decisions,
    shortfalls: list[Shortfall],
    rules: RuleSet,
    held_weekly: list[Removal],
    messages: Messages,
    reviewed: Sequence[tuple[Warn, Rule]] = (),
    extra: Sequence[Warning] = (),
) -> list[Warning]:
    out: dict[str, Warning] = {w.code: w for w in extra}
    for warn, rule in [*outcome.warnings, *reviewed]:
        if warn.code in out:
            known = out[warn.code]
            known.rules = sorted({*known.rules, rule.full_id})
            known.references = sorted({*known.references, *rule.references})
            continue
        out[warn.code] = Warning(
            code=warn.code,
            severity=warn.severity,
            message=warn.message,
            references=list(rule.references),
            rules=[rule.full_id],
        )
    removals = [*outcome.removals, *held_weekly]
    repeats = Counter((r.what, r.rule) for r in removals)
    for removal in removals:
        times = repeats.pop((removal.what, removal.rule), 0)
        if not times:
            continue
        changer = rules.rule(removal.rule)
        by_safety = (changer is not None and changer.is_safety) or removal.rule == NOT_SCREENED
        code = "plan-changed-by-safety-rule" if by_safety else "plan-adjusted"
        what = removal.what if times == 1 else f"{removal.what}, {times} times"
        text = fill_placeholders(messages.changed_by_rule, {"what": what, "rule": removal.rule})
        if code in out:
            out[code].message += " " + text
            out[code].rules = sorted({*out[code].rules, removal.rule})
        else:
            out[code] = Warning(
                code=code,
                severity="info",
                message=text,
                references=list(changer.references) if changer else [],
                rules=[removal.rule],
            )
    for short in shortfalls:
        text = fill_placeholders(messages.could_not_plan, {"what": short.what, "why": short.why})
        code = "could-not-plan"
        if code in out:
            if text not in out[code].message:
                out[code].message += " " + text
            out[code].rules = sorted({*out[code].rules, *short.rules})
        else:
            out[code] = Warning(
                code=code,
                severity="medium",
                message=text,
                references=[],
                rules=sorted(set(short.rules)),
            )
    touched = rules.safety_overridden
    if touched:
        out["safety-rules-overridden"] = Warning(
            code="safety-rules-overridden",
            severity="high",
            message=fill_placeholders(
                messages.safety_rules_overridden, {"rules": ", ".join(touched)}
            ),
            references=[],
            rules=touched,
        )
    for w in out.values():
        w.references = sorted(
            {ref for rid in w.rules if (r := rules.rule(rid)) for ref in r.references}
            | set(w.references)
        )
    return sorted(out.values(), key=lambda w: (SEVERITY_ORDER[w.severity], w.code))


def explanation(
    outcome: Decisions, rules: RuleSet, held_weekly: list[Removal] | None = None
) -> Explanation:
    """What fired, why (leaf by leaf, with the person's values), and what it changed."""
    fired = [_fired(f) for f in outcome.fired]
    overridden = [
        OverriddenParameter(
            parameter="/".join(key),
            winner=res.rule,
            value=_plain(res.value),
            overridden=[LosingValue(rule=r, value=_plain(v)) for r, v in res.overridden],
        )
        for key, res in sorted(outcome.params.items())
        if res.overridden
    ]
    return Explanation(
        fired=fired,
        vetoed=[Change(what=r.what, by=r.rule) for r in [*outcome.removals, *(held_weekly or [])]],
        overridden=overridden,
        disabled=[DisabledRule(rule=k, by_pack=v) for k, v in sorted(rules.disabled.items())],
        replaced=[ReplacedRule(rule=k, by=v) for k, v in sorted(rules.overridden.items())],
    )


def _fired(f: Fired) -> FiredRule:
    return FiredRule(
        rule=f.rule.full_id,
        phase=f.rule.phase.value,
        priority=f.rule.priority,
        defined_at=str(f.rule.pos) if f.rule.pos else None,
        because=f.rule.because,
        fired_on_unknown=f.unknown,
        facts=[LeafFact.model_validate(t, from_attributes=True) for t in f.trace],
        did=f.actions,
    )


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump()
    return value
