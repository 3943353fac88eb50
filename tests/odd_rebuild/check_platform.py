#!/usr/bin/python3
"""Checks vicsim's platform path against the rebuild written from docs/ODD.md alone (README.md here).

Usage: check_platform.py VICSIM [--seed S] [--count N] [--months T]

Runs `VICSIM run scenarios/platform_led.json --seed S --ticks t --set mechanisms.population.count=N
--set mechanisms.infrastructure.enabled=false` for t = 1..T (firms.csv holds the last month only), runs the
rebuild once over the same months (pmulti.py) and requires every month to agree at relative 1e-9: every firm's
firms.csv columns and every platform's revenue, cost, cash, GMV and fee. The SimGrid layer is off because its
route times are not in any output (REPORT.md). Exit 0 if all agree, 1 otherwise.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "..", "..", "scenarios", "platform_led.json")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("vicsim")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--count", type=int, default=300)
    p.add_argument("--months", type=int, default=12)
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "run")
        for t in range(1, a.months + 1):
            subprocess.run([a.vicsim, "run", SCENARIO, "--seed", str(a.seed), "--ticks", str(t), "--set",
                            f"mechanisms.population.count={a.count}", "--set",
                            "mechanisms.infrastructure.enabled=false", "--out", f"{prefix}_{t}", "--force", "-q"],
                           check=True)
        out = subprocess.run([sys.executable, os.path.join(HERE, "pmulti.py"), str(a.seed), str(a.count), "36",
                              str(a.months), prefix], capture_output=True, text=True, cwd=HERE)
    months = [line for line in out.stdout.splitlines() if line.startswith("month")]
    exact = [line for line in months if line.endswith("exact")]
    ok = out.returncode == 0 and len(months) == a.months and len(exact) == a.months
    print("\n".join(months))
    if out.returncode != 0:
        print(out.stderr[-2000:])
    print(f"platform_led.json, seed {a.seed}, {a.count} firms: {len(exact)} of {a.months} months exact"
          + ("" if ok else "  FAILED"))
    if os.environ.get("VICSIM_VALIDATION_OUT"):  # a row of docs/VALIDATION.md (scripts/validation_report.sh)
        with open(os.environ["VICSIM_VALIDATION_OUT"], "a") as f:
            f.write(json.dumps({
                "id": "ODD rebuild: platform path",
                "source": "tests/odd_rebuild/ (Python, written from docs/ODD.md alone)",
                "target": f"platform_led.json, {a.count} firms, seed {a.seed}, SimGrid layer off: every firm and "
                          f"platform equal vicsim's in months 1–{a.months}",
                "tolerance": "relative 1e-9",
                "measured": f"{len(exact)} of {a.months} months exact",
                "pass": ok,
                "command": "/usr/bin/python3 tests/odd_rebuild/check_platform.py build/vicsim",
            }) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
