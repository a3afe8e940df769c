#!/usr/bin/python3
"""Reads the results of `mdasim run` back with h5py, the way users will.

Usage: check_sar_results.py MDASIM SCENARIO WORKDIR

Runs `mdasim run SCENARIO -o ... --json ...` twice, on 1 and on 2 threads, and checks: the
tables exist and every column has units, the incidents table has as many rows as the
replications table counts, the summary table agrees with the JSON summary and with the
per-replication measures, the root attributes describe the run (and not the thread count), and
the two runs wrote identical datasets, attributes and JSON. Needs python3-h5py for
/usr/bin/python3; without it exits 77, which ctest reports as skipped.
"""

import json
import math
import os
import shutil
import subprocess
import sys

SKIP = 77
REPLICATIONS = 6
VARIANT = "baseline"
TABLES = ("incidents", "replications", "summary", "summary_by_class", "units")

try:
    import h5py
    import numpy as np
except ImportError as e:
    print(f"SKIP: {e} (install python3-h5py)")
    sys.exit(SKIP)

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}")


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def same_number(a, b):
    """Equal, with NaN (or JSON null) equal to NaN."""
    a = math.nan if a is None else float(a)
    b = math.nan if b is None else float(b)
    return (math.isnan(a) and math.isnan(b)) or a == b


def close_number(a, b):
    a = math.nan if a is None else float(a)
    b = math.nan if b is None else float(b)
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


def run(mdasim, scenario, workdir, threads):
    out = os.path.join(workdir, f"threads{threads}.h5")
    summary = os.path.join(workdir, f"threads{threads}.json")
    result = subprocess.run([mdasim, "run", scenario, "--replications", str(REPLICATIONS), "--threads", str(threads),
                             "-o", out, "--json", summary], capture_output=True, text=True)
    check(result.returncode == 0, f"mdasim run --threads {threads} exits 0 (got {result.returncode}: {result.stderr})")
    check(result.stderr == "", f"nothing on stderr: {result.stderr!r}")
    return out, summary


