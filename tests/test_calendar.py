"""CSV and iCalendar output: complete, deterministic, and valid for the tools that read them."""

from __future__ import annotations

import csv
import io
from datetime import date

from endoprotocol import Library, RuleSet, build_plan, parse_profile
from endoprotocol.render.calendar import CSV_COLUMNS, render_csv, render_ics
from tests.conftest import RunCli

PROFILE = {
    "age": 44,
    "sex": "female",
    "goals": ["strength", "fat-loss"],
    "days": ["tue", "thu", "sat"],
    "minutes_per_session": 50,
}


def _plan(ruleset: RuleSet, library: Library):  # type: ignore[no-untyped-def]
    return build_plan(parse_profile(PROFILE), ruleset, library, weeks=4)


def test_csv_has_a_row_per_exercise_of_the_block_with_real_dates(
    ruleset: RuleSet, library: Library
) -> None:
    plan = _plan(ruleset, library)
    rows = list(csv.DictReader(io.StringIO(render_csv(plan, date(2027, 1, 6)))))
    expected = sum(len(s.exercises) for w in plan.weeks for d in w.days for s in d.sessions)
    assert len(rows) == expected
    assert tuple(rows[0]) == CSV_COLUMNS
    # a Wednesday start still lays the week out from that week's Monday
    first_tuesday = next(r for r in rows if r["day"] == "tuesday")
    assert first_tuesday["date"] == "2027-01-05"
    assert {r["week"] for r in rows} == {"1", "2", "3", "4"}


def test_ics_is_valid_folded_and_deterministic(ruleset: RuleSet, library: Library) -> None:
    plan = _plan(ruleset, library)
    text = render_ics(plan, date(2027, 1, 4))
    assert text == render_ics(plan, date(2027, 1, 4))
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    sessions = sum(len(d.sessions) for w in plan.weeks for d in w.days)
    assert text.count("BEGIN:VEVENT") == text.count("END:VEVENT") == sessions
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == len(uids)
    assert "DTSTART;VALUE=DATE:20270105" in text  # the first Tuesday
    unfolded = text.replace("\r\n ", "")
    assert "not medical advice" in unfolded


def test_cli_csv_and_ics_and_a_bad_start_date(cli: RunCli) -> None:
    result = cli("plan", "--example", "older-adult-72", "--format", "ics", "--start", "2027-03-01")
    assert result.exit_code == 0, result.stderr
    assert "DTSTART;VALUE=DATE:20270301" in result.stdout
    result = cli("plan", "--example", "older-adult-72", "--format", "csv", "--start", "2027-03-01")
    assert result.exit_code == 0
    assert result.stdout.startswith("week,date,day,")
    bad = cli("plan", "--example", "older-adult-72", "--format", "ics", "--start", "March 1st")
    assert bad.exit_code == 2
    assert "--start 'March 1st' is not a date" in bad.stderr
    assert bad.stdout == ""
