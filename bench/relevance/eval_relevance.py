#!/usr/bin/env python3
"""The Python half of bench/eval-relevance (which calls it; see its --help).

Subcommands, each a step of one evaluation:
  prepare SET KIND SOURCE ARTICLES JUDGMENTS OUT_QUERIES [REUTERS]
      writes OUT_QUERIES ([{qid, text, relevant}]) judged against the ids in ARTICLES (the
      --dump output). KIND is "judged" ([{qid, text, relevant}] as given) or "topics"
      (Reuters topic queries judged by gold_topics in REUTERS). When SOURCE is a JSONL file,
      checks that --dump kept its ids.
  newsfacet-run SEARCH_BIN DB QUERIES RUN_JSON [SEARCH_ARG...]
      runs every query in one `newsfacet-search --batch` call; writes RUN_JSON ({qid: [ids]})
      and RUN_JSON's refused list beside it (a refused query is an empty ranking).
  summarize OUT SUMMARY_META SET...
      prints the table and writes OUT/summary.json.
  compare BASELINE SUMMARY [BASELINE_NAME]
      prints the change from a previous run's summary.json and the issue's KEEP/DROP verdict.
Exit status: 0 done, 1 a step failed (one line on stderr saying why).
"""
import json
import math
import os
import subprocess
import sys

SYSTEMS = ("newsfacet", "xapian", "fts5")
PEERS = ("xapian", "fts5")
METRICS = (("map", "MAP"), ("ndcg10", "nDCG@10"), ("p10", "P@10"), ("r100", "R@100"))
SET_RATIO_TARGET = 1.0      # every set: newsfacet / better peer on MAP and nDCG@10
GEOMEAN_MAP_TARGET = 1.05   # geometric mean over the sets of the MAP ratio
MAX_MAP_FALL = 0.01         # the rule: no set's MAP may fall by more than 1%


class StepError(Exception):
    """A step failed; the message says which and why."""


def read_json(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise StepError(f"cannot read {what} {path}: {e}") from e


def write_json(path, value, indent=None):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=indent)
        f.write("\n")


def read_jsonl_ids(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["id"] for line in f if line.strip()]


# ---- prepare ------------------------------------------------------------------------------

def check_dump_kept_ids(set_name, source, article_ids):
    """--dump must hand the articles on with the ids the judgments use."""
    source_ids = set(read_jsonl_ids(source))
    changed = [i for i in article_ids if i not in source_ids]
    if changed:
        raise StepError(f"{set_name}: newsfacet-index --dump changed article ids (e.g. {changed[0]!r} is "
                        f"not an id of {source}); the judgments would not match")
    missing = len(source_ids) - len(set(article_ids))
    if missing:
        print(f"warning: {set_name}: {missing} articles of {source} are not in the --dump output",
              file=sys.stderr)


def judged_queries(set_name, path, article_ids):
    """[{qid, text, relevant}] as given: relevant a list of ids or {id: grade 0-3}."""
    qs = read_json(path, "judgments")
    if not isinstance(qs, list) or not qs:
        raise StepError(f"{path} must be a non-empty JSON array of {{qid, text, relevant}}")
    seen, unknown = set(), 0
    for i, q in enumerate(qs):
        if not isinstance(q, dict) or not isinstance(q.get("qid"), str) or not q["qid"]:
            raise StepError(f"{path}: entry {i}: needs a non-empty string qid")
        if q["qid"] in seen:
            raise StepError(f"{path}: duplicate qid {q['qid']!r}")
        seen.add(q["qid"])
        if not isinstance(q.get("text"), str) or not q["text"].strip():
            raise StepError(f"{path}: {q['qid']}: needs a non-empty text")
        rel = q.get("relevant")
        if isinstance(rel, dict):
            if any(not isinstance(g, int) or isinstance(g, bool) or not 0 <= g <= 3 for g in rel.values()):
                raise StepError(f"{path}: {q['qid']}: grades must be integers 0-3")
        elif not isinstance(rel, list):
            raise StepError(f"{path}: {q['qid']}: relevant must be a list of ids or {{id: grade}}")
        for j in rel:
            if j not in article_ids:
                unknown += 1
                print(f"warning: {set_name}: {q['qid']}: judged id {j!r} is not among the articles",
                      file=sys.stderr)
    note = f"{len(qs)} queries" + (f", {unknown} judged ids not among the articles" if unknown else "")
    return qs, note


