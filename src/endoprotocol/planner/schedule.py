"""Place the requested sessions on the person's week, honouring every spacing rule.

The week repeats, so distances wrap from Sunday to Monday. Hard sessions (resistance, HIIT,
anything vigorous) go only on the person's training days; light optional activity may go
on other days. Sessions are placed strongest request first; a session that cannot be placed
is dropped and reported, never silently.

Spacing decisions (documented in docs/planning.md):
- same-muscle spacing applies between resistance sessions, using the muscles each split day
  trains;
- HIIT keeps its own spacing (`hours_between`) and, when a rule asks, a light day after it;
- at most one hard session a day; a second session shares the day's minutes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import combinations, pairwise

from endoprotocol.engine.decisions import (
    OPTIONAL_COUNTED_CAP,
    Decisions,
    Removal,
    Ruled,
    SessionDecision,
    is_hard,
)
from endoprotocol.plan import HARD_EXPOSURE_SETS
from endoprotocol.planner.fill import Shortfall, ramp_up_count, role_heavy
from endoprotocol.planner.library import Library, Slot, SplitDay
from endoprotocol.planner.progress import BuildUp, Scheme, mesocycles
from endoprotocol.profile import WEEK, Profile
from endoprotocol.vocab import (
    INTENSITY_ORDER,
    MODERATE_EQUIVALENT,
    OLDER_ADULT_AGE,
    Experience,
    Goal,
    Modality,
    Pattern,
)

# Light routines of a few holds, which follow a day's main session rather than carry its
# warm-up (`Scheduler._steady_leads`).
LIGHT_ROUTINES = (Modality.BALANCE, Modality.MOBILITY)
# a lifting form that only drops its extras: no lift has this many sets, so none is cut
# (`_mark_extras_forms`; coach review 19)
EXTRAS_FORM_SETS = 99
# a beginner's minimum dose and WHO's two strength days: two full-body days (n02's decision,
# coach review 4; COACHING.md §2: about 4 hard sets a week per group for beginners)
BEGINNER_DOSE_DAYS = 2

# Order in which modalities claim days: the most constrained first.
PLACEMENT_ORDER = (
    Modality.HIIT,
    Modality.RESISTANCE,
    Modality.ENDURANCE,
    Modality.BALANCE,
    Modality.MOBILITY,
    Modality.RECOVERY,
)


@dataclass
class Slotted:
    """One session placed on a day, before exercises are chosen."""

    modality: Modality
    intensity: str
    title: str
    focus: str
    optional: bool
    rules: list[str]
    split_day: SplitDay | None = None
    start_week: int = 1
    # the last week it is done: a steady session holding a day until a later one starts there
    end_week: int | None = None
    # the days a rule pinned it to (indexes Monday = 0), or None: any offered day
    pinned: tuple[int, ...] | None = None
    minutes: int = 0
    # a second session on a day follows the first without a warm-up of its own
    shares_warmup: bool = False
    # the day holds other required sessions: steady work on kit at a venue the person travels
    # to (a pool) needs the venue's least minutes (`venue_minutes`; coach review 18)
    beside_others: bool = False
    # False: its steady work takes no venue kit at all (a block some week shortens below the
    # venue's least minutes)
    venue_ok: bool = True
    # safety lowered its intensity class: loads come down to the new zone too
    lowered: bool = False
    # a steady session that grows into its day's spare minutes (`steady_grows_into_spare`):
    # its week-1 minutes (0: it joins the day in a later week, at `joins_with` minutes);
    # `minutes` is then the most it grows to
    grow_from: int | None = None
    joins_with: int = 0
    # a lifting session held to its smallest hard form for an aerobic first goal
    # (`lifting_exposure_sets`): (the fewest sets a lift goes down to, the minutes the form
    # must free for a steady block to follow it)
    exposure_form: tuple[int, int] | None = None
    # ... and, on a day too short for that form to free them, the minutes its main lifts
    # alone must free (`lifting_main_lifts`; coach review 16), or None: no such form
    main_lifts: int | None = None
    # ... but not below a strength day the day would otherwise be (`lifting_keeps_strength_days`:
    # a first goal whose dose is WHO's strength days as much as its aerobic minutes; coach
    # review 32, STRENGTH-DAYS-TRIMMED-FOR-SHORT-WALKS)
    keeps_strength_day: bool = False
    # what the plan says of where the session is: why an optional extra is on a day the
    # person did not offer (`Scheduler._say_why_away`; coach review 20)
    notes: list[str] = field(default_factory=list)
    # a vigorous steady session's tempo work in week 1, in minutes (`_vigorous_steady`):
    # the low end of the rules' `tempo_minutes`; its other minutes of work are moderate
    # (coach review 27, TEMPO-PAST-ITS-MINUTES). 0: all its work is at its own effort
    tempo: int = 0
    # its hinge slot and a heavy floor pull (a conventional or trap-bar deadlift; the
    # library's `floor_pull_tags`), set by `floor_pull_days`: True on the lifting session
    # that takes the week's pull where its hinge's best picks hold one, False on those kept
    # from it, None where the week has one session with a hinge slot and nothing rotates
    floor_pull: bool | None = None

    @property
    def hard(self) -> bool:
        return is_hard(self.modality, self.intensity)

    def muscles(self) -> set[str]:
        return {m.value for m in self.split_day.muscles} if self.split_day else set()


@dataclass
class Week:
    days: list[list[Slotted]] = field(default_factory=lambda: [[] for _ in WEEK])


def copy_week(week: Week) -> Week:
    """A trial copy of `week`: new lists and slots, the library's split days shared
    (read-only; deepcopy copied those pydantic models on every trial)."""
    return Week(days=[[replace(s, rules=list(s.rules)) for s in day] for day in week.days])


def _signature(sessions: list[Slotted]) -> list[tuple[object, ...]]:
    """What a day's sessions are, for telling two arrangements of a day apart."""
    return [
        (s.modality, s.title, s.intensity, s.minutes, s.optional, s.start_week, s.end_week)
        for s in sessions
    ]


def _day_types_in_turn(week: Week, split_days: list[SplitDay], optional: bool) -> None:
    """A split whose day types all train the same muscles (full body A and B) takes them in
    turn through the week in day order: A/B/A on Monday, Wednesday and Friday, B/A/B in the
    week that mirrors it (`progress._mirror`), never A/A/B then B/B/A, which put Full body B
    on three lifting days in a row and its heavy floor pull with it (COACHING.md §2 rotate
    emphasis; coach review 30, HEAVY-CONVENTIONAL-DEADLIFT-EVERY-LIFTING-DAY). Placement
    spreads the sessions apart in the order it takes them, so the second went to the day
    farthest from the first (Friday) and the third between them. The same muscles on every
    day type: swapping titles keeps every spacing the placement checked."""
    if len(split_days) < 2 or len({frozenset(d.muscles) for d in split_days}) != 1:
        return
    titles = {d.title for d in split_days}
    held = [
        s
        for day in week.days
        for s in day
        if s.modality is Modality.RESISTANCE and s.optional == optional and s.title in titles
    ]
    for index, s in enumerate(held):
        turn = split_days[index % len(split_days)]
        s.split_day, s.title, s.focus = turn, turn.title, turn.focus


def floor_pull_days(week: Week, block_weeks: int, most: int) -> None:
    """Mark the lifting sessions whose hinge slot may take a heavy floor pull (`floor_pull`):
    at most `most` of a week's required lifting sessions (the library's
    `floor_pulls_a_week`), and never two in a row, the week wrapping into the next, whichever
    way the block's weeks follow one another. A week is this one or the one that swaps its
    day types (`progress._mirror`: Full body B/A/B after A/B/A, each swapped session a copy
    of the first of its type), and a deload repeats the week before it, so any of those
    weeks may follow any other; a session that starts or stops within the block is in the
    weeks it is done. Of the sessions with a hinge slot, the choice puts a floor pull in as
    many of those weeks as it can, then in the earliest sessions: on Monday, Wednesday and
    Friday that is Monday's Full body A, whose copy is Wednesday's in the swapped week
    (Full body B, next to both A days, never takes one). COACHING.md §1-2 (each pattern its
    best candidate across an A/B rotation; rotate emphasis); coach review 30,
    HEAVY-CONVENTIONAL-DEADLIFT-EVERY-LIFTING-DAY: a conventional deadlift on all three
    days of every other week."""
    lifts = [
        (index, s)
        for index, day in enumerate(week.days)
        for s in day
        if s.modality is Modality.RESISTANCE and not s.optional
    ]
    for _, s in lifts:
        s.floor_pull = None
    hinged = [
        k
        for k, (_, s) in enumerate(lifts)
        if s.split_day is not None and any(x.pattern is Pattern.HINGE for x in s.split_day.slots)
    ]
    if len(hinged) < 2:
        # one session with a hinge slot: its picks are its own, a floor pull neither sought
        # nor kept from it (an 83-year-old's one full-body day kept her Romanian deadlift,
        # not a trap-bar deadlift the rotation had preferred)
        return
    for _, s in lifts:
        s.floor_pull = False
    # the swapped week (`progress._mirror`): two day types used unequally, each session that
    # runs to the block's end taking the first session of the other type
    kept = [k for k, (_, s) in enumerate(lifts) if s.end_week is None]
    titles = list(dict.fromkeys(lifts[k][1].title for k in kept))
    image: dict[int, int] = {}
    counts = [sum(1 for k in kept if lifts[k][1].title == t) for t in titles]
    if len(titles) == 2 and counts[0] != counts[1]:
        first = {t: next(k for k in kept if lifts[k][1].title == t) for t in titles}
        image = {k: first[titles[1] if lifts[k][1].title == titles[0] else titles[0]] for k in kept}
    layouts: set[tuple[tuple[int, int], ...]] = set()
    for number in range(1, block_weeks + 1):
        done = [
            k
            for k, (_, s) in enumerate(lifts)
            if s.start_week <= number and (s.end_week is None or number <= s.end_week)
        ]
        layouts.add(tuple((lifts[k][0], k) for k in done))
        if image:
            layouts.add(tuple((lifts[k][0], image.get(k, k)) for k in done))

    def valid(chosen: set[int]) -> bool:
        for layout in layouts:
            held = [(day, k in chosen) for day, k in layout]
            if sum(h for _, h in held) > most:
                return False
            if any(a and b for (_, a), (_, b) in pairwise(held)):
                return False
            for after in layouts:
                # the last session of one week and the first of the next: in a row when
                # less than a week apart
                if (
                    held
                    and after
                    and held[-1][1]
                    and after[0][1] in chosen
                    and after[0][0] < held[-1][0]
                ):
                    return False
        return True

    best: set[int] = set()
    score: tuple[int, ...] = (0,)
    for size in range(1, len(hinged) + 1):
        for chosen in combinations(hinged, size):
            picked = set(chosen)
            found = (sum(1 for layout in layouts if any(k in picked for _, k in layout)),)
            if found > score and valid(picked):
                best, score = picked, found
    for k in best:
        lifts[k][1].floor_pull = True


def circular(a: int, b: int) -> int:
    """Days between two weekdays (0-6) around the week's wrap: 0-3."""
    return _CIRCULAR[a % 7][b % 7]


_CIRCULAR = [[min(abs(a - b) % 7, 7 - abs(a - b) % 7) for b in range(7)] for a in range(7)]


def longest_idle(active: Sequence[bool]) -> int:
    """The most days in a row, around the week's wrap, with `active` False (the seven days
    Monday first); 7 when no day is active."""
    if not any(active):
        return 7
    longest = run = 0
    for k in range(2 * len(active)):
        run = 0 if active[k % len(active)] else run + 1
        longest = max(longest, run)
    return longest


