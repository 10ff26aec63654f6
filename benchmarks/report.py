"""After-action report benchmark (issue 3, item 8). Prints its figures; the last line is a JSON object.

It generates a large scenario pack in a temporary folder and plays ONE real exercise of it
(simulated staff in every seat, a few facilitator commands, a hot wash and an evaluator
override after the end), so the log is a genuine engine log of about 100,000 events that
verifies. Then, in the same run, it times:

- parse: reading the log (simulator.log.read_log, every line's chain link checked and JSON-parsed);
- verify: `replay --verify` (simulator.replay.verify: re-run the engine, confirm every line).
  Budget: verify <= 2 x parse.
- score: the scorecard (simulator.scoring.score_log);
- report: gathering the report data, building the report model and writing the HTML report;
- docx, md: writing the same model as Word (charts drawn as PNG) and as Markdown (charts as SVG files).

Usage: python benchmarks/report.py [--events N] [--repeats N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.engine import commands as C  # noqa: E402
from simulator.engine.seats import Seat  # noqa: E402
from simulator.loading.pack import load_pack  # noqa: E402
from simulator.log import read_log  # noqa: E402
from simulator.replay import verify  # noqa: E402
from simulator.report.build import build_report  # noqa: E402
from simulator.report.data import gather  # noqa: E402
from simulator.report.docx import render_docx  # noqa: E402
from simulator.report.html import render_html  # noqa: E402
from simulator.report.markdown import render_markdown  # noqa: E402
from simulator.scoring import score_log  # noqa: E402
from simulator.session import Session  # noqa: E402

SRC = "benchmark (generated load, not exercise content)"
DURATION = 10_000.0


def _role(rid: str, title: str, reports_to: str | None, authorities: list[str], actions: list[dict]) -> dict:
    return {"kind": "role", "id": rid, "title": title, "brief": "Generated seat for the report benchmark.", "source": SRC,
            "reports_to": reports_to, "authorities": authorities, "successor": None, "actions": actions}


def _actions(rid: str, n: int, approval: str | None = None) -> list[dict]:
    return [{"id": f"{rid}.task{i}", "label": f"{rid.title()} task {i}", "description": "A generated task.",
             "category": "operations", **({"requires_approval": approval} if approval and i % 3 == 0 else {})}
            for i in range(n)]


def build_pack(folder: Path, target_events: int):
    """A generated pack whose one exercise produces about `target_events` events.

    Load comes from three sources: scheduled injects with effects (two events each), state
    dynamics with noise every tick (one event per tick), and plan steps that simulated staff
    fulfil, report on and ask approvals for.
    """
    # Most of the load comes from the clock (one state change per tick), so the scenario file
    # stays the size of a big real MSEL rather than a multi-megabyte one.
    injects_n = max(100, target_events // 60)     # ~2 events each, plus staff reports on serious ones
    ticks = max(100, target_events - 2 * injects_n - injects_n // 10 * 4)
    tick = round(DURATION / ticks, 4)
    steps = 150
    (folder / "roles").mkdir(parents=True, exist_ok=True)
    roles = {
        "lead": _role("lead", "Incident lead (city hall)", None, ["approve_public_statement", "order"], _actions("lead", 10)),
        "ops": _role("ops", "Operations desk (police)", "lead", ["order"], _actions("ops", 10, approval="lead")),
        "press": _role("press", "Press office (communications)", "lead", [], _actions("press", 4)),
    }
    for rid, data in roles.items():
        (folder / "roles" / f"{rid}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    severities = ["low", "medium", "low", "high", "low", "medium", "low", "low", "medium", "critical"]
    injects = [{"id": f"I{i}", "at": round(i * (DURATION - 5) / injects_n, 2), "from": "desk",
                "to": ["lead", "ops", "press"][i % 3: i % 3 + 1] if i % 4 else "all", "channel": "radio",
                "title": f"Situation report {i}", "body": "Generated traffic.", "severity": severities[i % 10],
                "effects": {"tension": 0.02 if i % 2 else -0.02}}
               for i in range(injects_n)]
    injects.append({"id": "RUMOUR", "at": 30, "from": "desk", "to": ["press"], "channel": "social",
                    "title": "A false claim spreads", "body": "A claim blames the wrong people."})
    scenario = {
        "kind": "scenario", "id": "report-bench", "title": "Report benchmark", "summary": "Generated load.",
        "threat": "None (generated)", "source": SRC,
        "city": {"name": "Benchtown", "description": "A fictional town for load tests.", "languages": ["English", "Welsh"]},
        "clock": {"start": "08:00", "duration": DURATION, "tick": tick},
        "objectives": [{"id": "O1", "title": "Coordinate the response", "capability": "Operational Coordination"},
                       {"id": "O2", "title": "Inform the public", "capability": "Public Information and Warning"}],
        "modules": [{"id": "M1", "title": "Response", "phase": "initial", "starts_at": 0, "discussion_questions": ["What worked?"]},
                    {"id": "M2", "title": "Recovery", "phase": "recovery", "starts_at": 5000, "discussion_questions": ["What next?"]}],
        "state": [{"id": "tension", "label": "Tension", "initial": 50},
                  {"id": "trust", "label": "Public trust", "initial": 50, "higher_is": "better"}],
        "dynamics": [{"var": "trust", "rate": 0.0001, "noise": 0.05}, {"var": "tension", "rate": -0.0001, "noise": 0.05}],
        "senders": [{"id": "desk", "name": "Control desk", "kind": "dispatcher"}],
        "roles": list(roles), "plan": "plan.yaml", "playbook": "playbook.yaml", "injects": injects,
    }
    step_roles = ["lead", "ops", "press"]
    expectations = []
    for k in range(steps):
        rid = step_roles[k % 3]
        expectations.append({
            "id": f"P{k}", "role": rid, "description": f"Generated step {k}", "action": f"{rid}.task{k % (4 if rid == 'press' else 10)}",
            "trigger": {"delivered": f"I{k * (injects_n // steps)}"}, "within": 30, "grace": 10,
            "objective": "O1" if rid != "press" else "O2",
            "capability": "Operational Coordination" if rid != "press" else "Public Information and Warning",
            "essential": k % 25 == 0, "source": SRC})
    expectations.append({"id": "FIRST", "role": "press", "description": "First statement", "statement": ["FM-facts"],
                         "within": 40, "objective": "O2", "capability": "Public Information and Warning", "source": SRC})
    plan = {"kind": "response_plan", "id": "bench-plan", "title": "Generated plan", "source": SRC,
            "reporting": {"within": 10, "source": SRC}, "expectations": expectations}
    playbook = {
        "kind": "playbook", "id": "bench-playbook", "title": "Generated playbook", "source": SRC,
        "first_statement": {"within": 45, "source": SRC},
        "messengers": [{"role": "lead", "source": SRC}, {"role": "press", "approval_from": "lead", "source": SRC}],
        "first_message": [{"id": "FM-facts", "label": "Gives the facts", "match": {"words": ["confirm"]}, "source": SRC},
                          {"id": "FM-help", "label": "Says where to get help", "match": {"words": ["helpline"]}, "source": SRC}],
        "key_messages": [{"id": "KM-calm", "label": "Calls for calm", "match": {"words": ["calm"]}, "source": SRC}],
        "rumours": [{"id": "R1", "inject": "RUMOUR", "correct_within": 60, "match": {"words": ["false"]}, "source": SRC}],
        "cadence": {"every": 120, "source": SRC},
        "templates": [{"id": "T1", "title": "Holding line", "role": "press", "channel": "social", "languages": ["English"],
                       "covers": ["FM-facts"], "text": "We confirm an incident in Benchtown; please stay calm."}],
    }
    for name, data in (("scenario.yaml", scenario), ("plan.yaml", plan), ("playbook.yaml", playbook)):
        (folder / name).write_text(yaml.safe_dump(data, sort_keys=False))
    return load_pack(folder)


def play(pack, log: Path) -> int:
    """One exercise: staff play every seat; the facilitator adds notes and a statement along the way."""
    seats = {"lead": Seat(kind="staff", policy="plan"), "ops": Seat(kind="staff", policy="random"),
             "press": Seat(kind="staff", policy="late")}
    session = Session.start(pack, 7, seats, log)
    for k in range(1, 21):
        session.advance_to(DURATION * k / 20)
        if k == 2:
            session.submit(C.IssueStatement(by="lead", channel="social", languages=["English"],
                                            text="The claim is false. Please stay calm; the helpline is open."))
        if k % 5 == 0 and not session.ended:
            session.submit(C.ObserverNote(by="facilitator", text=f"Checkpoint {k}: the room is keeping pace."))
    session.run_to_end()
    session.submit(C.HotWashAnswer(by="facilitator", question="M1.1", text="What worked?", answer="Reporting upwards was quick."))
    session.submit(C.OverrideRating(by="facilitator", target="objective:O2", rating="S",
                                    rationale="Statements were late but accurate."))
    session.close()
    return len(session.events)


def best(fn, repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="About how many events the log should hold.")
    parser.add_argument("--repeats", type=int, default=3, help="Timings are the best of this many runs.")
    parser.add_argument("--keep", type=Path, help="Keep the log and the report in this folder.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pack = build_pack(folder / "pack", args.events)
        log = folder / "exercise.jsonl"
        log.unlink(missing_ok=True)
        start = time.perf_counter()
        events = play(pack, log)
        played = time.perf_counter() - start
        lines = sum(1 for _ in log.open("rb"))
        print(f"log: {events} events, {lines} lines, {log.stat().st_size / 1e6:.1f} MB, played in {played:.2f} s")

        parse_s, _ = best(lambda: read_log(log), args.repeats)
        verify_s, _ = best(lambda: verify(log), args.repeats)
        score_s, (_p, card, _f) = best(lambda: score_log(log), args.repeats)
        out = folder / "aar.html"

        model = []

        def report():
            model[:] = [build_report(gather(log))]
            page = render_html(model[0])
            out.write_text(page, encoding="utf-8")
            return page

        report_s, page = best(report, 1)
        docx_s, docx = best(lambda: render_docx(model[0]), 1)
        md_s, (md, _charts) = best(lambda: render_markdown(model[0]), 1)
        ratio = verify_s / parse_s
        print(f"parse:  {parse_s:.3f} s ({parse_s / lines * 1e6:.2f} us/line)")
        print(f"verify: {verify_s:.3f} s ({verify_s / lines * 1e6:.2f} us/line) = {ratio:.2f} x parse (budget <= 2.0)")
        print(f"score:  {score_s:.3f} s ({len(card.findings)} findings, score {card.score})")
        print(f"report: {report_s:.3f} s to gather and write {len(page) / 1e6:.1f} MB of HTML")
        print(f"docx:   {docx_s:.3f} s for {len(docx) / 1e6:.1f} MB of Word; md: {md_s:.3f} s for {len(md) / 1e6:.1f} MB")
        figures = {"events": events, "lines": lines, "parse_s": round(parse_s, 3), "verify_s": round(verify_s, 3),
                   "verify_vs_parse": round(ratio, 3), "score_s": round(score_s, 3), "report_s": round(report_s, 3),
                   "docx_s": round(docx_s, 3), "md_s": round(md_s, 3),
                   "within_budget": {"verify_vs_parse": ratio <= 2.0}}
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