def topic_queries(set_name, path, reuters, article_ids):
    """Reuters topic queries {qid, topic, text}: relevant = the articles labelled with the topic."""
    ts = read_json(path, "topic queries")
    if not isinstance(ts, list) or not ts:
        raise StepError(f"{path} must be a non-empty JSON array of {{qid, topic, text}}")
    by_topic = {}
    with open(reuters, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in article_ids:
                for t in set(r.get("gold_topics") or []):
                    by_topic.setdefault(t, []).append(r["id"])
    out, seen = [], set()
    for i, t in enumerate(ts):
        if not isinstance(t, dict) or not all(isinstance(t.get(k), str) and t[k].strip()
                                              for k in ("qid", "topic", "text")):
            raise StepError(f"{path}: entry {i}: needs non-empty qid, topic and text")
        if t["qid"] in seen:
            raise StepError(f"{path}: duplicate qid {t['qid']!r}")
        seen.add(t["qid"])
        rel = by_topic.get(t["topic"], [])
        if not rel:
            print(f"warning: {set_name}: {t['qid']}: no article has topic {t['topic']!r}; ir_eval skips it",
                  file=sys.stderr)
        out.append({"qid": t["qid"], "topic": t["topic"], "text": t["text"], "relevant": rel})
    note = f"{len(out)} topic queries, {sum(len(q['relevant']) for q in out)} judgments from gold_topics"
    return out, note


def prepare(set_name, kind, source, articles, judgments, out_queries, reuters=None):
    article_ids = read_jsonl_ids(articles)
    if source.endswith(".jsonl"):
        check_dump_kept_ids(set_name, source, article_ids)
    ids = set(article_ids)
    if kind == "topics":
        queries, note = topic_queries(set_name, judgments, reuters, ids)
    else:
        queries, note = judged_queries(set_name, judgments, ids)
    write_json(out_queries, queries, indent=1)
    print(note)


# ---- newsfacet-run ------------------------------------------------------------------------

def batch_line(text):
    """--batch reads one query a line: line breaks inside a query become spaces."""
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


def newsfacet_run(search_bin, db, queries_path, run_path, search_args):
    queries = read_json(queries_path, "queries")
    batch_path = os.path.splitext(run_path)[0] + "-batch.txt"
    with open(batch_path, "w", encoding="utf-8") as f:
        for q in queries:
            f.write(batch_line(q["text"]) + "\n")
    cmd = [search_bin, "--db", db, "--batch", batch_path, "--json", "--no-facets", "--no-collapse",
           "-n", "1000", *search_args]
    p = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    answers = [line for line in p.stdout.splitlines() if line.strip()]
    # Exit 2 is also a refused command line: only a full set of answer lines means refusals.
    if p.returncode not in (0, 2) or len(answers) != len(queries):
        sys.stderr.write(p.stderr[-2000:])
        raise StepError(f"newsfacet-search --batch exited with {p.returncode} and answered "
                        f"{len(answers)} of {len(queries)} queries: {' '.join(cmd)}")
    run, refused = {}, []
    for n, (q, line) in enumerate(zip(queries, answers), 1):
        try:
            answer = json.loads(line)
            if answer.get("line") != n:
                raise ValueError(f"answer for line {answer.get('line')} where line {n} was expected")
            if "error" in answer:
                refused.append({"qid": q["qid"], "text": q["text"], "error": answer["error"]})
                run[q["qid"]] = []
            else:
                run[q["qid"]] = [r["id"] for r in answer["results"]]
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise StepError(f"{q['qid']}: unreadable newsfacet-search answer: {e}") from e
    if p.returncode == 2 and not refused:
        raise StepError(f"newsfacet-search --batch exited with 2 but refused no query: {p.stderr.strip()}")
    write_json(run_path, run)
    write_json(os.path.splitext(run_path)[0] + "-refused.json", refused, indent=1)
    for r in refused:
        print(f"REFUSED {r['qid']}: {r['error']} (query: {r['text']!r})", file=sys.stderr)
    print(f"{len(run)} queries" + (f", {len(refused)} REFUSED (empty ranking)" if refused else ""))


# ---- summarize ----------------------------------------------------------------------------

def geomean(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    if any(v <= 0 for v in values):
        return 0.0
    return math.exp(sum(math.log(v) for v in values) / len(values))


def ratio_to_better_peer(scores, metric):
    best = max(scores[p][metric] for p in PEERS)
    return scores["newsfacet"][metric] / best if best > 0 else None


def read_scores(out, set_name, system):
    path = f"{out}/{set_name}/score-{system}.txt"
    with open(path, encoding="utf-8") as f:
        lines = f.read().strip().splitlines()
    try:
        return json.loads(lines[-1])
    except (IndexError, ValueError) as e:
        raise StepError(f"no scores in {path}") from e


def set_summary(out, set_name):
    scores = {s: read_scores(out, set_name, s) for s in SYSTEMS}
    ratios = {m: ratio_to_better_peer(scores, m) for m in ("map", "ndcg10")}
    refused = read_json(f"{out}/{set_name}/run-newsfacet-refused.json", "refused queries")
    return {
        "scores": scores,
        "ratio_to_better_peer": ratios,
        "pass": {m: r is not None and r >= SET_RATIO_TARGET for m, r in ratios.items()},
        "refused": len(refused),
        "refused_qids": [r["qid"] for r in refused],
    }


def verdict(ok):
    return "PASS" if ok else "MISS"


def ratio_cell(r):
    return "n/a" if r is None else f"{r:.3f} {verdict(r >= SET_RATIO_TARGET)}"


def print_table(sets):
    width = max(len("set"), *(len(s) for s in sets))
    head = f"{'set':<{width}} {'system':<10} {'queries':>7} " + " ".join(f"{h:>7}" for _, h in METRICS)
    print(head + f"  {'MAP/peer':>12}  {'nDCG@10/peer':>12}")
    for s, entry in sets.items():
        for system, sc in entry["scores"].items():
            row = f"{s:<{width}} {system:<10} {sc['queries']:>7} " + " ".join(f"{sc[m]:>7.4f}" for m, _ in METRICS)
            if system == "newsfacet":
                r = entry["ratio_to_better_peer"]
                row += f"  {ratio_cell(r['map']):>12}  {ratio_cell(r['ndcg10']):>12}"
                if entry["refused"]:
                    row += f"  ({entry['refused']} refused)"
            print(row)


def summarize(out, meta_path, set_names):
    meta = read_json(meta_path, "run description")
    sets = {s: set_summary(out, s) for s in set_names}
    gm = {m: geomean([e["ratio_to_better_peer"][m] for e in sets.values()]) for m in ("map", "ndcg10")}
    every_set = all(all(e["pass"].values()) for e in sets.values())
    gm_pass = gm["map"] is not None and gm["map"] >= GEOMEAN_MAP_TARGET
    summary = meta | {
        "targets": {"set_ratio": SET_RATIO_TARGET, "geomean_map_ratio": GEOMEAN_MAP_TARGET},
        "sets": sets,
        "geomean": {"map": gm["map"], "ndcg10": gm["ndcg10"], "sets": list(sets)},
        "refused": sum(e["refused"] for e in sets.values()),
        "pass": {"every_set": every_set, "geomean_map": gm_pass},
    }
    write_json(f"{out}/summary.json", summary, indent=1)

    print_table(sets)
    fmt = lambda v: "n/a" if v is None else f"{v:.3f}"
    print(f"geometric mean over {len(sets)} sets: MAP ratio {fmt(gm['map'])} "
          f"(target >= {GEOMEAN_MAP_TARGET}: {verdict(gm_pass)}), nDCG@10 ratio {fmt(gm['ndcg10'])}")
    missed = [s for s, e in sets.items() if not all(e["pass"].values())]
    print(f"every set >= {SET_RATIO_TARGET} x the better peer on MAP and nDCG@10: {verdict(every_set)}"
          + (f" (missed: {', '.join(missed)})" if missed else ""))
    if summary["refused"]:
        qids = "; ".join(f"{s}: {', '.join(e['refused_qids'])}" for s, e in sets.items() if e["refused"])
        print(f"WARNING: newsfacet-search refused {summary['refused']} queries, scored as empty "
              f"rankings: {qids}")
    print("(a missed target is not an error)")


# ---- compare ------------------------------------------------------------------------------

def pct(before, after):
    return "n/a" if not before else f"{100 * (after - before) / before:+.2f}%"


def compare(baseline_path, summary_path, baseline_name=None):
    before = read_json(baseline_path, "baseline summary")
    baseline_name = baseline_name or baseline_path
    after = read_json(summary_path, "summary")
    try:
        b_sets, a_sets = before["sets"], after["sets"]
        common = [s for s in a_sets if s in b_sets]
    except (KeyError, TypeError) as e:
        raise StepError(f"{baseline_path} is not a summary.json of bench/eval-relevance") from e
    label = lambda s: s.get("label") or "(no label)"
    print(f"baseline: {baseline_name} {label(before)} -> this run {label(after)}")
    only = ([f"only in the baseline: {', '.join(s for s in b_sets if s not in a_sets)}"]
            if any(s not in a_sets for s in b_sets) else []) + \
           ([f"only in this run: {', '.join(s for s in a_sets if s not in b_sets)}"]
            if any(s not in b_sets for s in a_sets) else [])
    if only:
        print("the runs cover different sets; only the sets in both count (" + "; ".join(only) + ")")
    if not common:
        raise StepError("the baseline has no set in common with this run")

    width = max(len("set"), *(len(s) for s in common))
    print(f"{'set':<{width}}  {'MAP before -> after':>20} {'change':>8}  {'nDCG@10 before -> after':>24} {'change':>8}")
    fallen = []
    for s in common:
        nb, na = b_sets[s]["scores"]["newsfacet"], a_sets[s]["scores"]["newsfacet"]
        print(f"{s:<{width}}  {nb['map']:>9.4f} -> {na['map']:<7.4f} {pct(nb['map'], na['map']):>8}  "
              f"{nb['ndcg10']:>12.4f} -> {na['ndcg10']:<7.4f} {pct(nb['ndcg10'], na['ndcg10']):>8}")
        if na["map"] < nb["map"] * (1 - MAX_MAP_FALL):
            fallen.append(f"{s} ({pct(nb['map'], na['map'])})")

    gm_before = geomean([b_sets[s]["ratio_to_better_peer"]["map"] for s in common])
    gm_after = geomean([a_sets[s]["ratio_to_better_peer"]["map"] for s in common])
    fmt = lambda v: "n/a" if v is None else f"{v:.4f}"
    print(f"geometric mean of MAP ratios over the {len(common)} common sets: "
          f"{fmt(gm_before)} -> {fmt(gm_after)}")

    unchanged = all(b_sets[s]["scores"]["newsfacet"][m] == a_sets[s]["scores"]["newsfacet"][m]
                    for s in common for m in ("map", "ndcg10")) and gm_before == gm_after
    rises = gm_before is not None and gm_after is not None and gm_after > gm_before
    if unchanged:
        print("verdict: UNCHANGED (newsfacet's MAP and nDCG@10 and the geometric mean are the "
              "baseline's on every common set: nothing to keep or drop)")
    elif rises and not fallen:
        print(f"verdict: KEEP (the geometric mean rises and no set's MAP falls by more than "
              f"{100 * MAX_MAP_FALL:g}%)")
    else:
        why = ([] if rises else ["the geometric mean of MAP ratios does not rise"]) + \
              ([f"MAP fell by more than {100 * MAX_MAP_FALL:g}% on {', '.join(fallen)}"] if fallen else [])
        print(f"verdict: DROP ({'; '.join(why)})")


def main(argv):
    commands = {
        "prepare": (prepare, 6, 7),
        "newsfacet-run": (lambda b, d, q, r, *a: newsfacet_run(b, d, q, r, list(a)), 4, None),
        "summarize": (lambda o, m, *s: summarize(o, m, list(s)), 3, None),
        "compare": (compare, 2, 3),
    }
    if not argv or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    func, least, most = commands[argv[0]]
    args = argv[1:]
    if len(args) < least or (most is not None and len(args) > most):
        print(f"eval_relevance.py {argv[0]}: wrong number of arguments (see the docstring)", file=sys.stderr)
        return 2
    try:
        func(*args)
    except StepError as e:
        print(f"eval_relevance.py {argv[0]}: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
