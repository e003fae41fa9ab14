"""`endoprotocol batch`: a cohort in, one ordered result per line out (DESIGN.md v1.1)."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RunCli

ROOT = Path(__file__).resolve().parents[1]

GOOD = {"age": 45, "sex": "male", "goals": ["muscle"], "equipment": ["dumbbells", "bench"]}
OLDER = {"age": 72, "sex": "female", "goals": ["bone-density"], "conditions": ["osteoporosis"]}
CHILD = {"age": 12, "sex": "male", "goals": ["muscle"]}
TYPO = {"age": 45, "sex": "male", "goals": ["musle"]}

# line 3 is blank (skipped, still counted); line 5 is not a profile at all
MIXED = "\n".join(
    [json.dumps(GOOD), json.dumps(CHILD), "", json.dumps(TYPO), "{not json", json.dumps(OLDER)]
)


def _records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def _cohort(people: int, seed: int = 7) -> str:
    spec = importlib.util.spec_from_file_location("make_cohort", ROOT / "bench" / "make_cohort.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import random

    rng = random.Random(seed)
    return "".join(json.dumps(module.person(rng)) + "\n" for _ in range(people))


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(MIXED + "\n", encoding="utf-8")
    return path


def test_one_result_per_line_in_order_with_the_highest_code(cli: RunCli, mixed: Path) -> None:
    result = cli("batch", str(mixed))
    assert result.exit_code == 5, result.stderr
    records = _records(result.stdout)
    assert [r["line"] for r in records] == [1, 2, 4, 5, 6]
    assert "plan" in records[0]
    assert "plan" in records[4]
    assert records[1]["exit_code"] == 5
    assert "18 to 100" in records[1]["error"]
    assert records[2]["exit_code"] == 3
    assert "musle" in records[2]["error"]
    assert records[3]["exit_code"] == 3
    assert records[3]["error"].startswith("invalid profile")
    assert "Traceback" not in result.stdout + result.stderr


def test_every_line_planning_exits_zero(cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps(GOOD) + "\n" + json.dumps(OLDER) + "\n", encoding="utf-8")
    result = cli("batch", str(path))
    assert result.exit_code == 0, result.stderr
    assert [r["line"] for r in _records(result.stdout)] == [1, 2]


def test_fail_fast_stops_at_the_first_bad_line(cli: RunCli, mixed: Path) -> None:
    result = cli("batch", str(mixed), "--fail-fast")
    assert result.exit_code == 5
    assert [r["line"] for r in _records(result.stdout)] == [1, 2]


def test_stdin_and_stdout_with_dash(cli: RunCli, tmp_path: Path) -> None:
    result = cli("batch", "-", "-o", "-", input=MIXED)
    assert result.exit_code == 5
    assert [r["line"] for r in _records(result.stdout)] == [1, 2, 4, 5, 6]


def test_output_file_and_nothing_on_stdout(cli: RunCli, mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = cli("batch", str(mixed), "-o", str(out))
    assert result.exit_code == 5
    assert result.stdout == ""
    assert [r["line"] for r in _records(out.read_text(encoding="utf-8"))] == [1, 2, 4, 5, 6]


def test_a_plan_line_is_byte_for_byte_the_single_plan(cli: RunCli, tmp_path: Path) -> None:
    lines = _cohort(6, seed=3)
    source = tmp_path / "in.jsonl"
    source.write_text(lines, encoding="utf-8")
    batch = cli("batch", str(source), "--weeks", "3").stdout.splitlines()
    for number, profile in enumerate(lines.splitlines(), 1):
        single = tmp_path / f"p{number}.json"
        single.write_text(profile, encoding="utf-8")
        one = cli("plan", "--profile", str(single), "-f", "json", "--weeks", "3")
        if one.exit_code == 0:
            assert batch[number - 1] == f'{{"line":{number},"plan":{one.stdout.rstrip()}}}'
        else:
            record = json.loads(batch[number - 1])
            assert record["exit_code"] == one.exit_code
            assert record["error"] == one.stderr.rstrip("\n")


def test_two_jobs_give_the_same_bytes_as_one(cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(_cohort(40) + MIXED + "\n", encoding="utf-8")
    one = cli("batch", str(source), "--jobs", "1")
    two = cli("batch", str(source), "--jobs", "2")
    assert one.exit_code == two.exit_code == 5
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 45


def test_plan_options_apply_to_every_line(cli: RunCli, mixed: Path) -> None:
    result = cli("batch", str(mixed), "--weeks", "2", "--goal", "strength", "--explain")
    plans = [r["plan"] for r in _records(result.stdout) if "plan" in r]
    assert len(plans) == 3  # the typo was in the goals, which the flag replaced
    for plan in plans:
        assert len(plan["weeks"]) == 2
        assert plan["profile"]["goals"] == ["strength"]
        assert "explanation" in plan


def test_summary_csv_has_a_row_per_person(cli: RunCli, mixed: Path, tmp_path: Path) -> None:
    table = tmp_path / "summary.csv"
    result = cli("batch", str(mixed), "--summary", str(table))
    assert result.exit_code == 5
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert [r["line"] for r in rows] == ["1", "2", "4", "5", "6"]
    assert [r["exit_code"] for r in rows] == ["0", "5", "3", "3", "0"]
    older = rows[4]
    assert older["clearance"] in {"none", "recommended", "required"}
    assert int(older["sessions_resistance"]) >= 1
    assert int(older["minutes_resistance"]) > 0
    assert older["met_who-2020-balance"] in {"true", "false"}
    assert "osteoporosis" in older["warnings"]
    assert rows[1]["error"].startswith("out of scope")
    plan = _records(result.stdout)[4]["plan"]
    assert older["warnings"].split() == [w["code"] for w in plan["warnings"]]


def test_no_plans_keeps_only_the_summary(cli: RunCli, mixed: Path, tmp_path: Path) -> None:
    table = tmp_path / "summary.csv"
    result = cli("batch", str(mixed), "--no-plans", "--summary", str(table))
    assert result.exit_code == 5
    assert result.stdout == ""
    assert len(table.read_text(encoding="utf-8").splitlines()) == 6
    alone = cli("batch", str(mixed), "--no-plans")
    assert alone.exit_code == 2
    assert "--summary" in alone.stderr


def test_resume_continues_from_the_lines_already_written(
    cli: RunCli, mixed: Path, tmp_path: Path
) -> None:
    full = cli("batch", str(mixed)).stdout
    out = tmp_path / "out.jsonl"
    done = full.splitlines()[:2]
    # an interrupted run: two lines, then half of the third
    out.write_text("\n".join(done) + "\n" + full.splitlines()[2][:20], encoding="utf-8")
    result = cli("batch", str(mixed), "-o", str(out), "--resume")
    assert result.exit_code == 3  # only lines 4-6 ran this time; the worst of them is 3
    assert out.read_text(encoding="utf-8") == full


def test_resume_with_no_plans_continues_the_summary(
    cli: RunCli, mixed: Path, tmp_path: Path
) -> None:
    table = tmp_path / "s.csv"
    cli("batch", str(mixed), "--no-plans", "--summary", str(table))
    whole = table.read_text(encoding="utf-8")
    head = "".join(whole.splitlines(keepends=True)[:3])  # header, lines 1 and 2
    table.write_text(head, encoding="utf-8")
    cli("batch", str(mixed), "--no-plans", "--summary", str(table), "--resume")
    assert table.read_text(encoding="utf-8") == whole


def test_a_broken_pack_stops_before_any_line(cli: RunCli, mixed: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: broken\n", encoding="utf-8")
    result = cli("batch", str(mixed), "--rules", str(pack))
    assert result.exit_code == 4
    assert result.stdout == ""


def test_a_missing_input_is_a_clean_error(cli: RunCli, tmp_path: Path) -> None:
    result = cli("batch", str(tmp_path / "nope.jsonl"))
    assert result.exit_code == 3
    assert "nope.jsonl" in result.stderr
    assert "Traceback" not in result.stderr


def test_dask_on_a_two_worker_cluster_writes_the_same_bytes(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from endoprotocol import cohort
    from endoprotocol.cohort_dask import run_dask

    source = (_cohort(24) + MIXED + "\n").encode()
    settings = cohort.Settings(user_dir=False, summary=True)

    def written(results: Any) -> tuple[str, str]:
        out, table = io.StringIO(), io.StringIO()
        cohort.write_results(results, out=out, summary=table)
        return out.getvalue(), table.getvalue()

    local = written(cohort.run_local(settings, cohort.numbered_lines(io.BytesIO(source))))
    lines = cohort.numbered_lines(io.BytesIO(source))
    on_dask = written(run_dask(settings, lines, workers=2, chunk_size=5, window=12))
    assert on_dask == local
    assert len(local[0].splitlines()) == 29


def test_resume_needs_a_file_to_continue(cli: RunCli, mixed: Path) -> None:
    result = cli("batch", str(mixed), "--resume")
    assert result.exit_code == 2
    assert "--output" in result.stderr
    assert result.stdout == ""


def test_an_oversized_line_is_refused_without_holding_it(cli: RunCli, tmp_path: Path) -> None:
    from endoprotocol.yamlio import MAX_BYTES

    source = tmp_path / "in.jsonl"
    huge = '{"age": 40, "note": "' + "x" * (2 * MAX_BYTES + 5) + '"}'
    source.write_text(json.dumps(GOOD) + "\n" + huge + "\n" + json.dumps(OLDER) + "\n")
    result = cli("batch", str(source))
    assert result.exit_code == 3
    records = _records(result.stdout)
    assert [r["line"] for r in records] == [1, 2, 3]
    assert "larger than" in records[1]["error"]
    assert "plan" in records[2]


def test_profile_flags_replace_every_lines_values(cli: RunCli, mixed: Path) -> None:
    result = cli(
        "batch", str(mixed), "--age", "50", "--blood-pressure", "130/85", "--minutes", "30"
    )
    plans = [r["plan"] for r in _records(result.stdout) if "plan" in r]
    assert len(plans) == 3  # the child is 50 now; the typo and the broken line still fail
    for plan in plans:
        assert plan["profile"]["age"] == 50
        assert plan["profile"]["blood_pressure"] == {"systolic": 130, "diastolic": 85}
        assert plan["profile"]["minutes_per_session"] == 30
    assert cli("batch", str(mixed), "--blood-pressure", "high").exit_code == 2