class Scheduler:
    def __init__(
        self,
        outcome: Decisions,
        profile: Profile,
        library: Library,
        unavailable: dict[Modality, str] | None = None,
        *,
        vigorous_steady: bool = True,
        build_up: BuildUp | None = None,
        block_weeks: int = 4,
        split_keep: frozenset[str] = frozenset(),
        keep_lifting_days: bool = False,
        keep_backbone_days: bool = False,
    ) -> None:
        """`unavailable`: modalities no exercise can fill for this person, and why; their
        requests are reported as shortfalls and their days go to other work.
        `vigorous_steady`: whether the person has steady cardio that can reach a vigorous
        effort (`SessionBuilder.vigorous_steady_possible`); without it no steady session
        is marked vigorous. `build_up`: the steady build-up of a person not yet active (the
        block's progression applies it), and `block_weeks` the block's length: a lifting day
        that gives way to the aerobic-first backbone does so from a week within them.
        `keep_lifting_days`: a muscle- or strength-first goal's lifting day (a guideline
        with `lifting_reserves_growth`) does not give way to the aerobic minutes - the week
        tried when the one that gave way may leave its kept lifting days' minutes idle
        (`build_plan`, coach review 18). `keep_backbone_days`: no lifting day gives way to the
        aerobic-first backbone's second steady session (`_backbone`) - the week tried when
        the walks beside the lifting may grow without it (`build_plan`, coach review 42)."""
        self.outcome = outcome
        self.unavailable = unavailable or {}
        self.vigorous_steady = vigorous_steady
        self.profile = profile
        self.library = library
        self.training = [WEEK.index(d) for d in profile.training_days()]
        self.budget = profile.minutes_per_session
        self.week = Week()
        self.shortfalls: list[Shortfall] = []
        self.squeeze = False
        self.lifting_cap: int | None = None  # fewer lifting days, when they give way
        # what the planner changed to reach a guideline, and the guideline's rule
        self.adjusted: list[Removal] = []
        self.build_up = build_up
        self.block_weeks = block_weeks
        # upper/lower days may shorten past the first goal's dose (`split_days_past_dose`),
        # except the halves of the body ("upper", "lower") whose built lifts would then fall
        # under it; when they did, the dose they must still give (checked in build.py)
        self.split_keep = split_keep
        self.keep_lifting_days = keep_lifting_days
        self.keep_backbone_days = keep_backbone_days
        # how many lifting days of a muscle- or strength-first goal gave way to the
        # aerobic minutes (`run`)
        self.lifting_days_given: int = 0
        self.split_dose: int | None = None
        # the week a lifting day gives way to the backbone's second steady session, and the
        # guideline's rule (`lifting_yields_to_backbone`); None when it does not
        self.backbone: tuple[int, str] | None = None
        # days whose lifting is held to a smallest form: the least steady block after it
        # there (`lifting_exposure_walk_minutes`), read when the block is added (`refill`)
        self.joined_least: dict[int, int] = {}
        # days whose lifting drops its extras for a walk (`_mark_extras_forms`; coach review 19)
        self.extras_days: set[int] = set()
        # the optional walks that keep days without activity within a rule's limit
        # (`_ensure_activity_gaps`): where they go is the rule's
        self._gap_walks: list[Slotted] = []
        # ... of them, the backbone's days (`_backbone`): the last week of their lifting,
        # which the block after it ends with
        self.joined_until: dict[int, int] = {}
        self._edge_minutes: dict[Modality, int] = {}  # the outcome is read-only here
        self._shortest: dict[Modality, float] = {}
        self._gaps: dict[tuple[str, str], int] = {}
        self._steady_lead = True  # `steady_first` while the days hold walk and lifting
        # while a week is tried again for lifting spaced 48 h apart (`run`): lifting may go
        # the day before intervals, and is placed before them
        self._lifting_before_intervals = False
        self._lifting_leads = False

    @property
    def steady_first(self) -> bool:
        """Whether steady work takes each offered day first and lifting follows it there
        (an aerobic guideline's `steady_first`: pregnancy, COACHING.md §4), unless the
        days cannot hold a walk and the short strength session together (`run`)."""
        return self._steady_lead and any(
            t.steady_first for t, _ in self.outcome.guidelines.values()
        )

    @property
    def order(self) -> tuple[Modality, ...]:
        """The order modalities claim days (`PLACEMENT_ORDER`), steady work before lifting
        when it comes first."""
        if not self.steady_first:
            return PLACEMENT_ORDER
        rest = [m for m in PLACEMENT_ORDER if m is not Modality.ENDURANCE]
        at = rest.index(Modality.RESISTANCE)
        return (*rest[:at], Modality.ENDURANCE, *rest[at:])

    @cached_property
    def scheme(self) -> Scheme:
        """The progression decisions, read once (the growth and the long session's wave)."""
        return Scheme.from_outcome(self.outcome)

    def _copy_week(self) -> Week:
        """A trial copy of the week (`copy_week`)."""
        return copy_week(self.week)

    # -- requirements ------------------------------------------------------------------------
    def _gap_days(self, kind: str, scope: str = "") -> int:
        # asked for on every placement check, like the edges: it depends only on the rules
        known = self._gaps.get((kind, scope))
        if known is None:
            found = self.outcome.requirement(kind, scope)
            # hours -> whole days, rounded up
            known = self._gaps[(kind, scope)] = 0 if found is None else -(-found[0] // 24)
        return known

    def _edges(self, modality: Modality) -> int:
        # asked for on every placement check; the answer depends only on the decisions
        if modality not in self._edge_minutes:
            self._edge_minutes[modality] = self.outcome.warmup_and_cooldown(modality.value)[0]
        return self._edge_minutes[modality]

    def _min_minutes(self, modality: Modality) -> int:
        """The shortest useful session: the rules' `minutes` minimum, the length of the HIIT
        protocol the rules chose, or warm-up and cool-down plus the library's least work."""
        floor = self._edges(modality) + self.library.design.timing.min_work_minutes.get(
            modality, 10
        )
        if modality is Modality.HIIT:
            values = [
                self.outcome.param("hiit", "any", n)
                for n in ("work_seconds", "rest_seconds", "rounds")
            ]
            if all(v is not None and v.value.max is not None for v in values):
                work, rest, rounds = (v.value for v in values if v is not None)
                protocol = (rounds.min or 1) * ((work.max or 0) + (rest.max or 0)) / 60
                floor = self._edges(modality) + math.ceil(protocol)
        point = self.outcome.param(modality.value, "any", "minutes")
        if point is not None and point.value.min is not None:
            floor = max(floor, int(point.value.min))
        limit, _ = self.outcome.limit(modality.value, "any", "minutes")
        if limit is not None and limit.min is not None:
            floor = max(floor, int(limit.min))
        return min(floor, self.budget)

    def _extra_minutes(self, modality: Modality) -> int:
        """The least time a session needs when it follows another one (no warm-up of its own)."""
        work = self.library.design.timing.min_work_minutes.get(modality, 10)
        point = self.outcome.param(modality.value, "any", "minutes")
        if (
            self.steady_first
            and modality is Modality.RESISTANCE
            and point is not None
            and point.value.min is not None
            and point.value.max is not None
            and point.value.max < work
        ):
            # the rules' own short form after a walk (pregnancy's short strength session)
            return int(point.value.min)
        return max(work, self._min_minutes(modality) - self._edges(modality))

    def _joined_least(self, day: int, modality: Modality) -> int:
        """The least minutes a session of `modality` needs after another on `day`: a steady
        block after a lifting day held to its smallest form may be shorter than the
        library's least steady work (`joined_least`; WHO 2020 counts bouts of any length)."""
        if modality is Modality.ENDURANCE and day in self.joined_least:
            return self.joined_least[day]
        return self._extra_minutes(modality)

    def _least_beside(self, day: int, modality: Modality) -> int:
        """The least minutes of a required session of `modality` beside another on `day`
        (`_joined_least`), or, for a steady block beside the short strength session of a
        pack that puts steady work first, the guideline's few brisk minutes
        (`steady_first_walk_minutes`): also after it, on a day too short for the walk to
        lead it (coach review 20). Optional extras keep `_joined_least`: they never take a
        required session's minutes."""
        least = self._joined_least(day, modality)
        walk = self._steady_first_walk()
        if (
            modality is Modality.ENDURANCE
            and walk is not None
            and any(
                o.modality is Modality.RESISTANCE and not o.optional for o in self.week.days[day]
            )
        ):
            return min(least, walk)
        return least

    def _floor(self, s: Slotted) -> int:
        if s.shares_warmup:
            return self._extra_minutes(s.modality)
        if self.squeeze:
            # a requirement may shorten a day's main session down to its smallest form
            return min(self._min_minutes(s.modality), math.ceil(self.shortest(s.modality)))
        return self._min_minutes(s.modality)

    def _floor_before(self, o: Slotted, joining: Slotted) -> int:
        """The least minutes `o`, already on a day, keeps when `joining` follows it there:
        its own floor (`_floor`), except a required steady session leading a day the short
        strength session joins with steady work first (`steady_first_walk_minutes`): its
        warm-up, cool-down and those few brisk minutes (coach review 20,
        PREGNANCY-STRENGTH-CROWDS-OUT-AEROBIC: a day too short for the library's least walk
        and the strength session together keeps the walk first, shorter, rather than give
        the day to the strength alone)."""
        floor = self._floor(o)
        least = self._steady_first_walk()
        if (
            least is not None
            and self.steady_first
            and joining.modality is Modality.RESISTANCE
            and not joining.optional
            and o.modality is Modality.ENDURANCE
            and not o.optional
            and not o.shares_warmup
        ):
            return min(floor, self._edges(o.modality) + least)
        return floor

    def _walk_room(self) -> list[tuple[list[Slotted], Slotted, int]]:
        """Where a pack puts steady work first and allows a few brisk minutes beside the short
        strength session (`steady_first_walk_minutes`) but the days are too short for the walk
        to lead it (lifting was placed first, `run`): a day holding that session alone, too
        short for it as its slots time it and a walk after,
        gives the session the day less the walk where its slots' sets still fit at the short
        end of their rests, so the aerobic fill may join a walk after it (COACHING.md §2,
        time is honest: shorter rests before fewer sets; §4, aerobic minutes first in
        pregnancy; coach review 30's knock-on: a pregnant woman's 24-minute body-weight day
        lost its walk when her short strength session gained its row). Returns the sessions
        shortened with the minutes they had, to give back where no walk joined."""
        walk = self._steady_first_walk()
        if walk is None:
            return []
        room: list[tuple[list[Slotted], Slotted, int]] = []
        for sessions in self.week.days:
            required = [s for s in sessions if not s.optional]
            if len(required) != 1 or required[0].modality is not Modality.RESISTANCE:
                continue
            lift = required[0]
            least = self._lifting_minutes(lift, short_rests=True)
            if lift.minutes > self.budget - walk >= least:
                room.append((sessions, lift, lift.minutes))
                lift.minutes = self.budget - walk
        return room

    def _steady_first_walk(self) -> int | None:
        """The least brisk minutes of a walk that leads a day the short strength session
        follows (an aerobic guideline's `steady_first_walk_minutes`), or None."""
        return min(
            (
                t.steady_first_walk_minutes
                for t, _ in self.outcome.guidelines.values()
                if t.steady_first and t.steady_first_walk_minutes is not None
            ),
            default=None,
        )

    def longest_steady(self) -> int:
        """The longest a required steady session is made (the rules' minutes, within a day)."""
        return self._target_minutes(Modality.ENDURANCE)

    def longest_while_short(self) -> int:
        """The longest a required moderate steady session is made while the week is short of
        an aerobic guideline: the rules' `stretch_minutes` top (within a day and every limit on
        steady minutes), never below the rules' longest (`longest_steady`)."""
        longest = self._target_minutes(Modality.ENDURANCE)
        point = self.outcome.param(Modality.ENDURANCE.value, "any", "stretch_minutes")
        if point is None or point.value.max is None:
            return longest
        top = min(int(point.value.max), self.budget)
        limit, _ = self.outcome.limit(Modality.ENDURANCE.value, "any", "minutes")
        if limit is not None and limit.max is not None:
            top = min(top, int(limit.max))
        return max(top, longest)

    def _stretch_steady(self) -> None:
        """Coach review 40, STEADY-CAP-LEAVES-WHO-SHORT (COACHING.md §2: the WHO minimums come
        before more for the first goal; WHO 2020 counts the week's total): a week still short
        of an aerobic guideline once every block, free day and shortened lifting day was
        tried lengthens its required moderate steady sessions past the rules' longest, up to
        `longest_while_short`, a minute at a time to the shortest of those with a minute free
        on its day, by no more than the week still needs. Three 75-minute days whose two
        lifting days are full and whose free day's walk stopped at 60 with 15 minutes left
        (139 of 150) get a 71-minute walk; two days of 150 get 75 + 75.

        Only for a person building up (not yet active), whose build-up grows each steady
        session toward its length here: a person already active has the built week's free
        minutes taken by `walks_take_free_minutes`, up to the same length, on the lifting as
        built (here, sized to its slots, the stretch moved a lifting day's minutes and a
        later week's added set landed on a load step).

        Never the reason a lifting day gives way: not in a muscle- or strength-first week
        that gave one to the aerobic minutes, nor in the week with every lifting day kept
        that `build_plan` then compares it with (`keep_lifting_days`), both at the rules'
        longest. Stretched there, a freed day's walk won the comparison for the week that
        gave way, or the kept week's one long walk set its build-up's pace and its walks
        after lifting grew slower (audit seed 3: a 6-day strength-first week gave Wednesday
        up, its lifting days leaving 90 minutes idle)."""
        if (
            self.build_up is None
            or self._aerobic_held()
            or self.lifting_days_given
            or self.keep_lifting_days
        ):
            return
        most = self.longest_while_short()
        bars = [
            t.bar
            for t, _ in self.outcome.guidelines.values()
            if t.fill_with is Modality.ENDURANCE
            and t.measure == "moderate_equivalent_aerobic_minutes"
        ]
        if not bars or most <= self._target_minutes(Modality.ENDURANCE):
            return
        need = math.ceil(max(bars) - self._aerobic_value() - 1e-9)
        walks = [
            (sessions, s)
            for sessions in self.week.days
            for s in sessions
            if s.modality is Modality.ENDURANCE and not s.optional and s.intensity == "moderate"
        ]
        while need > 0:
            open_ = [
                (sessions, s)
                for sessions, s in walks
                if s.minutes < most and sum(o.minutes for o in sessions) < self.budget
            ]
            if not open_:
                return
            _, s = min(open_, key=lambda w: w[1].minutes)
            s.minutes += 1
            need -= 1

    def _target_minutes(self, modality: Modality) -> int:
        point = self.outcome.param(modality.value, "any", "minutes")
        target = self.budget
        if point is not None and point.value.max is not None:
            target = min(int(point.value.max), self.budget)
        limit, _ = self.outcome.limit(modality.value, "any", "minutes")
        if limit is not None and limit.max is not None:
            target = min(target, int(limit.max))
        return max(target, self._min_minutes(modality))

    # -- checks -----------------------------------------------------------------------------
    def shortest(self, modality: Modality) -> float:
        """Minutes of the smallest session the rules allow: warm-up, cool-down and one exercise
        at the low end of its prescription (for lifting: a compound lift's sets, reps, rests)."""
        known = self._shortest.get(modality)
        if known is None:
            work = 1.0
            if modality is Modality.RESISTANCE:
                work = self._slot_seconds("compound") / 60
            known = self._shortest[modality] = self._edges(modality) + work
        return known

    def fits(self, day: int, s: Slotted, *, sized: bool = False) -> bool:
        """Whether `s` may go on `day`. With `sized` (while the aerobic target is filled), a
        day's room is what its sessions' own minutes leave, not each modality's generic
        shortest session."""
        days = self.week.days
        here = days[day]
        if self.shortest(s.modality) > self.budget:
            return False
        if not s.optional and day not in self.training:
            return False
        if any(o.modality is s.modality for o in here):
            return False
        if s.hard and any(o.hard for o in here):
            return False
        if here:
            used = sum(o.minutes if sized and o.minutes else self._floor_before(o, s) for o in here)
            least = (
                self._joined_least(day, s.modality)
                if s.optional
                else self._least_beside(day, s.modality)
            )
            if used + least > self.budget:
                return False
        # the spacing from the same modality's required sessions (and, for lifting, from a
        # lifting day that trains the same muscles); the invariants of the loop read once
        gap = 0 if s.optional else self._gap_days("hours_between", s.modality.value)
        lifting = s.modality is Modality.RESISTANCE
        muscle_gap = self._gap_days("hours_between_same_muscle") if lifting else 0
        if gap > 1 or muscle_gap > 1:
            mine: set[str] | None = None
            for other in range(7):
                if other == day:
                    continue
                dist = circular(day, other)
                if dist >= gap and dist >= muscle_gap:
                    continue
                for o in days[other]:
                    if o.modality is not s.modality:
                        continue
                    if not o.optional and dist < gap:
                        return False
                    if lifting and dist < muscle_gap:
                        if mine is None:
                            mine = s.muscles()
                        if mine & o.muscles():
                            return False
        # A day that must stay light (after intervals, when a rule asks) holds nothing above
        # light, optional extras included (COACHING.md §2).
        above_light = INTENSITY_ORDER[s.intensity] > INTENSITY_ORDER["light"]
        if above_light:
            before = days[(day - 1) % 7]
            if any(
                o.hard and self.outcome.requirement("light_day_after", o.modality.value)
                for o in before
            ):
                return False
        if s.hard and self.outcome.requirement("light_day_after", s.modality.value):
            after = days[(day + 1) % 7]
            if any(INTENSITY_ORDER[o.intensity] > INTENSITY_ORDER["light"] for o in after):
                return False
        if s.hard and not (self._lifting_before_intervals and s.modality is Modality.RESISTANCE):
            # and intervals that need a light day after them come fresh: no hard day before
            # (unless only that lets lifting give every muscle two days 48 h apart)
            after = days[(day + 1) % 7]
            if any(
                o.hard and self.outcome.requirement("light_day_after", o.modality.value)
                for o in after
            ):
                return False
        is_rest_day = all(INTENSITY_ORDER[o.intensity] <= INTENSITY_ORDER["light"] for o in here)
        if INTENSITY_ORDER[s.intensity] > INTENSITY_ORDER["light"] and is_rest_day:
            need = self.outcome.requirement("rest_days")
            if need is not None and self._rest_days() - 1 < need[0]:
                return False
        return True

    def _rest_days(self) -> int:
        """Days of the week with nothing above light (asked on most placement checks)."""
        light = INTENSITY_ORDER["light"]
        count = 0
        for sessions in self.week.days:
            for s in sessions:
                if INTENSITY_ORDER[s.intensity] > light:
                    break
            else:
                count += 1
        return count

    # -- placement --------------------------------------------------------------------------
    def place(
        self,
        s: Slotted,
        *,
        earliest: bool = False,
        first_day: int = 0,
        join: frozenset[int] = frozenset(),
    ) -> bool:
        """Put a session on the best day that fits: spread out, alone if possible, earliest
        (or, with `earliest`, simply the first day that fits from weekday `first_day` on, the
        week wrapping: consecutive-day blocks rotate a split's days in order). Days in `join`
        come first: a short extra shares the warm-up of a session already there and leaves
        other days whole for other work."""
        same = [d for d in range(7) for o in self.week.days[d] if o.modality is s.modality]
        # Optional light activity goes to free days first, so it never crowds a main session:
        # an offered day left free before any day not offered (COACHING.md §2, sessions go on
        # the days offered; coach review 20, OFFERED-DAY-EMPTY-EXTRAS-ELSEWHERE), then the
        # days not offered, then beside a main session.
        order = (
            [d for d in range(7) if d not in self.training] + self.training
            if s.optional
            else self.training
        )
        offered_free = (
            frozenset(d for d in self.training if self._optional_room(d, s))
            if s.optional
            else frozenset()
        )
        if s.pinned is not None:
            order = [d for d in order if d in s.pinned]
        if earliest and first_day:
            # a block that wraps the week (Sunday, Monday, Tuesday) is begun at its start
            k = next((i for i, d in enumerate(order) if d >= first_day), 0)
            order = order[k:] + order[:k]
        # A session that needs a light day after it (intervals) goes, when it can, before a
        # day the person did not offer: that day rests anyway, so no offered day is lost.
        needs_light_after = s.hard and bool(
            self.outcome.requirement("light_day_after", s.modality.value)
        )
        if self.steady_first and s.modality is Modality.RESISTANCE and not s.optional:
            # lifting follows a walk: the days that hold one come first
            join = frozenset(
                d
                for d in self.training
                if any(
                    o.modality is Modality.ENDURANCE and not o.optional for o in self.week.days[d]
                )
            )
        best: tuple[tuple[int, int, int, int, int, int], int] | None = None
        for day in order:
            if not self.fits(day, s):
                continue
            spread = min((circular(day, d) for d in same), default=7)
            costs_a_day = int(needs_light_after and (day + 1) % 7 in self.training)
            here = len(self.week.days[day])
            score = (
                (0, 0, 0, 0, 0, order.index(day))
                if earliest
                else (
                    costs_a_day,
                    int(day not in join),
                    int(day not in offered_free),
                    here,
                    -spread,
                    order.index(day),
                )
            )
            if best is None or score < best[0]:
                best = (score, day)
        if best is None:
            return False
        s.shares_warmup = bool(self.week.days[best[1]])
        self.week.days[best[1]].append(s)
        return True

    def _optional_size(self, s: Slotted) -> int:
        """The minutes an optional extra is given on a day of its own (`_size_optional`)."""
        cap = self.library.design.optional_minutes.get(s.modality, 0)
        return min(self._target_minutes(s.modality), cap, self.budget)

    def _optional_room(self, day: int, s: Slotted) -> bool:
        """Whether `day` is an offered day that holds no required session and still has the
        minutes for the whole of optional `s` after the extras already there, as
        `_size_optional` will size them (coach review 20, OFFERED-DAY-EMPTY-EXTRAS-ELSEWHERE:
        such a day takes the optional extras before any day not offered; an extra that
        would be cut short there goes to a free day instead)."""
        here = self.week.days[day]
        if day not in self.training or any(not o.optional for o in here):
            return False
        used = sum(self._optional_size(o) for o in here)
        return used + self._optional_size(s) <= self.budget

    def run(self) -> Week:
        """Required sessions first, then what the requirements add, then optional extras."""

        def order_key(kv: tuple[tuple[Modality, bool], SessionDecision]) -> tuple[object, ...]:
            # sessions a rule pinned to days are the most constrained of all: placed first
            rank = self.order.index(kv[0][0])
            if self._lifting_leads and kv[0][0] is Modality.RESISTANCE:
                rank = -1  # lifting takes its spaced days before the intervals
            return (kv[1].request.days is None, rank, kv[1].rank)

        decisions = sorted(
            (kv for kv in self.outcome.sessions.items() if kv[0][0] not in self.unavailable),
            key=order_key,
        )
        dropped = [
            Shortfall(f"the {m.value} sessions", self.unavailable[m], sorted(d.rules))
            for (m, optional), d in self.outcome.sessions.items()
            if m in self.unavailable and not optional
        ]

        def late(modality: Modality) -> bool:
            start = self.outcome.param(modality.value, "any", "start_week")
            return start is not None and int(start.value) > 1

        def required(lifting_cap: int | None) -> tuple[Week, list[Shortfall]]:
            """The required sessions; when the intervals' days leave lifting with a muscle on
            one day a week (two adjacent days, upper/lower), the week is tried again, first
            with lifting allowed the day before the intervals, then with lifting placed
            before them, and the first trial kept in which every muscle has two days and no
            session (`_sessions_of`) is lost (COACHING.md §2, spacing beats frequency; the
            intervals keep their own rules; coach review 10, ADJACENT-SPLIT-ONCE)."""
            week, shortfalls = placed(lifting_cap)
            if not self._lifting_once_avoidable():
                return week, shortfalls
            counts = {m: self._sessions_of(m) for m in Modality}
            split_dose = self.split_dose
            for before, leads in ((True, False), (True, True)):
                self._lifting_before_intervals, self._lifting_leads = before, leads
                decisions.sort(key=order_key)
                try:
                    trial, trial_short = placed(lifting_cap)
                finally:
                    self._lifting_before_intervals = self._lifting_leads = False
                    decisions.sort(key=order_key)
                if (
                    self._coverage(trial) >= 2
                    and all(self._sessions_of(m) >= n for m, n in counts.items())
                    and len(trial_short) <= len(shortfalls)
                ):
                    return trial, trial_short
            self.week, self.shortfalls, self.split_dose = week, shortfalls, split_dose
            return week, shortfalls

        def placed(lifting_cap: int | None) -> tuple[Week, list[Shortfall]]:
            self.week, self.shortfalls, self.lifting_cap = Week(), list(dropped), lifting_cap
            wanted = [(key, decision) for key, decision in decisions if not key[1]]
            # Sessions that start after base-building weeks go after the others, so that in
            # the base weeks they do not squeeze a session they would share a day with.
            for (modality, optional), decision in wanted:
                if not late(modality):
                    self._place_request(modality, optional, decision)
            for (modality, optional), decision in wanted:
                if late(modality):
                    self._place_request(modality, optional, decision)
            asked = min((d.per_week for (m, _), d in wanted if m is Modality.RESISTANCE), default=0)
            if lifting_cap is not None:
                asked = min(asked, lifting_cap)
            if self.steady_first and self._count(Modality.RESISTANCE) < asked:
                # the days cannot hold a walk and the short strength session together (a
                # day too short for both): lifting is placed first, as for everyone else
                self._steady_lead = False
                decisions.sort(key=order_key)
                return placed(lifting_cap)
            self._ensure_days_with()
            self._share_minutes()
            room = self._walk_room()
            self._fill_guidelines()
            if self._lift_to_free_days():
                self._fill_guidelines()
            self._routines_join_walks()
            self._steady_leads()
            for sessions, lift, minutes in room:
                if not any(o.modality is Modality.ENDURANCE and not o.optional for o in sessions):
                    lift.minutes = minutes  # no walk joined it: the session keeps its time
            return self.week, self.shortfalls

        week, shortfalls = required(None)
        # COACHING.md §2: the WHO minimums come before extra lifting days for goals that are
        # not lifting; a lifting day beyond the guideline's floor gives way when that gets
        # the aerobic target met, or closer to it - or, spacing beating frequency, when with
        # one day fewer every muscle group is trained on two days of the week.
        for target, rule in self.outcome.guidelines.values():
            keep = target.lifting_yields_above
            if keep is None or target.measure != "moderate_equivalent_aerobic_minutes":
                continue
            # Below the guideline's floor a lifting day still gives way, down to WHO's two,
            # when only that lets every group be trained on two days 48 h apart (three
            # back-to-back days: the first and the last are the only such pair).
            while self._count(Modality.RESISTANCE) > min(keep, 2):
                count = self._count(Modality.RESISTANCE)
                before, cover = self._aerobic_value(), self._coverage(week)
                short, thin = before < target.bar and count > keep, cover < 2
                if not short and not thin:
                    break
                trial_week, trial_short = required(count - 1)
                after, trial_cover = self._aerobic_value(), self._coverage(trial_week)
                # a lifting-first goal's lifting day gives way to aerobic minutes only for a
                # week of one kind (full body A/B/A, or upper/lower): Upper/Lower/Full body
                # in place of Upper/Lower/Upper/Lower would cut the first goal's weekly sets
                # (the gym example's chest from 9 hard sets to 6)
                same_shape = not (
                    target.lifting_reserves_growth
                    and self._mixed(trial_week)
                    and not self._mixed(week)
                )
                # ... and not while the caller keeps its lifting days (the week built with
                # them may hold the minutes after its lifting: `build_plan`)
                kept = target.lifting_reserves_growth and self.keep_lifting_days
                if (
                    short
                    and after > before
                    and trial_cover >= min(cover, 2)
                    and same_shape
                    and not kept
                ):
                    why = f"toward the guideline's {target.bar} aerobic minutes a week"
                    self.lifting_days_given += bool(target.lifting_reserves_growth)
                elif (
                    thin
                    and trial_cover > cover
                    and (after >= min(before, target.bar) if count > keep else trial_cover >= 2)
                    # a muscle- or strength-first goal keeps its lifting days asked for,
                    # rotating emphasis where 48 h allow it (Upper/Lower/Upper on three
                    # back-to-back days, mirrored the next week: COACHING.md §2; coach
                    # review 30, CONSECUTIVE-DAYS-LOSE-A-LIFTING-DAY)
                    and not (
                        target.lifting_reserves_growth
                        and count <= keep
                        and self._gap_days("hours_between_same_muscle") <= 2
                    )
                ):
                    why = "so that every muscle group is trained on two days of the week"
                else:
                    break
                week, shortfalls = trial_week, trial_short
                self.adjusted.append(
                    Removal(f"a lifting day gave way to other work, {why}", rule.full_id)
                )
            # COACHING.md §2: a first goal built on aerobic work is never crowded out by
            # lifting. A week left without any required aerobic work (two short days both
            # lifted) gives a lifting day to it, below WHO's two strength days if need be:
            # the first goal's dose comes before the WHO minimums.
            self.week = week
            lifts = self._count(Modality.RESISTANCE)
            lifting = self.outcome.sessions.get((Modality.RESISTANCE, False))
            # strength days a safety rule asks for (falls prevention, osteoporosis) stay
            floor = max(lifting.safety_per_week if lifting else 0, 1)
            if target.lifting_yields_to_first_goal and lifts > floor and self._aerobic_value() <= 0:
                trial_week, trial_short = required(lifts - 1)
                if self._aerobic_value() > 0:
                    week, shortfalls = trial_week, trial_short
                    # (a pack that puts steady work first does so whatever the goals:
                    # pregnancy's aerobic minutes, coach review 20)
                    whose = (
                        "a steady session, which the days would otherwise leave out: the "
                        "aerobic minutes come first"
                        if target.steady_first
                        else "the first goal's aerobic session, which the days would "
                        "otherwise leave out"
                    )
                    self.adjusted.append(
                        Removal(f"a lifting day gave way to {whose}", rule.full_id)
                    )
            if target.lifting_yields_to_backbone and lifts > floor and not self.keep_backbone_days:
                week = self._backbone(week, lambda cap: required(cap)[0], lifts - 1, rule.full_id)
            self.week, self.shortfalls, self.lifting_cap = week, shortfalls, None
        # the week as chosen (its lifting days kept or given way by the minutes the rules'
        # longest steady sessions reach): a week still short lengthens them past it
        self._stretch_steady()
        for (modality, optional), decision in decisions:
            if optional:
                self._place_request(modality, optional, decision)
        self._ensure_activity_gaps()
        self._grow_room()
        self._offered_days_first()
        self._easy_walks_on_light_days()
        self._size_optional()
        self._say_why_away()
        self._mark_exposure_forms()
        return self.week

    def _lifting_once_avoidable(self) -> bool:
        """Whether the week's required lifting (two or more days) leaves a muscle on one day
        while intervals, placed first, hold an offered day: placed first, lifting may take
        days 48 h apart (steady work first, as in pregnancy, keeps its own order)."""
        return (
            not self.steady_first
            and self._count(Modality.RESISTANCE) >= 2
            and self._count(Modality.HIIT) >= 1
            and self._coverage(self.week) < 2
        )

    def _sessions_of(self, modality: Modality) -> int:
        """Required sessions of `modality` with a warm-up of their own: a steady block after
        lifting is the aerobic guideline's filling, counted in its minutes, not a session."""
        return sum(
            1
            for d in self.week.days
            for s in d
            if s.modality is modality and not s.optional and not s.shares_warmup
        )

    def _lift_to_free_days(self) -> bool:
        """With steady work first (pregnancy), an offered day the steady sessions could not
        take (their weekly cap reached) is not left empty while a lifting session follows a
        walk elsewhere: the lifting moves there, alone, and the walk it followed keeps the
        day's minutes. Returns whether any moved."""
        if not self.steady_first or not self._aerobic_short():
            return False
        cap = self.outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
        if cap is None or self._count(Modality.ENDURANCE) < cap[0]:
            return False  # a free day left is one the aerobic minutes do not need
        moved = False
        for day in self.training:
            if any(not o.optional for o in self.week.days[day]):
                continue
            for other in self.training:
                here = self.week.days[other]
                lifts = [o for o in here if o.modality is Modality.RESISTANCE and not o.optional]
                if not lifts or not any(
                    o.modality is Modality.ENDURANCE and not o.optional for o in here
                ):
                    continue
                lift = lifts[0]
                here.remove(lift)
                alone = replace(lift, shares_warmup=False, rules=list(lift.rules))
                if self.fits(day, alone):
                    alone.minutes = min(
                        self.budget,
                        max(self._lifting_minutes(alone), math.ceil(self.shortest(alone.modality))),
                    )
                    self.week.days[day].append(alone)
                    moved = True
                    break
                here.append(lift)
        return moved

    def _mark_exposure_forms(self) -> None:
        """Coach review 5, AEROBIC-GOAL-CROWDED (COACHING.md §2: the first goal's aerobic
        dose before more lifting): while an aerobic guideline with `lifting_exposure_sets`
        is short, each offered day's lifting session without steady work after it is marked
        to be built at its smallest hard form (every group it trains keeps a hard
        exposure) when the minutes that frees hold the library's least steady block, which
        then joins it (`refill`)."""
        if self._aerobic_held():
            return
        cap = self.outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
        count = self._count(Modality.ENDURANCE)
        found = [
            (
                t.lifting_exposure_sets,
                t.bar,
                t.lifting_exposure_walk_minutes,
                t.lifting_main_lifts,
                t.backbone_walk_minutes,
                t.lifting_keeps_strength_days,
            )
            for t, _ in self.outcome.guidelines.values()
            if t.lifting_exposure_sets is not None and t.fill_with is Modality.ENDURANCE
        ]
        if not found:
            self._mark_extras_forms()
            return
        if self._aerobic_value() >= found[0][1]:
            return
        sets, _, walk, main, backbone, keeps = found[0]
        # the least walk after the form: a few brisk minutes count (WHO 2020: bouts of any
        # length), never more than the library's least steady block
        least = min(
            walk or self._extra_minutes(Modality.ENDURANCE), self._extra_minutes(Modality.ENDURANCE)
        )
        # the first goal's own session: one continuous bout of `backbone` minutes at least,
        # the lifting taking what is left, on a day with room for both (coach review 30,
        # FIRST-GOAL-AEROBIC-BACKBONE-YIELDS-TO-LIFTING); a shorter day keeps the few brisk
        # minutes, its bout on a day of its own (`_lifting_gives_day`)
        # (not beside a safety pack's cautious start whose exit raises the sets: the exit
        # sets take the day's minutes as its rule decides, EXIT-SETS-TAKE-THE-WALKS)
        start = self.scheme.cautious
        if start is not None and start.exit_sets is not None:
            backbone = None
        # (nor where a safety rule asks for strength days, falls prevention or osteoporosis:
        # what safety requires comes before the first goal's dose, COACHING.md §2 (1))
        lifting = self.outcome.sessions.get((Modality.RESISTANCE, False))
        if lifting is not None and lifting.safety_per_week:
            backbone = None
        bout = min(backbone, self.budget) if backbone is not None else 0
        roomy = bout > 0 and self.budget - bout >= self._extra_minutes(Modality.RESISTANCE)
        if roomy:
            least = max(least, bout)
        for day, required, lift in self._one_split_lift_days():
            if lift.hard and any(o.hard for o in required if o is not lift):
                continue
            until = self._backbone_day(required, lift)
            if until is not None:
                # the backbone's day (its lifting gives way to steady work from a later
                # week): its lifting weeks are read as the day (coach review 16)
                required = [o for o in required if o.start_week == 1]
            elif any(o.start_week > 1 or o.end_week is not None for o in required):
                continue  # a day whose sessions change in the block keeps its shape
            if any(o.modality is Modality.HIIT for o in required):
                continue
            steady = [o for o in required if o.modality is Modality.ENDURANCE]
            if steady:
                # coach review 10, ENDURANCE-FIRST-CROWDED (lead, 2026-12-01): a steady block
                # after the lifting grows into the minutes the smallest hard form frees
                # (build.py), so any freed minute is worth it
                after = required.index(steady[-1]) > required.index(lift)
                if len(steady) == 1 and after and steady[0].shares_warmup and not self.steady_first:
                    # ... at least up to the first goal's continuous bout, the lifting's main
                    # lifts freeing it where its smallest hard form cannot
                    short = least - steady[0].minutes if roomy else 0
                    lift.exposure_form = (sets, max(short, 1))
                    if short > 0 and main:
                        lift.main_lifts = short
                        lift.keeps_strength_day = keeps
                        self.joined_least[day] = least
                continue
            if cap is not None and count >= cap[0]:
                continue  # no steady block may join this day
            if bout and not roomy and self._lifting_gives_day(day, required, bout):
                count += 1
                continue
            slack = self.budget - sum(o.minutes for o in required)
            lift.exposure_form = (sets, max(least - slack, 1))
            lift.main_lifts = max(least - slack, 1) if main else None
            lift.keeps_strength_day = keeps
            self.joined_least[day] = least
            if until is not None:
                self.joined_until[day] = until

    def _lifting_gives_day(self, day: int, required: list[Slotted], bout: int) -> bool:
        """Coach review 30, FIRST-GOAL-AEROBIC-BACKBONE-YIELDS-TO-LIFTING (COACHING.md §2: the
        first goal's minimum dose before WHO's strength days): while no day of the week
        holds the first goal's continuous bout (`bout` minutes), an offered day holding only
        a lifting session, too short for the bout and the shortest lifting session after it,
        is a steady session of the whole day instead, while another lifting day remains and
        a safety rule asks for no more lifting days than that (falls prevention,
        osteoporosis). Returns whether the day gave way."""
        if len(required) != 1:
            return False
        if any(
            o.modality is Modality.ENDURANCE and not o.optional and o.minutes >= bout
            for d in self.week.days
            for o in d
        ):
            return False  # the week holds the bout: the short day keeps its lifting
        lifting = self.outcome.sessions.get((Modality.RESISTANCE, False))
        if self._count(Modality.RESISTANCE) <= max(lifting.safety_per_week if lifting else 0, 1):
            return False  # (one lifting day stays: a lone short day is no walk alone)
        found = next(
            (
                rule.full_id
                for t, rule in sorted(self.outcome.guidelines.values(), key=lambda g: g[0].id)
                if t.backbone_walk_minutes is not None
            ),
            None,
        )
        if found is None:
            return False
        template = self.outcome.sessions.get((Modality.ENDURANCE, False))
        walk = self._steady_slot(sorted({found, *(template.rules if template else [])}))
        walk.minutes = self.budget
        here = self.week.days[day]
        here.remove(required[0])
        here.insert(0, walk)
        self.adjusted.append(
            Removal(
                "a lifting day gave way to the first goal's aerobic session: the day is too "
                f"short for {bout} minutes of it and a lifting session after them",
                found,
            )
        )
        return True

    def _mark_extras_forms(self) -> None:
        """Coach review 19, ACCESSORIES-BEFORE-WHO-AEROBIC (COACHING.md §2: (2) the first
        goal's minimum dose, (3) the WHO minimums, (4) more for the first goal; people not
        active build up from about 15-30 minutes): a trained, not yet active person's
        lifting-first week whose required sessions hold no aerobic minute (from 65 the older
        warm-up and the balance practice leave the smallest full form no room for the least
        steady block) builds each offered day's lifting without its core and isolation
        extras and at the short end of its rests - every main lift keeps its sets - when
        that frees the guideline's few brisk minutes (`lifting_extras_yield_walk_minutes`),
        and a walk then joins the day (`refill`). A beginner (any activity) with three or
        more full-body days gets each day's smallest hard form instead (coach review 31,
        `beginner_past_dose_sets`). Nothing is marked while a rule holds the aerobic
        minutes."""
        if self._aerobic_held() or self._aerobic_value() > 0:
            return
        # coach review 31, WHO-AEROBIC-CROWDED-OUT-BY-THIRD-LIFT-DAY: a beginner's two
        # full-body days carry the first goal's minimum dose and WHO's two strength days, so
        # on three or more the lifting past them gives the walk its minutes - each day held to
        # its smallest hard form (`beginner_past_dose_sets`), every group's exposure kept
        past_dose = [
            t.beginner_past_dose_sets
            for t, _ in self.outcome.guidelines.values()
            if t.beginner_past_dose_sets is not None and t.fill_with is Modality.ENDURANCE
        ]
        beginner_sets = (
            past_dose[0]
            if past_dose
            and self.profile.experience is Experience.BEGINNER
            and self._full_body_days() >= BEGINNER_DOSE_DAYS + 1
            else None
        )
        if beginner_sets is None and (
            self.profile.experience is Experience.BEGINNER
            or (self.profile.currently_active and self.profile.age < OLDER_ADULT_AGE)
        ):
            # (from OLDER_ADULT_AGE the falls rules add balance practice and a longer warm-up)
            # a beginner's full-body days are the first goal's whole dose (n02); an active
            # trained lifter under 65 is left to the past-the-dose trims (branch aero14) -
            # from 65 the older warm-up and the balance practice take the room, and a person
            # not yet active starts the build-up with these few minutes
            return
        walks = [
            t.lifting_extras_yield_walk_minutes
            for t, _ in self.outcome.guidelines.values()
            if t.lifting_extras_yield_walk_minutes is not None and t.fill_with is Modality.ENDURANCE
        ]
        if not walks:
            return
        cap = self.outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
        if cap is not None and cap[0] <= 0:
            return
        least = min(walks[0], self._extra_minutes(Modality.ENDURANCE))
        for day, required, lift in self._one_split_lift_days():
            if any(o.modality in (Modality.ENDURANCE, Modality.HIIT) for o in required) or any(
                o.start_week > 1 or o.end_week is not None for o in required
            ):
                continue
            slack = self.budget - sum(o.minutes for o in required)
            # no set comes off a main lift: the form only drops the extras and shortens rests
            # (a beginner's days past the dose: its smallest hard form, every group's hard
            # exposure kept)
            form = EXTRAS_FORM_SETS if beginner_sets is None else beginner_sets
            lift.exposure_form = (form, max(least - slack, 1))
            self.joined_least[day] = least
            self.extras_days.add(day)

    def _one_split_lift_days(self) -> Iterator[tuple[int, list[Slotted], Slotted]]:
        """The offered days whose required sessions hold one lifting session of a split day,
        as (day, the day's required sessions, that lifting session)."""
        for day in self.training:
            required = [o for o in self.week.days[day] if not o.optional]
            lifts = [o for o in required if o.modality is Modality.RESISTANCE]
            if len(lifts) == 1 and lifts[0].split_day is not None:
                yield day, required, lifts[0]

    @staticmethod
    def _backbone_day(required: list[Slotted], lift: Slotted) -> int | None:
        """The last week of `lift` on a day the aerobic-first backbone changes (`_backbone`:
        the lifting ends that week and a steady session starts the week after, nothing else
        changing), or None for any other day."""
        end = lift.end_week
        if end is None or lift.start_week != 1:
            return None
        for o in required:
            if o is lift:
                continue
            if o.start_week == 1 and o.end_week is None:
                continue
            if o.modality is not Modality.ENDURANCE or o.start_week != end + 1:
                return None
        return end

    def grow_after_form(self, free: dict[int, int]) -> list[tuple[int, Slotted]]:
        """Coach review 10, ENDURANCE-FIRST-CROWDED (lead's decision 2026-12-01; COACHING.md
        §2 (2): for an aerobic-led first goal the aerobic backbone is the first goal's
        minimum dose): a day whose lifting is held to its smallest hard form and already has
        a steady block after it gives the block the minutes the form frees (`free`, by
        weekday), up to the longest steady session and no further than the aerobic target
        asks. Returns the grown blocks by weekday."""
        if self._aerobic_held():
            return []
        bars = [
            t.bar
            for t, _ in self.outcome.guidelines.values()
            if t.lifting_exposure_sets is not None and t.fill_with is Modality.ENDURANCE
        ]
        if not bars:
            return []
        need = bars[0] - self._aerobic_value()
        longest = self._target_minutes(Modality.ENDURANCE)
        grown: list[tuple[int, Slotted]] = []
        for day in sorted(free):
            steady = [
                o
                for o in self.week.days[day]
                if o.modality is Modality.ENDURANCE and not o.optional and o.shares_warmup
            ]
            if need <= 0 or len(steady) != 1 or steady[0].grow_from is not None:
                continue
            block = steady[0]
            factor = MODERATE_EQUIVALENT[block.intensity]
            add = min(free[day], max(longest - block.minutes, 0), math.ceil(need / factor))
            if add <= 0:
                continue
            block.minutes += add
            need -= add * factor
            grown.append((day, block))
        return grown

    def _grow_room(self) -> None:
        """Coach review 3, K13 (COACHING.md §2 step 4, §3: aerobic sessions lengthened about
        5-10 minutes every 1-2 weeks): for an active person with an aerobic first goal
        (`steady_grows_into_spare`), each offered day's spare minutes become room the
        block's steady work grows into. A moderate steady session already there grows to
        the day's minutes (`grow_from`: its week-1 minutes); a day with lifting and no
        steady block, or an offered day left free, gets a steady session that joins in a
        later week (`grow_from` 0), within every cap, veto and spacing rule; a steady block
        on a day with intervals grows last, by at most `Scheme.beside_hard_step` a building
        week, and nothing joins that day (coach review 41, INTERVAL-DAY-STEADY-JUMP). Week 1
        keeps the minutes it had; the progression (`build_weeks`) sizes each week."""
        # not for a hold on the aerobic minutes, nor for recovery-limited people (they hold
        # the block's volume, Meeusen 2013): `Scheme.steady_grows`
        if not self.scheme.steady_grows or self.build_up is not None:
            return
        flag = self.outcome.progression["steady_grows_into_spare"]
        if INTENSITY_ORDER[self.outcome.max_intensity] < INTENSITY_ORDER["moderate"]:
            return
        if Modality.ENDURANCE.value in self.outcome.forbidden("modality"):
            return
        cap = self.outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
        template = self.outcome.sessions.get((Modality.ENDURANCE, False))
        rules = sorted({flag.rule, *(template.rules if template else [])})
        longest = self._target_minutes(Modality.ENDURANCE)
        # the most the block's steady work grows (in steps, `progress._growth`): lifting
        # gives up no more than that needs
        scheme = self.scheme
        blocks, _ = mesocycles(self.block_weeks, scheme)
        steady_now = sum(
            o.minutes
            for d in self.week.days
            for o in d
            if o.modality is Modality.ENDURANCE and not o.optional
        )
        step = scheme.growth_step(steady_now)
        left = max((b + len(w) - 1 for b, w in enumerate(blocks)), default=0) * step
        # the order the growth takes (`progress._growth`): a lifting day's block, one that
        # joins a lifting day, then a steady session's own day and a free offered day. A
        # long session may pass the steady sessions' minutes (`long_session_most_minutes`)
        # and a block joining a lifting day holds at most `after_lifting_most_minutes`
        # (coach review 28, ENDURANCE-TIME-LEFT-IDLE): the long session takes up to half of
        # the growth first, so that the spread steps reach the blocks after lifting too and
        # no one session jumps, then what the others leave
        passes = [(True, False), (True, True), (False, False), (False, True)]
        long_day = self._long_day() if scheme.long_most else None
        if long_day is not None:
            passes = [(False, False), *passes[:2], passes[3]]
        # a day with intervals (or a vigorous steady session) grows last: its steady block
        # takes what the easy days cannot, at most `beside_hard_step` a building week, and
        # no block joins it (coach review 41, INTERVAL-DAY-STEADY-JUMP)
        hard = [day for day in self.training if self._hard_day(day)]
        for lifting_pass, joining_pass in passes:
            for day in self.training:
                if left <= 0:
                    return
                if day in hard:
                    continue
                most, room = longest, left
                if day == long_day:
                    most = max(longest, min(scheme.long_most, self.budget))
                    room = max(left // 2 // scheme.long_step, 1) * scheme.long_step
                elif lifting_pass and joining_pass and scheme.after_lifting_most:
                    most = min(longest, scheme.after_lifting_most)
                left -= self._grow_day(day, lifting_pass, joining_pass, room, rules, cap, most)
        if long_day is not None and left > 0:
            steady = [o for o in self.week.days[long_day] if not o.optional]
            s = steady[0]
            most = max(longest, min(scheme.long_most, self.budget))
            add = max(min(left, most - s.minutes, self.budget - s.minutes), 0)
            if add:
                s.grow_from = s.minutes if s.grow_from is None else s.grow_from
                s.minutes += add
                left -= add
        steps = max((b + len(w) - 1 for b, w in enumerate(blocks)), default=0)
        for day in hard:
            steady = [
                o
                for o in self.week.days[day]
                if not o.optional and o.modality is Modality.ENDURANCE and o.intensity != "vigorous"
            ]
            if left <= 0 or len(steady) != 1:
                continue
            lifting = any(
                o.modality is Modality.RESISTANCE and not o.optional for o in self.week.days[day]
            )
            room = min(left, steps * scheme.beside_hard_step(steady[0].minutes))
            left -= self._grow_day(day, lifting, False, room, rules, cap, longest)

    def _hard_day(self, day: int) -> bool:
        """A day whose required sessions hold intervals, or a vigorous steady session beside
        another steady one: its steady block is the day's easy addition (coach review 41,
        INTERVAL-DAY-STEADY-JUMP; COACHING.md §2-3, hard days hard and easy days easy)."""
        required = [o for o in self.week.days[day] if not o.optional]
        steady = [o for o in required if o.modality is Modality.ENDURANCE]
        return any(o.modality is Modality.HIIT for o in required) or (
            len(steady) > 1 and any(o.intensity == "vigorous" for o in steady)
        )

    def _long_day(self) -> int | None:
        """The week's long session's day (`long_session_most_minutes`): the last offered day
        whose one required session is a moderate steady one (a coach's weekend long run or
        ride; coach review 28, ENDURANCE-TIME-LEFT-IDLE)."""
        days = [
            day
            for day in self.training
            if len(required := [o for o in self.week.days[day] if not o.optional]) == 1
            and required[0].modality is Modality.ENDURANCE
            and required[0].intensity == "moderate"
            and required[0].start_week <= 1
            and required[0].end_week is None
        ]
        return days[-1] if days else None

    def _grow_day(
        self,
        day: int,
        lifting_pass: bool,
        joining_pass: bool,
        left: int,
        rules: list[str],
        cap: Ruled[int] | None,
        longest: int,
    ) -> int:
        """`_grow_room` on one day, in one of its passes; returns the growth it took (a
        joining block counts one step for its least minutes)."""
        here = self.week.days[day]
        required = [o for o in here if not o.optional]
        lifts = [o for o in required if o.modality is Modality.RESISTANCE]
        steady = [o for o in required if o.modality is Modality.ENDURANCE]
        if bool(lifts) != lifting_pass or bool(steady) == joining_pass:
            return 0
        if any(
            o.start_week > 1 or o.end_week is not None or o.grow_from is not None for o in required
        ):
            return 0  # a day whose sessions change in the block keeps its shape
        slack = self.budget - sum(o.minutes for o in required)
        # a lifting day's lifting holds its smallest full form: what it has above that is
        # room for the steady block (COACHING.md §2: more for the first goal)
        keeps = self.outcome.progression.get("steady_grows_keeps_lifting")
        surplus = (
            max(lifts[0].minutes - self._lifting_floor(lifts[0]), 0)
            if len(lifts) == 1
            and lifts[0].split_day is not None
            # (not where the lifting keeps its minutes: `steady_grows_keeps_lifting`)
            and not (keeps is not None and keeps.value is True)
            else 0
        )
        step = self.scheme.long_step
        if steady:
            s = steady[0]
            if s.intensity not in ("moderate", "vigorous") or len(steady) > 1:
                return 0
            # (a tempo session grows in its moderate minutes: its tempo work has its own
            # step within `tempo_minutes`, `progress.build_weeks`)
            most = longest
            grow = min(slack + surplus, max(most - s.minutes, 0), left)
            if grow <= 0:
                return 0
            s.grow_from = s.minutes
            s.minutes += grow
            if lifts:
                lifts[0].minutes -= max(grow - slack, 0)
            return grow
        count = sum(
            1
            for d in self.week.days
            for o in d
            if o.modality is Modality.ENDURANCE and not o.optional
        )
        if cap is not None and count >= cap[0]:
            return 0
        s = self._steady_slot(rules)
        s.shares_warmup = bool(required)
        least = self._extra_minutes(s.modality) if required else self._min_minutes(s.modality)
        if self.scheme.steady_step_pct:
            step = least  # a spread step (`progress._spread_growth`): its least one for one
        if slack + surplus < least or left < step:
            return 0
        s.minutes = min(slack + surplus, longest, least + left - step)
        cut = max(s.minutes - slack, 0)
        if lifts:
            lifts[0].minutes -= cut  # the room is checked with the lifting shortened
        if not self.fits(day, s, sized=True) or self._after_intervals(day):
            if lifts:
                lifts[0].minutes += cut
            return 0
        s.grow_from, s.joins_with = 0, least
        here.append(s)
        return s.minutes - least + step

    def _backbone(self, week: Week, fewer: Callable[[int], Week], cap: int, rule: str) -> Week:
        """COACHING.md §2 puts the first goal's minimum dose before the WHO minimums. For an
        aerobic first goal that dose is the steady backbone, so when a person building up
        has steady work the build-up cannot grow past its start (each short day full: a
        lifting day, or a walk of the day's length), one lifting day gives way to a second
        steady session - not in week 1, but from the week the build-up's weekly total
        first holds the library's least steady work more (ACSM 2011: 5-10 minutes every
        1-2 weeks). Returns `week` with that day's sessions ending the week before and the
        trial week's (`fewer(cap)`, one lifting day fewer) starting then."""
        ramp = self.build_up
        self.week = week
        steady = self._steady_work()
        if ramp is None or not 0 < steady <= ramp.start_minutes:
            return week
        trial = fewer(cap)
        grown = self._steady_work()
        self.week = week
        # (the joining session grows from nothing to its share of the grown total, at no more
        # than the build-up's most a step)
        begin = ramp.covering([grown - steady]).joining_week(
            steady, grown, self.scheme.is_deload, self.block_weeks
        )
        if begin is None:
            return week
        merged = Week()
        for index, (before, after) in enumerate(zip(week.days, trial.days, strict=True)):
            if _signature(before) == _signature(after):
                merged.days[index] = before
                continue
            for s in before:
                s.end_week = min(s.end_week or begin - 1, begin - 1)
            for s in after:
                s.start_week = max(s.start_week, begin)
            merged.days[index] = [
                s
                for s in [*before, *after]
                if s.start_week <= (s.end_week if s.end_week is not None else s.start_week)
            ]
        self.backbone = (begin, rule)
        self.adjusted.append(
            Removal(
                f"from week {begin} a lifting day gives way to a second steady session, so "
                f"the first goal's aerobic work grows past {ramp.start_minutes} minutes a week "
                "(WHO's two strength days are not met from then on)",
                rule,
            )
        )
        return merged

    def _steady_work(self) -> float:
        """Minutes of steady work in week 1's required steady sessions (a session holding a
        day until later intervals start there included)."""
        return sum(
            max(s.minutes - (0 if s.shares_warmup else self._edges(s.modality)), 0)
            for sessions in self.week.days
            for s in sessions
            if s.modality is Modality.ENDURANCE and not s.optional and s.start_week == 1
        )

    def _place_request(self, modality: Modality, optional: bool, decision: SessionDecision) -> None:
        splits: list[list[SplitDay]] = [[]]
        chosen_split = False
        if modality is Modality.RESISTANCE:
            chosen = self.outcome.param("resistance", "any", "split")
            first = self.library.split(str(chosen.value)) if chosen else None
            chosen_split = first is not None
            ordered = [first] if first else []
            ordered += [
                x for x in self.library.design.splits if x is not first and not x.chosen_only
            ]
            splits = [list(x.days) for x in ordered]
        # Try the rules' split first; when it cannot place every session within the spacing
        # rules (e.g. full body on two consecutive days), try the library's other splits.
        wanted = decision.per_week
        if modality is Modality.RESISTANCE and not optional and self.lifting_cap is not None:
            wanted = min(wanted, self.lifting_cap)
        if optional:
            # optional extras top up what required sessions and requirements already placed
            # (a steady block after another session is not a session of its own); while an
            # aerobic guideline is still short, every optional walk asked for is offered
            if not (modality is Modality.ENDURANCE and self._aerobic_short()):
                wanted -= sum(
                    1
                    for d in self.week.days
                    for o in d
                    if o.modality is modality and not o.shares_warmup
                )
            # a cap that counts the optional extras (they count as done, COACHING.md §2)
            # holds them beside every session of the modality the week already has, a block
            # after lifting included (coach review 26, TRIAD-FATLOSS-CARDIO: a fourth walk
            # under the Triad's "at most three endurance sessions a week")
            cap = self.outcome.cap(OPTIONAL_COUNTED_CAP, modality.value)
            if cap is not None:
                wanted = min(
                    wanted,
                    cap[0] - sum(1 for d in self.week.days for o in d if o.modality is modality),
                )
            if wanted <= 0:
                return
        # The best split places the most sessions, then gives every group two days (full
        # body A/B/A beats Upper/Upper/Lower, which leaves the legs one day a week;
        # COACHING.md §2), then is the rules' own split (upper/lower for four short days,
        # where a full-body day could hold a set or two per group), then trains its
        # least-trained group on the most days, then comes first in the rules' order.
        own = splits[0] if modality is Modality.RESISTANCE and chosen_split else None
        lifting = modality is Modality.RESISTANCE

        def score(placed: int, trial: Week, split_days: list[SplitDay]) -> tuple[int, ...]:
            cover = self._coverage(trial) if lifting else 0
            return (placed, min(cover, 2), int(split_days is own), cover)

        best: tuple[tuple[int, ...], Week] | None = None
        trials = [(days, False) for days in splits]
        if lifting:
            trials += [(days, True) for days in splits if len(days) > 1]
            # a split of three day types (upper, lower, full body) is tried from each of
            # them: which day takes the full-body session depends on what is already placed
            trials += [
                (days[k:] + days[:k], earliest)
                for days in splits
                if len(days) > 2
                for k in range(1, len(days))
                for earliest in (False, True)
            ]
        for split_days, earliest in trials:
            trial = self._copy_week()
            placed = self._place_with(
                trial, modality, optional, decision, split_days, wanted, earliest=earliest
            )
            scored = score(placed, trial, split_days)
            if best is None or scored > best[0]:
                best = (scored, trial)
        assert best is not None
        if lifting and not optional and best[0][:2] < (wanted, 2):
            # Still short of the sessions or of two days for every group: begin the week
            # on each other offered day (Sunday-Monday-Tuesday lifts Sunday and Tuesday).
            for split_days in splits:
                for first_day in self.training[1:]:
                    trial = self._copy_week()
                    placed = self._place_with(
                        trial,
                        modality,
                        optional,
                        decision,
                        split_days,
                        wanted,
                        earliest=True,
                        first_day=first_day,
                    )
                    scored = score(placed, trial, split_days)
                    if scored > best[0]:
                        best = (scored, trial)
        placed, self.week = best[0][0], best[1]
        if placed < wanted and not optional:
            need = self.shortest(modality)
            why = (
                f"even the shortest {modality.value} session the rules allow needs about "
                f"{math.ceil(need)} minutes with warm-up and cool-down, and sessions here are "
                f"{self.budget} minutes"
                if need > self.budget
                else self._why_not_placed(modality)
            )
            self.shortfalls.append(
                Shortfall(
                    f"{decision.per_week - placed} of {decision.per_week} {modality.value} sessions",
                    why,
                    sorted(set(decision.rules)),
                )
            )

    def _why_not_placed(self, modality: Modality) -> str:
        """Why the offered days hold no more `modality` sessions, in plain words (coach
        review 3, K4: a walk that does not fit is not a matter of recovery spacing when
        each day already holds a lifting session): the days that already hold another
        session, and those the spacing and hard-session rules rule out."""
        full: list[str] = []
        spaced: list[str] = []
        for day in self.training:
            here = self.week.days[day]
            if any(o.modality is modality for o in here):
                continue
            name = WEEK[day].value.capitalize()
            (full if any(not o.optional for o in here) else spaced).append(name)
        parts = []
        if full:
            parts.append(
                f"{' and '.join(full)} already {'holds' if len(full) == 1 else 'hold'} "
                "another session (a longer session, or one more day, would make room)"
            )
        if spaced:
            parts.append(
                f"{' and '.join(spaced)} {'is' if len(spaced) == 1 else 'are'} ruled out by "
                "the rules on rest between hard sessions and on hard sessions a week"
            )
        if not parts:
            return "every offered day already holds one"
        return "of the days you offered, " + "; ".join(parts)

    def _aerobic_short(self) -> bool:
        """Whether a guideline filled with steady work is still short of its bar, and no
        safety rule caps the steady sessions (then the shortfall is held on purpose)."""
        cap = self.outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
        if cap is not None and cap[1].startswith("safety/"):
            return False
        return any(
            t.fill_with is Modality.ENDURANCE and self._aerobic_value() < t.bar
            for t, _ in self.outcome.guidelines.values()
        )

    def _count(self, modality: Modality) -> int:
        return sum(
            1 for d in self.week.days for s in d if s.modality is modality and not s.optional
        )

    @staticmethod
    def _mixed(week: Week) -> bool:
        """Whether the week's lifting mixes full-body days with upper or lower days."""
        halves = [
            ({"chest", "back"} & s.muscles() != set(), {"quads"} & s.muscles() != set())
            for sessions in week.days
            for s in sessions
            if s.modality is Modality.RESISTANCE and not s.optional
        ]
        return (True, True) in halves and any(a != b for a, b in halves)

    @staticmethod
    def _coverage(week: Week) -> int:
        """The fewest days on which any muscle the lifting sessions train is trained."""
        days: dict[str, int] = {}
        for sessions in week.days:
            trained = {
                m for s in sessions if s.modality is Modality.RESISTANCE for m in s.muscles()
            }
            for m in trained:
                days[m] = days.get(m, 0) + 1
        return min(days.values(), default=0)

    def _place_with(
        self,
        week: Week,
        modality: Modality,
        optional: bool,
        decision: SessionDecision,
        split_days: list[SplitDay],
        wanted: int,
        *,
        earliest: bool = False,
        first_day: int = 0,
    ) -> int:
        saved, self.week = self.week, week
        start = self.outcome.param(modality.value, "any", "start_week")
        placed = 0
        try:
            for index in range(wanted):
                request = decision.request
                split_day = split_days[index % len(split_days)] if split_days else None
                s = Slotted(
                    modality=modality,
                    intensity=request.intensity.value,
                    lowered=decision.lowered,
                    title=split_day.title if split_day else request.title,
                    focus=split_day.focus if split_day else request.focus,
                    optional=optional,
                    rules=sorted(set(decision.rules)),
                    split_day=split_day,
                    start_week=int(start.value) if start else 1,
                    pinned=tuple(WEEK.index(d) for d in request.days) if request.days else None,
                )
                if self.place(s, earliest=earliest, first_day=first_day):
                    placed += 1
                elif split_day is not None and len(split_days) > 1:
                    # the other half of an upper/lower pair may fit where this one does not
                    alt = split_days[(index + 1) % len(split_days)]
                    s.split_day, s.title, s.focus = alt, alt.title, alt.focus
                    if self.place(s, earliest=earliest, first_day=first_day):
                        placed += 1
            _day_types_in_turn(week, split_days, optional)
        finally:
            self.week = saved
        return placed

    def _ensure_days_with(self) -> None:
        if self.outcome.max_intensity == "none":
            return  # a hard stop: nothing is added to an empty week
        for (kind, scope), (count, rule) in sorted(self.outcome.requirements.items()):
            if kind != "days_with":
                continue
            modality = Modality(scope)
            have = sum(1 for d in self.week.days if any(s.modality is modality for s in d))
            while have < count:
                template = self.outcome.sessions.get(
                    (modality, False)
                ) or self.outcome.sessions.get((modality, True))
                title = (
                    template.request.title
                    if template
                    else f"{modality.value.capitalize()} practice"
                )
                focus = template.request.focus if template else modality.value
                # Required on the person's own days first (DESIGN.md v1.1); a light optional
                # routine on another day only when those are full.
                placed = False
                for optional in (False, True):
                    s = Slotted(modality, "light", title, focus, optional, [rule])
                    # COACHING.md §2, time is honest: a few minutes of balance practice
                    # follow a session already on the day (sharing its warm-up) before they
                    # take an offered day of their own, which would list the warm-up and
                    # cool-down as balance minutes and keep the day from aerobic work
                    # (coach review 5, PAD-MINUTES and OLDER-3RD-LIFT)
                    placed = self.place(s, join=frozenset() if optional else self._joinable())
                    if not placed:
                        # a requirement (e.g. balance for fall prevention) is worth a shorter
                        # main session
                        self.squeeze = True
                        placed = self.place(s)
                        self.squeeze = False
                    if placed:
                        break
                if not placed:
                    self.shortfalls.append(
                        Shortfall(
                            f"{modality.value} on {count} days",
                            "no free day or minutes left",
                            [rule],
                        )
                    )
                    break
                have += 1

    def _joinable(self) -> frozenset[int]:
        """Offered days a short required extra (balance practice) joins before any other:
        those holding a steady session (the falls rule's "it can follow a walk"), and those
        whose lifting, even at its smallest full form, leaves no room for a steady block
        after it - there the extra takes no walk's minutes. A lifting day with room for a
        walk keeps it for the walk."""
        days: set[int] = set()
        for day in self.training:
            here = self.week.days[day]
            if any(o.modality is Modality.ENDURANCE and not o.optional for o in here):
                days.add(day)
            elif here and all(o.modality is Modality.RESISTANCE for o in here):
                # the lifting's smallest full form: a day whose lifting can shorten for a
                # walk after it (`_shorten_lifting`) keeps that room for the walk
                used = sum(self._lifting_floor(o) for o in here)
                if used + self._extra_minutes(Modality.ENDURANCE) > self.budget:
                    days.add(day)
        return frozenset(days)

    def _ensure_activity_gaps(self) -> None:
        found = self.outcome.requirement("max_days_without_activity")
        if found is None or self.outcome.max_intensity == "none":
            return
        limit, rule = found
        template = self.outcome.sessions.get(
            (Modality.RECOVERY, True)
        ) or self.outcome.sessions.get((Modality.RECOVERY, False))
        for _ in range(7):
            gap_start = self._longest_gap(limit)
            if gap_start is None:
                return
            # the walk ends the gap on its last day that keeps the days before it within the
            # limit, or on an offered day before that (every day of the gap is free): the
            # latest, so no more walks are needed (coach review 20, OFFERED-DAY-EMPTY-EXTRAS-
            # ELSEWHERE)
            window = [(gap_start + k) % 7 for k in range(limit + 1)]
            day = next((d for d in reversed(window) if d in self.training), window[-1])
            s = Slotted(
                Modality.RECOVERY,
                "light",
                template.request.title if template else "Easy walk",
                template.request.focus if template else "light movement",
                True,
                [rule],
            )
            if not self.fits(day, s):
                return
            self.week.days[day].append(s)
            self._gap_walks.append(s)

    def _longest_gap(self, limit: int) -> int | None:
        active = [bool(d) for d in self.week.days]
        if not any(active):
            return None
        for start in range(7):
            if active[(start - 1) % 7] and all(
                not active[(start + k) % 7] for k in range(limit + 1)
            ):
                return start
        return None

    def _share_minutes(self) -> None:
        """Split each day's minutes between its required sessions: extras get their minimum,
        the main session the rest. Optional sessions are sized later, from what is left."""
        for sessions in self.week.days:
            sessions.sort(
                key=lambda s: (
                    s.shares_warmup,
                    s.optional,
                    not s.hard,
                    self.order.index(s.modality),
                )
            )
            required = [s for s in sessions if not s.optional]
            if not required:
                continue
            left = self.budget
            for s in required[1:]:
                s.shares_warmup = True
                s.minutes = min(self._target_minutes(s.modality), self._floor(s))
                left -= s.minutes
            required[0].shares_warmup = False
            required[0].minutes = min(self._target_minutes(required[0].modality), left)
            for s in required:
                if s.modality is Modality.RESISTANCE:
                    # lifting takes what its exercises need, so the rest of the day is free
                    # (its own slots' time, not the library's generic least lifting work:
                    # a light start's 26-minute session holds 26, and a steady block may
                    # follow it; coach review, kind K2)
                    s.minutes = min(
                        s.minutes,
                        max(self._lifting_minutes(s), math.ceil(self.shortest(s.modality))),
                    )

    def _slot_seconds(
        self,
        role: str,
        *,
        grown: bool = False,
        sets: float | None = None,
        short_rests: bool = False,
    ) -> float:
        """One exercise of a role at week 1's sets (the low end of the range; with `grown`,
        one set more: what a mesocycle adds, within the range; or `sets`) and mid-range reps
        and rests (with `short_rests`, the short end), as the session builder times it
        (fill.exercise_seconds)."""
        timing = self.library.design.timing

        def value(name: str, mid: bool) -> float:
            # the rules' value narrowed by every limit in force (a safety cap on rests or
            # sets times the slot as the session builder will build it)
            bound, _rules = self.outcome.resolve("resistance", role, name)
            if bound is None or bound.min is None:
                return 0.0
            top = bound.max if bound.max is not None else bound.min
            return float((bound.min + top) / 2 if mid else bound.min)

        if sets is None:
            sets = max(value("sets", mid=False), 1.0)
            if grown:
                # one mesocycle's growth: a set more, within the top of the range
                found = self.outcome.param("resistance", role, "sets")
                top = found.value.max if found is not None else None
                sets = min(sets + 1, max(sets, float(top or 0)))
        return (
            sets * value("reps", mid=True) * timing.seconds_per_rep
            + (sets - 1) * value("rest_seconds", mid=not short_rests)
            + timing.seconds_between_exercises
        )

    def _lifting_minutes(self, s: Slotted, *, short_rests: bool = False) -> int:
        """What a lifting session needs: warm-up and cool-down plus every slot of its split
        day (up to the rules' exercise count), each timed by `_slot_seconds` (with
        `short_rests`, at the short end of its rests)."""
        if s.split_day is None:
            return self.budget
        slots = s.split_day.slots
        cap = self.outcome.param("resistance", "any", "exercises")
        if cap is not None and cap.value.max is not None:
            slots = slots[: max(int(cap.value.max), 1)]
        grown = self._reserves_growth()
        seconds = sum(
            self._slot_seconds(slot.dose_role, grown=grown, short_rests=short_rests)
            for slot in slots
        )
        seconds += self._ramp_up_seconds(slots, seconds)
        edges = 0 if s.shares_warmup else self._edges(s.modality)
        return edges + math.ceil(seconds / 60)

    def _ramp_up_seconds(self, slots: Sequence[Slot], work: float) -> float:
        """The ramp-up sets before a lifting session's heavy lifts, as the session builder
        times them (`fill.ramp_up_seconds`): each slot whose role the rules dose heavy (its
        reps, RIR, %1RM or RPE read as `fill.is_heavy_lift` reads a lift's), of a pattern
        the library has a lift done heavy in (`Library.heavy_patterns`: no lunge), opens a
        movement pattern not yet worked up to, the first with `first_sets`, each later one
        with `later_sets` (coach reviews 39 and 40, HEAVY-LIFTS-NO-RAMP-UP-TIME: the
        lifting's minutes hold them, so the day's other work does not take them)."""
        ramp = self.library.design.timing.ramp_up
        if ramp is None or work < ramp.least_work_seconds:
            return 0.0  # (a short lifting session times none: `fill.ramp_up_seconds`)

        heavy = [
            slot.pattern
            for slot in slots
            if slot.pattern in self.library.heavy_patterns
            and role_heavy(self.outcome, slot.role, ramp)
        ]
        return float(ramp_up_count(heavy, ramp) * ramp.seconds_per_set)

    def _reserves_growth(self) -> bool:
        """Whether lifting keeps the minutes of the sets the block will add (a guideline
        asks for it and the rules add sets across the block)."""
        return bool(self.outcome.progression.get("add_sets_every_weeks")) and any(
            t.lifting_reserves_growth for t, _ in self.outcome.guidelines.values()
        )

    def _size_optional(self) -> None:
        """Optional extras never take minutes from a required session (DESIGN.md v1.1): they
        get what the day's required work leaves (or are dropped), an aerobic extra at most 40
        minutes and a routine at most 15."""
        for sessions in self.week.days:
            used = sum(s.minutes for s in sessions if not s.optional)
            for s in [s for s in sessions if s.optional]:
                cap = self.library.design.optional_minutes.get(s.modality, 0)
                minutes = min(self._target_minutes(s.modality), cap, self.budget - used)
                s.shares_warmup = used > 0
                floor = self._extra_minutes(s.modality) if s.shares_warmup else 0
                if minutes < max(floor, 5):
                    sessions.remove(s)
                    continue
                s.minutes = minutes
                used += minutes
            sessions.sort(key=lambda s: (s.optional, s.shares_warmup))
            if sessions:
                sessions[0].shares_warmup = False

    def _idle_run(self) -> int:
        """The most days in a row, around the week's wrap, without any session."""
        return longest_idle([bool(d) for d in self.week.days])

    def _free_offered(self) -> list[int]:
        """The offered days that hold no session at all."""
        return [d for d in self.training if not self.week.days[d]]

    def _offered_days_first(self) -> None:
        """Coach review 20, OFFERED-DAY-EMPTY-EXTRAS-ELSEWHERE (COACHING.md §2: sessions go
        on the days the person offered; §3: light-only plans keep their weeks): an optional
        extra left on a day not offered moves to an offered day that holds no session at
        all, when it fits there under the week's own rules (the day after intervals stays
        light) and, under a rule's limit on days without activity, no stretch of days
        without it grows past the limit (or past the week's longest). Placement already
        prefers such days (`place`); this catches a day freed after it."""
        found = self.outcome.requirement("max_days_without_activity")
        for day in range(7):
            if day in self.training:
                continue
            for s in [o for o in self.week.days[day] if o.optional]:
                idle = self._idle_run()
                self.week.days[day].remove(s)
                for free in self._free_offered():
                    if self.fits(free, s):
                        self.week.days[free].append(s)
                        if found is None or self._idle_run() <= max(idle, found[0]):
                            s.shares_warmup = False
                            break
                        self.week.days[free].remove(s)
                else:
                    self.week.days[day].append(s)

    def _easy_walks_on_light_days(self) -> None:
        """Coach review 42, WHO-SHORT-WITH-OFFERED-DAY-EMPTY (COACHING.md §2: the week uses
        the days it is given, and active people meet WHO in week 1 when time allows): while
        the aerobic guideline is still short, an offered day that holds nothing - the day
        the rules keep light for recovery (`rest_days`), or the light day after intervals -
        takes the optional walk as an easy one, at light effort. A light walk is what such a
        day allows ("rest, or an easy walk at most"), so the rest day stays a rest day and
        no hard-day count moves; it adds no moderate minutes to WHO's measure, and the
        advice still says what the days cannot hold. A person building up, short in week 1
        by the build-up's short walks, takes it too. Not under a safety cap on steady
        sessions, nor where no optional steady session is asked for or possible."""
        if self.outcome.max_intensity == "none" or Modality.ENDURANCE in self.unavailable:
            return
        # (a person building up is short in week 1 on purpose, by the build-up's short
        # walks, though the week as scheduled may reach the bar: the day takes the easy walk
        # too, unless a safety rule caps the steady sessions)
        cap = self.outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
        building = self.build_up is not None and not (
            cap is not None and cap[1].startswith("safety/")
        )
        if not (self._aerobic_short() or building):
            return
        found = self.outcome.sessions.get((Modality.ENDURANCE, True))
        if found is None:
            return
        counted = self.outcome.cap(OPTIONAL_COUNTED_CAP, Modality.ENDURANCE.value)
        for day in self._free_offered():
            if counted is not None and counted[0] <= sum(
                1 for d in self.week.days for o in d if o.modality is Modality.ENDURANCE
            ):
                return
            s = Slotted(
                Modality.ENDURANCE,
                "light",
                found.request.title,
                found.request.focus,
                True,
                sorted(set(found.rules)),
            )
            if self.fits(day, s):
                self.week.days[day].append(s)

    def _say_why_away(self) -> None:
        """An optional extra on a day the person did not offer says why (coach review 20,
        OFFERED-DAY-EMPTY-EXTRAS-ELSEWHERE): every offered day already holds a session; or
        those that do not stay light after intervals; or a rule's limit on days without
        activity put it there, or keeps it there (`_offered_days_first`)."""
        messages = self.library.design.messages
        found = self.outcome.requirement("max_days_without_activity")
        free = self._free_offered()
        light = [d for d in free if self._after_intervals(d)]
        for day in range(7):
            if day in self.training:
                continue
            for s in self.week.days[day]:
                if not s.optional:
                    continue
                text: str | None = None
                fill: dict[str, str] = {}
                if found is not None and (
                    any(s is g for g in self._gap_walks) or len(light) < len(free)
                ):
                    text, fill = messages.optional_away_gap, {"days": str(found[0])}
                elif not free:
                    text = messages.optional_away_full
                elif len(light) == len(free):
                    text = messages.optional_away_light
                    fill = {"days": " and ".join(WEEK[d].value.capitalize() for d in light)}
                if text is not None:
                    s.notes.append(text.format(**fill))

    # -- filling a guideline's target on the person's own days ------------------------------
    def _aerobic_value(self) -> float:
        """Moderate-equivalent minutes of the required aerobic sessions placed so far, counted
        as the plan counts them (`review.aerobic_equivalent`): work only, at its intensity."""
        return sum(
            self._aerobic_of(s)
            for sessions in self.week.days
            for s in sessions
            if not s.optional and s.start_week == 1
        )

    def _aerobic_of(self, s: Slotted) -> float:
        factor = MODERATE_EQUIVALENT[s.intensity]
        if s.modality is Modality.ENDURANCE and s.tempo:
            # a tempo session: its tempo work counts two a minute, the rest of its work one
            work = max(s.minutes - (0 if s.shares_warmup else self._edges(s.modality)), 0)
            hard = min(s.tempo, work)
            return factor * hard + MODERATE_EQUIVALENT["moderate"] * (work - hard)
        if s.modality is Modality.HIIT:
            # an interval session counts its work bouts: week 1's rounds times the work time
            values = [self.outcome.param("hiit", "any", n) for n in ("work_seconds", "rounds")]
            if all(v is not None and v.value.min is not None for v in values):
                work, rounds = (v.value.min for v in values if v is not None)
                return factor * float(work or 0) * float(rounds or 0) / 60
            return factor * max(s.minutes - self._edges(s.modality), 0) / 2
        if s.modality is not Modality.ENDURANCE:
            return 0.0
        return factor * max(s.minutes - (0 if s.shares_warmup else self._edges(s.modality)), 0)

    def _fill_guidelines(self) -> None:
        """COACHING.md §2: when time allows, required aerobic sessions on the person's own days
        reach the guideline: steady sessions grow to their longest, then a steady block follows
        the day's other session, then a steady session takes a free day - within every cap,
        veto and recovery rule."""
        for target, rule in sorted(self.outcome.guidelines.values(), key=lambda g: g[0].id):
            if (
                target.fill_with is not Modality.ENDURANCE
                or target.measure != "moderate_equivalent_aerobic_minutes"
            ):
                continue
            self._fill_aerobic(target.bar, rule.full_id)
            self._vigorous_steady(target.bar)
            wanted = {
                id(o): o.minutes
                for sessions in self.week.days
                for o in sessions
                if o.modality is Modality.RESISTANCE and not o.optional
            }
            if (
                target.lifting_shortens
                and self._sessions_of(Modality.RESISTANCE) >= (target.lifting_shortens_from or 0)
                and self._shorten_lifting(target.bar)
            ):
                self._fill_aerobic(target.bar, rule.full_id)
                # a cut no steady block took (a cap on steady sessions reached: the Triad's
                # three rides) goes back to the lifting (coach review 35,
                # TRIM-NOTE-FOR-A-REMOVED-RIDE: a 35-minute session alone on a 75-minute day)
                self._give_back_to_lifting(wanted)
            elif (
                target.lifting_shortens_past_dose
                and self._aerobic_value() < target.bar
                and (
                    self._full_body_days() >= (target.lifting_yields_above or 0)
                    or self._split_days_carry_dose(target.split_days_past_dose)
                )
            ):
                # the first goal's minimum dose is carried by the full-body days' smallest
                # full form (each compound at three sets on each of three days, and the first
                # accessory), or by four or more upper- and lower-body days' smallest forms:
                # the rest of those days goes to WHO's aerobic minutes before more sets
                # (COACHING.md §2, steps 3 and 4) - and what the aerobic minutes leave goes
                # back to lifting
                split = self._full_body_days() < (target.lifting_yields_above or 0)
                if split:
                    # checked on the built week (build.py): each major group keeps this dose
                    self.split_dose = target.split_days_dose_sets
                if self._shorten_lifting(target.bar, full_body_only=not split):
                    self._fill_aerobic(target.bar, rule.full_id)
                    self._give_back_to_lifting(wanted)
            if target.first_goal_aerobic_bar is not None and self._endurance_first():
                # WHO's minutes met, more for an endurance-first goal in the days' free
                # minutes (coach review 17, ENDURANCE-FIRST-IDLE-DAYS)
                self._fill_aerobic(target.first_goal_aerobic_bar, rule.full_id)
            first = self._first_goal_aerobic()
            if first is not None:
                # ... and for a fat-loss-first goal (coach review 39,
                # FAT-LOSS-FIRST-HELD-AT-WHO-FLOOR)
                self._fill_aerobic(*first)

    def _routines_join_walks(self) -> None:
        """Coach review 33, BALANCE-FILLS-WHOLE-DAYS (COACHING.md §2: safety first, then the
        first goal's aerobic dose; §4: falls prevention asks for balance work on 3+ days, not
        for whole days of it): for a first goal built on aerobic work (a guideline whose walk
        after lifting may be a few brisk minutes, `lifting_exposure_walk_minutes`), while the
        week is short of the aerobic minutes and no safety rule holds them, a required light
        routine (balance practice) left alone on an offered day - no session had the minutes
        to take it beside when it was placed, the days too short for a whole walk and the
        practice - moves beside another day's session at its own few minutes
        (`_extra_minutes`): a walk gives them up down to its warm-up, cool-down and those few
        brisk minutes, or a lifting session down to its smallest full form; the freed day then
        takes a walk of its own (`_fill_guidelines`). Of the days it could join, the one that
        leaves the week the most aerobic minutes; kept only when they rise (a day the rest-day
        rule keeps light keeps its practice). A 65-year-old insulin-first woman on 7 x 15
        minutes had three whole 14-minute balance days and 30 aerobic minutes a week."""
        found = [
            (t.bar, t.lifting_exposure_walk_minutes, t.lifting_main_lifts, g.full_id)
            for t, g in self.outcome.guidelines.values()
            if t.fill_with is Modality.ENDURANCE
            and t.measure == "moderate_equivalent_aerobic_minutes"
            and t.lifting_exposure_walk_minutes is not None
        ]
        if not found or self._aerobic_held():
            return
        bar, few, main, rule = found[0]
        edges = self._edges(Modality.ENDURANCE)
        for day in list(self.training):
            if self._aerobic_value() >= bar:
                return
            required = [s for s in self.week.days[day] if not s.optional]
            if len(required) != 1 or required[0].modality not in LIGHT_ROUTINES:
                continue
            modality = required[0].modality
            least = self._extra_minutes(modality)
            before = self._aerobic_value()
            original = self.week
            adjusted, split_dose = list(self.adjusted), self.split_dose
            best: tuple[tuple[float, int, int], Week, list[Removal], int | None] | None = None

            for other in self.training:
                here = [s for s in original.days[other] if not s.optional]
                if (
                    other == day
                    or len(here) != 1
                    or any(s.modality is modality for s in original.days[other])
                    or here[0].start_week != 1
                    or here[0].end_week is not None
                ):
                    continue
                host = here[0]
                give = max(host.minutes + least - self.budget, 0)
                if host.modality is Modality.RESISTANCE:
                    # a lifting day held to its main lifts where the day is short (the
                    # guideline's `lifting_main_lifts`): the practice takes the few minutes a
                    # walk after them would have had
                    if not main and host.minutes - give < self._lifting_floor(host):
                        continue
                elif (
                    host.modality is not Modality.ENDURANCE
                    or host.intensity == "light"
                    or host.shares_warmup
                    or host.tempo
                    or host.minutes - give < edges + few
                ):
                    continue
                self._trial_from(original, adjusted, split_dose)
                routine = next(s for s in self.week.days[day] if not s.optional)
                self.week.days[day].remove(routine)
                moved = next(s for s in self.week.days[other] if not s.optional)
                moved.minutes -= give
                routine.minutes, routine.shares_warmup = least, True
                self.week.days[other].append(routine)
                self._fill_guidelines()
                # the most aerobic minutes; a lifting day before a walk's minutes; the earliest
                key = (
                    self._aerobic_value(),
                    int(host.modality is Modality.RESISTANCE),
                    -self.training.index(other),
                )
                if key[0] > before and (best is None or key > best[0]):
                    best = (key, self.week, list(self.adjusted), self.split_dose)
            # ... or the practice stays, at its few minutes, and a walk leads its day
            cap = self.outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
            walk_minutes = self.budget - least
            if walk_minutes >= edges + few and (
                cap is None or self._count(Modality.ENDURANCE) < cap[0]
            ):
                self._trial_from(original, adjusted, split_dose)
                here = self.week.days[day]
                routine = next(s for s in here if not s.optional)
                here.remove(routine)
                template = self.outcome.sessions.get((Modality.ENDURANCE, False))
                walk = self._steady_slot(sorted({rule, *(template.rules if template else [])}))
                if self.fits(day, walk) and not self._after_intervals(day):
                    walk.minutes = walk_minutes
                    routine.minutes, routine.shares_warmup = least, True
                    here[:0] = [walk]
                    here.append(routine)
                    self._fill_guidelines()
                    key = (self._aerobic_value(), -1, -self.training.index(day))
                    if key[0] > before and (best is None or key > best[0]):
                        best = (key, self.week, list(self.adjusted), self.split_dose)
            if best is None:
                self.week, self.adjusted, self.split_dose = original, adjusted, split_dose
                continue
            _, self.week, self.adjusted, self.split_dose = best

    def _trial_from(self, week: Week, adjusted: list[Removal], split_dose: int | None) -> None:
        """Start a trial placement from `week` as it was, with its removals and split dose."""
        self.week = copy_week(week)
        self.adjusted, self.split_dose = list(adjusted), split_dose

    def _steady_leads(self) -> None:
        """COACHING.md §2, time is honest (coach review 5, PAD-MINUTES): on a day whose first
        required session is a light routine (balance practice) with a steady block after it,
        the steady session goes first and carries the day's warm-up and cool-down - its easy
        first minutes are the warm-up - and the routine follows at its own few minutes, not
        listed at the warm-up's length. The day's minutes and the steady work stay the same.
        A routine left alone on an offered day (no session to join when it was placed) moves
        after a steady session on another day with minutes for it."""
        for day, sessions in enumerate(self.week.days):
            required = [s for s in sessions if not s.optional]
            if len(required) != 1 or required[0].modality not in LIGHT_ROUTINES:
                continue
            routine = required[0]
            least = self._extra_minutes(routine.modality)
            if routine.minutes <= least:
                continue
            for other in self.training:
                here = [s for s in self.week.days[other] if not s.optional]
                if (
                    other == day
                    or not any(s.modality is Modality.ENDURANCE for s in here)
                    or any(s.modality is routine.modality for s in self.week.days[other])
                    or sum(s.minutes for s in here) + least > self.budget
                ):
                    continue
                sessions.remove(routine)
                routine.minutes, routine.shares_warmup = least, True
                self.week.days[other].append(routine)
                break
        for sessions in self.week.days:
            required = [s for s in sessions if not s.optional]
            if len(required) < 2:
                continue
            lead = required[0]
            steady = next(
                (
                    s
                    for s in required[1:]
                    if s.modality is Modality.ENDURANCE and s.start_week == 1 and s.end_week is None
                ),
                None,
            )
            if lead.intensity != "light" or lead.modality not in LIGHT_ROUTINES or steady is None:
                continue
            least = self._extra_minutes(lead.modality)
            if lead.minutes <= least:
                continue
            steady.minutes += lead.minutes - least
            lead.minutes = least
            lead.shares_warmup, steady.shares_warmup = True, False
            sessions.remove(steady)
            sessions.insert(0, steady)

    def _aerobic_held(self) -> bool:
        """Whether a safety rule holds the aerobic minutes back: no growth of steady work
        (`aerobic_build_up: false`, the Triad/RED-S rules, which also cap its sessions and
        minutes: training load held down until energy availability is assessed), a veto on
        it, a ceiling below moderate or a referral."""
        steady = Modality.ENDURANCE.value
        return (
            steady in self.outcome.forbidden("modality")
            or INTENSITY_ORDER[self.outcome.max_intensity] < INTENSITY_ORDER["moderate"]
            or self.outcome.referral_only
            or self.outcome.progression.get("aerobic_build_up") is not None
        )

    def refill(self, used: list[int]) -> list[tuple[int, Slotted]]:
        """After the sessions are built: a lifting day whose required sessions use fewer
        minutes in every week of the block (`used`, by weekday) than the scheduler gave them
        - a whole-block hold on sets, slots no exercise fills, a cautious start - gets a steady
        block after its lifting from the minutes no week uses, while WHO's aerobic minutes
        are short and no safety rule holds them (COACHING.md §2: WHO's 150 before more of the
        first goal; coach review 4, K2). Returns the new blocks by weekday; the rest of the
        week is left as it was."""
        if self._aerobic_held():
            return []
        before = {id(s): s.minutes for sessions in self.week.days for s in sessions}
        shortened: list[tuple[Slotted, int]] = []
        for day, sessions in enumerate(self.week.days):
            required = [s for s in sessions if not s.optional]
            if day in self.joined_until:
                # the backbone's day: its lifting weeks (the steady session after them
                # starts later)
                required = [s for s in required if s.start_week == 1]
            lifts = [s for s in required if s.modality is Modality.RESISTANCE]
            if not lifts or any(
                s.modality in (Modality.ENDURANCE, Modality.HIIT) for s in required
            ):
                continue
            spare = sum(s.minutes for s in required) - used[day]
            if spare > 0:
                shortened.append((lifts[0], lifts[0].minutes))
                lifts[0].minutes -= spare
        if not shortened:
            return []
        for target, rule in sorted(self.outcome.guidelines.values(), key=lambda g: g[0].id):
            if (
                target.fill_with is Modality.ENDURANCE
                and target.measure == "moderate_equivalent_aerobic_minutes"
            ):
                # the sessions built already keep their minutes (below), so the fill adds
                # new blocks only: what it would grow an existing steady session by is never
                # built, and a week counted at that growth was left short of the minutes
                # (coach review 18: a tempo grown by 10 minutes kept a lifting day's idle
                # minutes from a block, 143 of 150)
                self._fill_aerobic(target.bar, rule.full_id, grow_existing=False)
                self._join_backbone_days(target.bar, rule.full_id)
                if target.first_goal_aerobic_bar is not None and self._endurance_first():
                    # more for an endurance-first goal once WHO's minutes are met (coach
                    # review 17, ENDURANCE-FIRST-IDLE-DAYS)
                    self._fill_aerobic(
                        target.first_goal_aerobic_bar, rule.full_id, grow_existing=False
                    )
                first = self._first_goal_aerobic()
                if first is not None:
                    self._fill_aerobic(*first, grow_existing=False)
        added: list[tuple[int, Slotted]] = []
        for day, sessions in enumerate(self.week.days):
            for s in sessions:
                if id(s) in before:
                    s.minutes = before[id(s)]  # built already: only new blocks change
                else:
                    added.append((day, s))
        for lift, minutes in shortened:
            lift.minutes = minutes
        return added

    def _first_goal_aerobic(self) -> tuple[int, str] | None:
        """The first goal's own weekly aerobic minutes past the guideline's bar, and the rule
        that asks for them (`first_goal_aerobic_minutes`: fat loss first, coach review 39,
        FAT-LOSS-FIRST-HELD-AT-WHO-FLOOR; ACSM's weight-loss stand, Donnelly 2009), for a
        person already active (people building up keep their build-up, COACHING.md §4) with
        no safety rule holding the aerobic minutes (`_aerobic_held`: safety wins). The fill
        takes the days' free minutes only: the lifting the rules ask for keeps its minutes."""
        wanted = self.outcome.progression.get("first_goal_aerobic_minutes")
        if (
            wanted is None
            or not isinstance(wanted.value, int)
            or not self.profile.currently_active
            or self.build_up is not None
            or self._aerobic_held()
        ):
            return None
        return wanted.value, wanted.rule

    def _endurance_first(self) -> bool:
        """Endurance is the first goal and the person is active (no build-up to respect)."""
        return (
            bool(self.profile.goals)
            and self.profile.goals[0] is Goal.ENDURANCE
            and self.profile.currently_active
        )

    def _join_backbone_days(self, target: int, rule: str) -> None:
        """A steady block after a backbone day's lifting held to its smallest form, done
        in the lifting's weeks (`joined_until`): the day's steady session of later weeks
        keeps `_fill_aerobic` from joining one there (coach review 16)."""
        cap = self.outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
        template = self.outcome.sessions.get((Modality.ENDURANCE, False))
        decision = template.rules if template else []
        longest = self._target_minutes(Modality.ENDURANCE)
        for day, until in sorted(self.joined_until.items()):
            need = target - self._aerobic_value()
            count = sum(
                1
                for d in self.week.days
                for o in d
                if o.modality is Modality.ENDURANCE and not o.optional and o.start_week == 1
            )
            if need <= 0 or (cap is not None and count >= cap[0]):
                return
            here = self.week.days[day]
            now = [o for o in here if not o.optional and o.start_week == 1]
            if any(o.modality is Modality.ENDURANCE for o in now):
                continue
            slack = self.budget - sum(o.minutes for o in now)
            least = self.joined_least.get(day, self._extra_minutes(Modality.ENDURANCE))
            if slack < least:
                continue
            s = self._steady_slot(sorted({rule, *decision}))
            s.shares_warmup = True
            s.end_week = until
            s.minutes = min(slack, longest, max(math.ceil(need), least))
            here.append(s)

    def _vigorous_steady(self, target: int) -> None:
        """When the aerobic minutes are still short, up to the rules' `vigorous_sessions`
        steady sessions that have a day to themselves run at a vigorous effort (a minute
        counts two, WHO 2020), the longest first, within the week's ceiling, the hard-session
        cap and every spacing rule; each lasts only what the target still needs."""
        allowed = self.outcome.param(Modality.ENDURANCE.value, "any", "vigorous_sessions")
        if allowed is None or allowed.value.max is None or not self.vigorous_steady:
            return
        if INTENSITY_ORDER[self.outcome.max_intensity] < INTENSITY_ORDER["vigorous"]:
            return
        if self.outcome.in_week(1).ceiling.value != "vigorous":
            return  # week 1 is held lower (a passing illness): no tempo session to hold down
        limit, _ = self.outcome.limit(Modality.ENDURANCE.value, "any", "rpe")
        if limit is not None and limit.max is not None and limit.max < 7:
            return
        cap = self.outcome.cap("hard_sessions_per_week")
        left = int(allowed.value.max)
        days = self.week.days

        def lifts(day: int) -> bool:
            return any(o.modality is Modality.RESISTANCE and not o.optional for o in days[day])

        steady = sorted(
            (
                (s.minutes, day, s)
                for day, sessions in enumerate(self.week.days)
                for s in sessions
                if s.modality is Modality.ENDURANCE
                and not s.optional
                and s.intensity == "moderate"
                and len(sessions) == 1
                # never between two lifting days: three hard days in a row (COACHING.md
                # §2, a heavy day beside a light one; coach review 30, HARD-MIDDLE-DAY)
                and not (lifts((day - 1) % 7) and lifts((day + 1) % 7))
            ),
            key=lambda t: (-t[0], t[1]),
        )
        for _, day, s in steady:
            if left <= 0 or self._aerobic_value() >= target:
                return
            hard = sum(1 for d in self.week.days for o in d if o.hard)
            if cap is not None and hard >= cap[0]:
                return
            self.week.days[day].remove(s)
            s.intensity = "vigorous"
            if self.fits(day, s):
                left -= 1
                # the tempo work starts at the low end of the rules' tempo_minutes (COACHING.md
                # §3: aerobic work progresses gradually; it grows a step a building week,
                # `progress.build_weeks`) and the session's other minutes of work stay at a
                # moderate effort, so the day's minutes still count and no tempo passes its
                # top (coach review 27, TEMPO-PAST-ITS-MINUTES: 50 minutes at RPE 7-8)
                edges = 0 if s.shares_warmup else self._edges(s.modality)
                tempo = self.outcome.param(Modality.ENDURANCE.value, "any", "tempo_minutes")
                low = (tempo.value.min if tempo is not None else None) or s.minutes - edges
                s.tempo = max(min(int(low), s.minutes - edges), 1)
                # the session names the rule that made it vigorous
                s.rules = sorted({*s.rules, allowed.rule})
            else:
                s.intensity = "moderate"
            self.week.days[day].append(s)

    def _lifting_floor(self, s: Slotted) -> int:
        """The smallest full form of a lifting session (COACHING.md §2): every compound slot
        its split day promises at three sets (the rules' range permitting), mid-range reps
        and the short end of the rests, the day's first accessory, plus warm-up and
        cool-down."""
        if s.split_day is None:
            return self._floor(s)
        # three sets of each compound, within its range: a hard exposure of each group, so
        # the WHO strength days survive the shortening (DESIGN.md v1.1)
        found = self.outcome.param("resistance", "compound", "sets")
        top = (
            int(found.value.max)
            if found is not None and found.value.max is not None
            else HARD_EXPOSURE_SETS
        )
        sets = max(self.outcome.min_sets("compound"), min(HARD_EXPOSURE_SETS, top), 1)
        one = self._slot_seconds("compound", sets=sets, short_rests=True)
        compounds = sum(1 for slot in s.split_day.slots if slot.role == "compound")
        # and the first accessory at its fewest sets: each split day lists the work for a
        # major group its compounds miss there (full body A's press, B's shoulder raise)
        first = next((x for x in s.split_day.slots if x.role != "compound"), None)
        extra = self._slot_seconds(first.role) if first is not None else 0.0
        edges = 0 if s.shares_warmup else self._edges(s.modality)
        # a session whose week-1 sets are fewer (a beginner's or a light start's one set)
        # has its smallest full form at those sets: its compounds and first accessory
        own = self._slot_seconds("compound")
        if own < one:
            one = own
        least = self._floor(s) if s.shares_warmup else math.ceil(self.shortest(s.modality))
        # and the ramp-up sets before its heavy compounds (session 31: a bone-first day's
        # deadlift fell to two sets so that its ramp-up fit the form's minutes)
        kept = [x for x in s.split_day.slots if x.role == "compound" or x is first]
        ramp = self._ramp_up_seconds(kept, compounds * one + extra)
        return max(edges + math.ceil((compounds * one + extra + ramp) / 60), least)

    def _give_back_to_lifting(self, wanted: dict[int, int]) -> None:
        """Minutes a shortened lifting session no longer needs for aerobic work go back to it,
        up to what it had before (COACHING.md §2, step 4: more for the first goal)."""
        for sessions in self.week.days:
            for o in sessions:
                if id(o) in wanted and o.minutes < wanted[id(o)]:
                    slack = self.budget - sum(x.minutes for x in sessions if not x.optional)
                    o.minutes = min(wanted[id(o)], o.minutes + max(slack, 0))

    @staticmethod
    def _full_body(s: Slotted) -> bool:
        """Whether a lifting session trains the upper and the lower body (a full-body day)."""
        muscles = s.muscles()
        return bool({"chest", "back"} & muscles) and "quads" in muscles

    def _full_body_days(self) -> int:
        return sum(
            1
            for sessions in self.week.days
            for s in sessions
            if s.modality is Modality.RESISTANCE and not s.optional and self._full_body(s)
        )

    def _split_days_carry_dose(self, least: int | None) -> bool:
        """Whether a week of upper- and lower-body days carries the first goal's minimum dose
        in its smallest full forms (guideline field `split_days_past_dose`): at least `least`
        required lifting days, none of them full body, each half of the body on as many of
        them (two or more), and week 1's compounds at three sets or more (the smallest form
        keeps three)."""
        if least is None or self.split_keep >= {"upper", "lower"}:
            return False
        lifts = [
            s
            for sessions in self.week.days
            for s in sessions
            if s.modality is Modality.RESISTANCE and not s.optional and s.split_day is not None
        ]
        if len(lifts) < least or any(self._full_body(s) for s in lifts):
            return False
        upper = sum(1 for s in lifts if {"chest", "back"} & s.muscles())
        lower = sum(1 for s in lifts if "quads" in s.muscles())
        found = self.outcome.param("resistance", "compound", "sets")
        sets = found.value.min if found is not None and found.value.min is not None else 0
        # an even week (U/L/U/L, three of each): a five-day U/L/U/L/U week would shorten its
        # three upper days toward the aerobic minutes and keep the shoulders at about
        # twice the quads' sets (a lifting day gives way there instead, as before)
        return upper == lower >= 2 and sets >= HARD_EXPOSURE_SETS

    @staticmethod
    def _half(s: Slotted) -> str:
        """The half of the body an upper or lower day trains ("upper" or "lower")."""
        return "lower" if "quads" in s.muscles() else "upper"

    def _shorten_lifting(self, target: int, *, full_body_only: bool = False) -> bool:
        """Shorten required lifting sessions toward their smallest full form, as far as the
        aerobic target still needs: a steady block already after one grows by the minutes
        freed; elsewhere the cut leaves room for `_fill_aerobic` to add one. Returns whether
        any session changed."""
        need = target - self._aerobic_value()
        least = self._extra_minutes(Modality.ENDURANCE)
        longest = self._target_minutes(Modality.ENDURANCE)
        changed = False
        for sessions in self.week.days:
            if need <= 0:
                break
            lifts = [o for o in sessions if o.modality is Modality.RESISTANCE and not o.optional]
            if not lifts:
                continue
            lift = lifts[0]
            block = next(
                (o for o in sessions if o.modality is Modality.ENDURANCE and not o.optional),
                None,
            )
            slack = self.budget - sum(o.minutes for o in sessions)
            if full_body_only and not self._full_body(lift):
                continue
            if not full_body_only and self._half(lift) in self.split_keep:
                continue
            spare = lift.minutes - self._lifting_floor(lift)
            if block is not None:
                grow = max(min(spare + slack, longest - block.minutes, math.ceil(need)), 0)
                cut = max(grow - slack, 0)
                if cut <= 0:
                    continue
                lift.minutes -= cut
                block.minutes += grow
                need -= grow * MODERATE_EQUIVALENT[block.intensity]
                changed = True
                continue
            if spare <= 0 or slack + spare < least:
                continue
            cut = min(spare, max(math.ceil(need) - slack, least - slack, 0))
            lift.minutes -= cut
            need -= slack + cut
            changed = changed or cut > 0
        return changed

    def _fill_aerobic(self, target: int, rule: str, *, grow_existing: bool = True) -> None:
        """Required steady work toward `target` moderate-equivalent minutes on the person's
        own days: the steady sessions already there grow to their longest (not with
        `grow_existing` false: `refill`, whose built sessions keep their minutes), then
        steady blocks follow the days' other sessions or take free offered days, the
        roomiest first."""
        if INTENSITY_ORDER[self.outcome.max_intensity] < INTENSITY_ORDER["moderate"]:
            return
        if Modality.ENDURANCE.value in self.outcome.forbidden("modality"):
            return
        need = target - self._aerobic_value()
        if need <= 0:
            return
        longest = self._target_minutes(Modality.ENDURANCE)
        # 1. steady sessions already there grow to their longest, within the day's minutes
        for sessions in self.week.days if grow_existing else []:
            for s in sessions:
                if need <= 0:
                    return
                if s.optional or s.modality is not Modality.ENDURANCE or s.intensity == "light":
                    continue
                slack = self.budget - sum(o.minutes for o in sessions)
                grow = max(min(slack, longest - s.minutes, math.ceil(need)), 0)
                s.minutes += grow
                need -= grow
        # 2. and 3. a steady block after the day's session, or a steady session on a free
        # offered day; the roomiest days first
        cap = self.outcome.cap("sessions_per_week", Modality.ENDURANCE.value)
        template = self.outcome.sessions.get((Modality.ENDURANCE, False))
        decision = template.rules if template else []
        added: list[tuple[list[Slotted], Slotted, int]] = []
        while need > 0:
            count = sum(
                1
                for d in self.week.days
                for o in d
                if o.modality is Modality.ENDURANCE and not o.optional
            )
            if cap is not None and count >= cap[0]:
                break
            best: tuple[tuple[int, int], int, Slotted] | None = None
            for day in self.training:
                here = self.week.days[day]
                if any(o.modality is Modality.ENDURANCE for o in here):
                    continue
                # a day held by a session that starts after the base weeks is free until then
                later = [o for o in here if o.start_week > 1]
                if here and len(later) == len(here):
                    self._hold_until(day, later, rule, decision)
                    continue
                s = self._steady_slot(sorted({rule, *decision}))
                if not self.fits(day, s, sized=True) or self._after_intervals(day):
                    continue
                slack = self.budget - sum(o.minutes for o in here)
                least = (
                    self._least_beside(day, s.modality) if here else self._min_minutes(s.modality)
                )
                if slack < least:
                    continue
                key = (-slack, self.training.index(day))
                if best is None or key < best[0]:
                    best = (key, day, s)
            if best is None:
                break
            _, day, s = best
            here = self.week.days[day]
            slack = self.budget - sum(o.minutes for o in here)
            s.shares_warmup = bool(here)
            edges = 0 if s.shares_warmup else self._edges(s.modality)
            least = self._least_beside(day, s.modality) if here else self._min_minutes(s.modality)
            # never a block below the library's least steady work (a 4-minute "brisk walk"
            # is not cardio, COACHING.md §1), or after a lifting day held to its smallest
            # form (or beside a steady-first pack's short strength session) the guideline's
            # few brisk minutes: the last minutes of need round up to it
            s.minutes = min(slack, longest, max(math.ceil(need) + edges, least))
            here.append(s)
            need -= s.minutes - edges
            added.append((here, s, edges))
        self._level_blocks(added, longest)

    def _level_blocks(self, added: list[tuple[list[Slotted], Slotted, int]], longest: int) -> None:
        """The steady blocks `_fill_aerobic` added, levelled: a minute of work at a time
        moves from the longest block to the shortest while that one's day has a minute to
        spare, so the week's aerobic work is the same and no block takes the rules' longest
        while another stays short. Two 150-minute days short of WHO's 150 get walks of 75
        and 75, not 90 and 60 (coach review 40, STEADY-CAP-LEAVES-WHO-SHORT: a person not
        yet active builds each walk up by the same 5-10 minutes a week, so the longer one
        would hold the whole build-up back)."""
        while len(added) > 1:
            work = [s.minutes - edges for _, s, edges in added]
            src = max(range(len(added)), key=lambda i: (work[i], -i))
            dst = min(range(len(added)), key=lambda i: (work[i], i))
            here, low, _ = added[dst]
            if (
                work[src] - work[dst] < 2
                or low.minutes >= longest
                or sum(o.minutes for o in here) >= self.budget
            ):
                return
            added[src][1].minutes -= 1
            low.minutes += 1

    def _steady_slot(self, rules: list[str]) -> Slotted:
        """A required moderate steady session, titled as the rules' own steady request."""
        template = self.outcome.sessions.get((Modality.ENDURANCE, False))
        return Slotted(
            Modality.ENDURANCE,
            "moderate",
            template.request.title if template else "Steady cardio",
            template.request.focus if template else "steady aerobic work",
            False,
            rules,
        )

    def _hold_until(self, day: int, later: list[Slotted], rule: str, decision: list[str]) -> None:
        """A required steady session on a day whose sessions all start after the base weeks,
        done until they start (COACHING.md §2: no offered day is left empty meanwhile)."""
        s = self._steady_slot(sorted({rule, *decision}))
        s.end_week = min(o.start_week for o in later) - 1
        here = self.week.days[day]
        self.week.days[day] = []
        try:
            fits = self.fits(day, s) and not self._after_intervals(day)
        finally:
            self.week.days[day] = here
        if fits:
            s.minutes = self._target_minutes(Modality.ENDURANCE)
            here.append(s)

    def _after_intervals(self, day: int) -> bool:
        """The day after intervals stays light when a rule asks for it."""
        before = self.week.days[(day - 1) % 7]
        return any(
            o.modality is Modality.HIIT
            and self.outcome.requirement("light_day_after", o.modality.value)
            for o in before
        )
