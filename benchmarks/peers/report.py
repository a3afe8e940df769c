#!/usr/bin/python3
"""Prints the table of benchmarks/run-peers.sh from the JSON its programs wrote in one folder:
hold_mdasim.json (bench_event_queue --benchmark_format=json), hold_simpy.json, mmc_kernel.json
(peer_mdasim mmc-kernel), mmc_mdasim.json (peer_mdasim mmc, the whole SAR engine), mmc_simpy.json,
sar_mdasim_R.json and sar_simpy_R.json for rounds R = 1, 2, ... (the two sides taken in turn; the
median round of each side is reported, and every round is listed), sar_simpy_geodesics_R.json
when SimPy also solved its own geodesics, and hold_ns3.json when the build has ns-3's
schedulers (BM_HoldNs3Map, BM_HoldNs3Heap, BM_HoldNs3Calendar, in that file or in
hold_mdasim.json); peers missing from all of them show as n/a. Any other missing file is an error.

    /usr/bin/python3 benchmarks/peers/report.py OUT_DIR [--load-start X --load-end Y]
"""

import argparse
import glob
import json
import os
import platform
import statistics
import sys

SIZES = (1000, 100000, 1000000)
SIZE_NAMES = {1000: "10^3", 100000: "10^5", 1000000: "10^6"}
NS3_DEFAULT = "BM_HoldNs3Map"  # ns-3's default scheduler (MapScheduler)
NS3_OTHERS = ("BM_HoldNs3Heap", "BM_HoldNs3Calendar")


def load(folder, name):
    path = os.path.join(folder, name)
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("report: cannot read %s: %s" % (path, e))


def rounds(folder, stem, required=True):
    """The runs of stem_1.json, stem_2.json, ... in the order of their rounds (at least one, when
    required; else possibly none)."""
    prefix = os.path.join(folder, stem + "_")
    numbered = sorted((int(p[len(prefix):-len(".json")]), p) for p in glob.glob(prefix + "*.json")
                      if p[len(prefix):-len(".json")].isdigit())
    if not numbered and required:
        sys.exit("report: no %s_R.json in %s" % (stem, folder))
    return [load(folder, os.path.basename(p)) for _, p in numbered]


def median_run(runs, key):
    """The run whose `key` is the median of the rounds (the lower middle one for an even count)."""
    middle = statistics.median_low(r[key] for r in runs)
    return next(r for r in runs if r[key] == middle)