def check_file(path, summary_path):
    with open(summary_path) as s:
        summary = json.load(s)
    check(sorted(summary) == ["by_class", "metrics", "replications", "scenario", "seed", "variant"],
          f"JSON keys {sorted(summary)}")
    check(summary["variant"] == VARIANT and summary["replications"] == REPLICATIONS, "JSON variant and replications")
    for item in summary["metrics"]:
        check(sorted(item) == ["ci_high", "ci_low", "description", "mean", "n", "name", "units"],
              f"JSON metric keys {sorted(item)}")

    with h5py.File(path, "r") as f:
        # Root attributes: what the run used, never the thread count.
        attrs = f.attrs
        for name in ("engine_version", "scenario_name", "scenario_path", "scenario_text", "seed", "replications",
                     "duration_h", "warmup_h"):
            check(name in attrs, f"root attribute {name}")
        check(not any("thread" in name for name in attrs), f"no thread count among {sorted(attrs)}")
        check(attrs["scenario_name"] == summary["scenario"], "scenario_name is the JSON's scenario")
        check("incident_classes:" in attrs["scenario_text"], "scenario_text holds the scenario")
        check(int(attrs["seed"]) == summary["seed"], "seed attribute")
        check(int(attrs["replications"]) == REPLICATIONS, "replications attribute")
        check(float(attrs["duration_h"]) > float(attrs["warmup_h"]) >= 0, "duration_h and warmup_h")

        # Every dataset has units and long_name; every table one units string per column, non-empty
        # for the numbers of the tables whose columns have one unit each.
        def every_dataset(name, obj):
            if isinstance(obj, h5py.Dataset):
                check("units" in obj.attrs, f"{name} has units")
                check("long_name" in obj.attrs, f"{name} has long_name")

        f.visititems(every_dataset)
        tables = {}
        for name in TABLES:
            where = f"{VARIANT}/tables/{name}"
            check(where in f, f"table {where} exists")
            if where not in f:
                continue
            t = f[where]
            units = [text(u) for u in t.attrs["units"]]
            check(len(units) == len(t.dtype.names), f"{where}: one units string per column")
            check(len(t.attrs["column_long_names"]) == len(t.dtype.names), f"{where}: one long name per column")
            for column, unit in zip(t.dtype.names, units):
                is_text = t.dtype[column].kind == "S"
                if is_text:
                    check(unit == "", f"{where}.{column}: text has units ''")
                elif name not in ("summary", "summary_by_class"):  # their units are per row
                    check(unit != "", f"{where}.{column} has units")
            tables[name] = (t[()], dict(zip(t.dtype.names, units)))
        if len(tables) != len(TABLES):
            return

        incidents, incident_units = tables["incidents"]
        reps, rep_units = tables["replications"]
        check(incident_units["response_h"] == "h" and incident_units["lon_deg"] == "deg", "incident units")
        check(rep_units["response_mean_h"] == "h" and rep_units["within_6h"] == "1", "replication units")
        check(list(reps["replication"]) == list(range(REPLICATIONS)), "one replications row per replication")
        check(len(incidents) == int(reps["incidents"].sum()),
              f"incident rows {len(incidents)} = sum of the replications' incidents {reps['incidents'].sum()}")
        check(len(incidents) > 0, "the run had incidents")
        for r in range(REPLICATIONS):
            check(int((incidents["replication"] == r).sum()) == int(reps["incidents"][r]),
                  f"replication {r}: its incident rows")
        check({text(o) for o in incidents["outcome"]} <= {"found", "not-found", "unreachable"}, "outcome words")
        response = incidents["on_scene_h"] - incidents["alerted_h"]
        check(np.array_equal(response, incidents["response_h"], equal_nan=True), "response_h = on_scene_h - alerted_h")
        check(set(incidents["beacon"]) <= {0, 1} and set(incidents["foreign_first"]) <= {0, 1}, "0/1 flags")
        alerted_by = [text(a) for a in incidents["alerted_by"]]
        check(set(alerted_by) <= {"beacon", "overdue", "coastal-radar", "patrol"}, "alerted_by words")
        check(all(a == "beacon" for a, b in zip(alerted_by, incidents["beacon"]) if b == 1),
              "a beacon alerts at once: nothing comes earlier")
        check(bool(np.all(incidents["alerted_h"] >= incidents["occurred_h"])), "alerts come after the incident")
        patrols_where = f"{VARIANT}/tables/patrols"
        if patrols_where in f:
            p = f[patrols_where][()]
            check(len(p) > 0 and bool(np.all(p["flown"] <= p["planned"])), "patrols fly at most the planned sorties")
            check(bool(np.all(p["flown"] > 0)) and bool(np.all(p["station_h"] > 0)), "every patrol flew and stayed on station")
            check(bool(np.all(p["retasked"] <= p["flown"])), "retasked sorties are among those flown")
            for layer in ("patrol_covered_fraction", "target_detected_fraction", "target_time_to_detect_h"):
                where = f"{VARIANT}/maps/{layer}"
                check(where in f, f"map {where} exists")
                if where in f:
                    values = f[where][()]
                    check(bool(np.any(np.isfinite(values))), f"{where} has values at sea")
            covered = f[f"{VARIANT}/maps/patrol_covered_fraction"][()]
            check(float(np.nanmax(covered)) > 0.0 and float(np.nanmax(covered)) <= 1.0,
                  "some cell is covered by a patrol, none more than all the time")

        # The summary table agrees with the JSON and with the per-replication measures.
        table, _ = tables["summary"]
        by_key = {item["name"]: item for item in summary["metrics"]}
        check([text(k) for k in table["metric"]] == [item["name"] for item in summary["metrics"]],
              "the summary table and the JSON list the same measures in the same order")
        for row in table:
            key = text(row["metric"])
            item = by_key.get(key)
            if item is None:
                continue
            for field in ("mean", "ci_low", "ci_high"):
                check(same_number(row[field], item[field]), f"summary {key}.{field}: {row[field]} vs JSON {item[field]}")
            check(int(row["n"]) == item["n"], f"summary {key}.n")
            check(text(row["units"]) == item["units"], f"summary {key}.units")
            check(text(row["long_name"]) == item["description"], f"summary {key}.long_name")
            values = reps[key]
            defined = values[~np.isnan(values)]
            check(int(row["n"]) == len(defined), f"summary {key}.n counts the replications where it is defined")
            if len(defined) > 0:
                check(close_number(row["mean"], float(np.mean(defined))), f"summary {key}.mean is the replications' mean")

        by_class, _ = tables["summary_by_class"]
        for row in by_class:
            klass, key = text(row["class"]), text(row["metric"])
            items = {item["name"]: item for item in summary["by_class"].get(klass, [])}
            check(key in items, f"JSON by_class has {klass}/{key}")
            if key in items:
                for field in ("mean", "ci_low", "ci_high"):
                    check(same_number(row[field], items[key][field]), f"by class {klass}/{key}.{field}")

        units, _ = tables["units"]
        check(len(units) > 0, "the units table has the SAR units")
        check(bool(np.all((units["utilisation"] >= 0) & (units["utilisation"] <= 1))), "unit utilisation in [0, 1]")


def datasets(path):
    """Every dataset's dtype, shape, bytes and attributes, and the root attributes."""
    contents = {}
    with h5py.File(path, "r") as f:
        contents["/"] = {k: repr(v) for k, v in f.attrs.items()}

        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                data = obj[()]
                attrs = {k: repr(v) for k, v in obj.attrs.items() if k not in ("DIMENSION_LIST", "REFERENCE_LIST")}
                contents[name] = (str(obj.dtype), obj.shape, np.asarray(data).tobytes(), attrs)
            else:
                contents[name] = "group"

        f.visititems(visit)
    return contents


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    mdasim, scenario, workdir = sys.argv[1:]
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    one = run(mdasim, scenario, workdir, 1)
    two = run(mdasim, scenario, workdir, 2)
    check(sorted(os.listdir(workdir)) == ["threads1.h5", "threads1.json", "threads2.h5", "threads2.json"],
          f"only the committed files are left: {sorted(os.listdir(workdir))}")
    if failures:
        return 1
    check_file(*one)
    a, b = datasets(one[0]), datasets(two[0])
    check(sorted(a) == sorted(b), "both files hold the same datasets")
    for name in sorted(set(a) & set(b)):
        check(a[name] == b[name], f"{name} is identical for --threads 1 and 2")
    with open(one[1], "rb") as x, open(two[1], "rb") as y:
        check(x.read() == y.read(), "the JSON summary is identical for --threads 1 and 2")
    if failures:
        print(f"{len(failures)} checks failed")
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"SAR results read back with h5py {h5py.__version__}; identical on 1 and 2 threads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