def hold_rates(bench):
    """events (items) per second by benchmark run name, the median aggregate when repeated."""
    rates, medians = {}, {}
    for b in bench.get("benchmarks", []):
        run = b.get("run_name", b["name"])
        if "items_per_second" not in b:
            continue
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") == "median":
                medians[run] = b["items_per_second"]
        else:
            rates.setdefault(run, []).append(b["items_per_second"])
    out = {run: sorted(v)[len(v) // 2] for run, v in rates.items()}
    out.update(medians)
    return out


def si(x):
    if x is None:
        return "n/a"
    for scale, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if abs(x) >= scale:
            return "%.3g%s" % (x / scale, suffix)
    return "%.3g" % x


def row(model, ours, theirs, target=None, unit=""):
    ratio = ours / theirs if ours is not None and theirs else None
    met = "—" if target is None else ("n/a" if ratio is None else ("yes" if ratio >= target else "no"))
    return [model, si(ours) + unit, si(theirs) + unit, "n/a" if ratio is None else "%.3g" % ratio,
            "—" if target is None else "≥ %g" % target, met]


def print_table(rows, header):
    widths = [max(len(str(r[c])) for r in rows + [header]) for c in range(len(header))]
    line = lambda r: "| " + " | ".join(str(v).ljust(w) for v, w in zip(r, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))


def interval(e):
    return "%.4g [%.4g, %.4g]" % (e["mean"], e["ci_low"], e["ci_high"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--load-start", default="?")
    parser.add_argument("--load-end", default="?")
    args = parser.parse_args()
    d = args.folder
    hold_m = hold_rates(load(d, "hold_mdasim.json"))
    if os.path.exists(os.path.join(d, "hold_ns3.json")):
        hold_m.update(hold_rates(load(d, "hold_ns3.json")))
    hold_s = {r["n"]: r for r in load(d, "hold_simpy.json")["results"]}
    mmc_k, mmc_m, mmc_s = load(d, "mmc_kernel.json"), load(d, "mmc_mdasim.json"), load(d, "mmc_simpy.json")
    sar_m_rounds, sar_s_rounds = rounds(d, "sar_mdasim"), rounds(d, "sar_simpy")
    sar_m, sar_s = median_run(sar_m_rounds, "replications_per_s"), median_run(sar_s_rounds, "replications_per_s")
    sar_m_cpu = median_run(sar_m_rounds, "replications_per_cpu_s")
    sar_s_cpu = median_run(sar_s_rounds, "replications_per_cpu_s")
    sar_g_rounds = rounds(d, "sar_simpy_geodesics", required=False)
    sar_g = median_run(sar_g_rounds, "replications_per_s") if sar_g_rounds else None
    sar_g_cpu = median_run(sar_g_rounds, "replications_per_cpu_s") if sar_g_rounds else None

    rows = [
        row("SAR, sar-reduced.yaml (replications/s; SimPy given mdasim's distances)", sar_m["replications_per_s"],
            sar_s["replications_per_s"], 50),
        row("SAR, like for like (SimPy solving its geodesics, as mdasim does)", sar_m["replications_per_s"],
            sar_g["replications_per_s"] if sar_g else None),
        row("M/M/c on mdasim's event kernel (customers/s)", mmc_k["customers_per_s"], mmc_s["customers_per_s"], 30),
        row("M/M/c, whole SAR engine on mmc-heavy.yaml (customers/s, whole replications)", mmc_m["customers_per_s"],
            mmc_s["customers_per_s"]),
        row("M/M/c, whole SAR engine, simulation alone (incidents pre-drawn)", mmc_m["simulation_customers_per_s"],
            mmc_s["customers_per_s"]),
    ]
    for n in SIZES:
        ours = hold_m.get("BM_HoldEventQueue/%d" % n)
        name = SIZE_NAMES[n]
        rows.append(row("hold %s: EventQueue / std::priority_queue (events/s)" % name, ours,
                        hold_m.get("BM_HoldStdPriorityQueue/%d" % n), 0.8))
        rows.append(row("hold %s: EventQueue / ns-3 MapScheduler (default)" % name, ours,
                        hold_m.get("%s/%d" % (NS3_DEFAULT, n)), 2))
        for other in NS3_OTHERS:
            theirs = hold_m.get("%s/%d" % (other, n))
            if theirs is not None:
                rows.append(row("hold %s: EventQueue / ns-3 %s" % (name, other[len("BM_HoldNs3"):] + "Scheduler"),
                                ours, theirs))
        simpy = hold_s.get(n)
        rows.append(row("hold %s: EventQueue / SimPy (events per CPU s)" % name, ours,
                        simpy["events_per_cpu_s"] if simpy else None))
    rows.append(row("hold: EventQueue 10^6 / EventQueue 10^3", hold_m.get("BM_HoldEventQueue/1000000"),
                    hold_m.get("BM_HoldEventQueue/1000"), 0.3))
    header = ["model", "mdasim", "peer", "ratio", "target", "met"]
    print("mdasim against its peers (SimPy %s on Python %s; ns-3 schedulers where built)" %
          (sar_s.get("peer", "?").split()[-1], sar_s.get("python", "?")))
    print("machine: %s, %d cores; load average %s at the start, %s at the end" %
          (cpu_model(), os.cpu_count() or 0, args.load_start, args.load_end))
    print()
    print_table(rows, header)
    print()
    print("The same per CPU second of the simulating thread (less sensitive to a shared machine):")
    print()
    print_table([
        row("SAR (replications per CPU s; SimPy given the distances)", sar_m_cpu["replications_per_cpu_s"],
            sar_s_cpu["replications_per_cpu_s"], 50),
        row("SAR, like for like (SimPy solving its geodesics)", sar_m_cpu["replications_per_cpu_s"],
            sar_g_cpu["replications_per_cpu_s"] if sar_g_cpu else None),
        row("M/M/c on mdasim's event kernel (customers per CPU s)", mmc_k["customers_per_cpu_s"],
            mmc_s["customers_per_cpu_s"], 30),
        row("M/M/c, whole SAR engine (customers per CPU s)", mmc_m["customers_per_cpu_s"], mmc_s["customers_per_cpu_s"]),
        row("M/M/c, whole SAR engine, simulation alone", mmc_m["simulation_customers_per_cpu_s"],
            mmc_s["customers_per_cpu_s"]),
    ], header)
    print()
    print("SAR rounds, replications/s (mdasim, SimPy, ratio), the median of each side above: %s" % "; ".join(
        "%s, %s, %.1f" % (si(m["replications_per_s"]), si(p["replications_per_s"]),
                          m["replications_per_s"] / p["replications_per_s"])
        for m, p in zip(sar_m_rounds, sar_s_rounds)))
    if sar_g_rounds:
        print("SAR rounds, SimPy solving its geodesics, replications/s (ratio): %s" % "; ".join(
            "%s (%.1f)" % (si(g["replications_per_s"]), m["replications_per_s"] / g["replications_per_s"])
            for m, g in zip(sar_m_rounds, sar_g_rounds)))
    print("cpu/wall: SAR mdasim %.2f, SimPy %.2f; M/M/c mdasim event kernel %.2f, whole SAR engine %.2f, SimPy %.2f" % (
        sar_m["cpu_s"] / sar_m["wall_s"], sar_s["cpu_s"] / sar_s["wall_s"], mmc_k["cpu_s"] / mmc_k["wall_s"],
        mmc_m["cpu_s"] / mmc_m["wall_s"], mmc_s["cpu_s"] / mmc_s["wall_s"]))
    for n in SIZES:
        if n in hold_s:
            r = hold_s[n]
            print("SimPy hold %s: %s events per CPU s, %s per wall s; setup and warm-up %.1f s (%.1f s CPU), "
                  "timed run %.1f s (%.1f s CPU); peak RSS %d MB" % (
                      SIZE_NAMES[n], si(r["events_per_cpu_s"]), si(r["events_per_s"]), r["setup_s"],
                      r.get("setup_cpu_s", float("nan")), r["wall_s"], r["cpu_s"], r["peak_rss_kB"] // 1024))
        else:
            print("SimPy hold %s: not run" % SIZE_NAMES[n])
    print()
    for name, m in (("mdasim event kernel", mmc_k), ("mdasim whole SAR engine", mmc_m), ("SimPy", mmc_s)):
        print("M/M/c %s, %d replications, %d customers: P(wait) %s (Erlang C %.4f: %s), mean wait %s h (Erlang C %.4f h: %s)" % (
            name, m["replications"], m["customers"], interval(m["p_wait"]), m["p_wait_erlang_c"],
            "agrees" if m["p_wait_agrees"] else "DISAGREES", interval(m["mean_wait_h"]),
            m["mean_wait_erlang_c_h"], "agrees" if m["mean_wait_agrees"] else "DISAGREES"))
    sar_s = min(sar_s_rounds + sar_g_rounds, key=lambda r: r["agree_all_fields"])  # the worst round's agreement
    print("SAR: SimPy agrees with mdasim on %d of %d incidents (response time within 1e-6 h and found or not), "
          "on every field for %d, in its worst of %d runs (distances given%s); %d replications, %.0f incidents "
          "and %d units each" % (
              sar_s["agree"], sar_s["incidents_compared"], sar_s["agree_all_fields"],
              len(sar_s_rounds) + len(sar_g_rounds), " or solved" if sar_g_rounds else "", sar_s["replications"],
              sar_s["incidents_per_replication"], sar_s["units"]))
    if sar_s.get("first_difference"):
        print("SAR: first difference: %s" % sar_s["first_difference"])


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
