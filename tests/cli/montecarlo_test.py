"""msout montecarlo as a user runs it: the national model's answers against the claims
they rest on, identical bytes for any thread count, --replications auto, CSV, --focus,
--evidence-weights, --out, and the table a reader sees.

Usage: montecarlo_test.py MSOUT_BINARY REPO_ROOT
"""
import csv
import io
import json
import math
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

BINARY, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(BINARY, timeout_s=300)
NL = os.path.join(ROOT, "scenarios", "nl")
N = 10000


def function(result, fid):
    return next(f for f in result["functions"] if f["id"] == fid)


def claim(result, number):
    return result["claims"][number - 1]


def within(p, exact, n, sigmas=4):
    return abs(p - exact) <= sigmas * math.sqrt(max(exact * (1 - exact), 1e-12) / n)


# ProRail "is migrating" its traffic-control software to AWS: under aws-out, rail is down
# exactly when that planned claim holds (and the claims on its path with it).
aws = msout.json("montecarlo", "--scenario", os.path.join(NL, "aws-out.json"),
                 "--replications", str(N), "--format", "json", "--quiet")
rail = function(aws, "fn-rail-transport")
decisive = [claim(aws, c["claim"]) for c in rail["decisive_claims"]]
check("aws-out: rail's deciding claim is ProRail's planned migration to AWS",
      any(c["confidence"] == "planned" and "aan het" in c["quote"] and
          any(u["link"] == "prorail -> aws-eu-central-1" for u in c["uses"]) for c in decisive),
      decisive)
path = 1.0
for c in decisive:
    path *= c["probability"]
check("aws-out: P(rail down within 7d) = the probability of the ProRail claims",
      within(rail["down_by_end"]["p"], path, N), (rail["down_by_end"], path))
check("aws-out: rail is not certain: P(down) is near 0.3, not 1",
      rail["down_by_end"]["p"] < 0.5)

# The big banks use an unnamed US cloud: Microsoft-out reaches them with about the Azure
# share (67 %) times the probability of the AFM claim.
ms = msout.json("montecarlo", "--replications", str(N), "--format", "json", "--quiet")
giro = function(ms, "fn-mass-giro-payments")
afm = next(c for c in ms["claims"]
           if c["quote"].startswith("Alle grote banken") and "afm.nl" in c["source"])
check("microsoft-out: P(mass giro down) = Azure share x the AFM claim",
      within(giro["down_by_end"]["p"], 0.67 * afm["probability"], N),
      (giro["down_by_end"], afm["probability"]))
check("microsoft-out: every probability carries its standard error and interval",
      all({"p", "se", "low", "high"} <= set(a["down"]) for f in ms["functions"] for a in f["at"]))
check("microsoft-out: default report times 1h, 8h, 1d, 3d, 7d",
      ms["at_s"] == [3600, 28800, 86400, 259200, 604800])
svb = function(ms, "fn-state-pension-child-benefit")
check("microsoft-out: the SVB's planned and retracted claims leave the state pension "
      "well below certain", 0.05 < svb["down_by_end"]["p"] < 0.6, svb["down_by_end"])
check("microsoft-out: a 'verify these claims first' list, with sources and quotes",
      len(ms["verify_first"]) >= 3 and
      all(claim(ms, v["claim"])["source"] for v in ms["verify_first"]))
first = claim(ms, ms["verify_first"][0]["claim"])
check("README: the presumed claim that (nearly) all veiligheidsregio's depend on Microsoft is "
      "the claim to verify first",
      first["confidence"] == "presumed" and "veiligheidsregio" in first["quote"] and
      "vermoedelijk allemaal" in first["quote"], first)
pilotage = function(ms, "fn-port-pilotage")
check("README: pilotage falls within one to three days, not at 0s",
      pilotage["at"][0]["down"]["p"] == 0 and pilotage["down_by_end"]["p"] > 0.9, pilotage["at"])
svb_claims = [claim(ms, c["claim"]) for c in svb["decisive_claims"]]
check("README: the state pension turns on the SVB's planned move to Azure",
      svb_claims and svb_claims[0]["confidence"] == "planned" and
      "het plan is" in svb_claims[0]["quote"], svb_claims)
check("verify-first is ranked by value of checking",
      [v["value"] for v in ms["verify_first"]] ==
      sorted((v["value"] for v in ms["verify_first"]), reverse=True))

# Identical bytes for any thread count; another seed changes the estimates.
runs = {t: msout("montecarlo", "--replications", "3000", "--format", "json", "--quiet",
                 "--threads", str(t)).stdout for t in (1, 2, 4, 16)}
check("identical bytes for --threads 1, 2, 4 and 16",
      len(set(runs.values())) == 1 and runs[1].startswith(b"{"))
other = msout("montecarlo", "--replications", "3000", "--format", "json", "--quiet",
              "--seed", "2").stdout
check("another seed changes the estimates", other != runs[1])

# --replications auto stops at the target half-width or the cap, and says which.
auto = msout.json("montecarlo", "--format", "json", "--quiet", "--target", "0.03")
check("auto: stops when every 95% half-width is below the target",
      auto["replications_auto"]["stopped"] == "target reached" and auto["max_half_width"] < 0.03
      and auto["replications"] % 1000 == 0, (auto["replications"], auto["max_half_width"]))
fixed = msout.json("montecarlo", "--format", "json", "--quiet",
                   "--replications", str(auto["replications"]))
check("auto: the same estimates as a fixed run of as many replications",
      fixed["functions"] == auto["functions"])
capped = msout.json("montecarlo", "--format", "json", "--quiet", "--target", "0.001",
                    "--max-replications", "2000")
check("auto: stops at the cap when the target is out of reach, and says so",
      capped["replications"] == 2000 and capped["replications_auto"]["stopped"].startswith("cap"))

# CSV: RFC 4180, the curves at the report times and every step.
text = msout("montecarlo", "--replications", "2000", "--format", "csv", "--quiet").stdout
rows = list(csv.DictReader(io.StringIO(text.decode(), newline="")))
check("csv: CRLF line ends, a header and rows", text.count(b"\r\n") == len(rows) + 1 and rows)
rail_rows = [r for r in rows if r["function_id"] == "fn-rail-transport"]
check("csv: every report time is a row", {"3600", "604800"} <= {r["t_s"] for r in rail_rows})
check("csv: probabilities never fall over time",
      all(float(a["p_down"]) <= float(b["p_down"])
          for a, b in zip(rail_rows, rail_rows[1:])))

# --out-dir: every table of the document; its curves are the same rows and values (the file
# on its own quotes every id and name, as it always has).
with tempfile.TemporaryDirectory() as tmp:
    run = msout("montecarlo", "--replications", "2000", "--format", "csv", "--quiet",
                "--out-dir", tmp)
    check("csv --out-dir: one file per table", run.returncode == 0 and sorted(os.listdir(tmp)) ==
          sorted("default-" + t + ".csv" for t in ["curves", "functions", "degraded",
                                                    "claims-deciding", "verify-first", "claims"]),
          str(os.listdir(tmp)))
    with open(os.path.join(tmp, "default-curves.csv"), newline="") as f:
        check("csv --out-dir: the curves as without it", list(csv.DictReader(f)) == rows)
page = msout("montecarlo", "--replications", "500", "--format", "html", "--quiet").stdout.decode()
check("html: P(down by t) drawn per function", 'data-chart="p-down"' in page and
      'data-id="fn-rail-transport"' in page)

# --focus: the organisation and the functions it provides.
focus = msout.json("montecarlo", "--focus", "prorail", "--scenario",
                   os.path.join(NL, "aws-out.json"), "--replications", "2000",
                   "--format", "json", "--quiet")
check("--focus prorail: the organisation and rail transport",
      {f["id"] for f in focus["functions"]} >= {"prorail", "fn-rail-transport"}
      and focus["focus"] == "prorail")

# --whatif: the patched model, named in the result.
moved = msout.json("montecarlo", "--whatif",
                   os.path.join(NL, "whatif", "hix-moved-to-dutch-cloud.json"),
                   "--focus", "hospitals-hix-on-azure", "--replications", "2000",
                   "--format", "json", "--quiet")
as_is = msout.json("montecarlo", "--focus", "hospitals-hix-on-azure", "--replications", "2000",
                   "--format", "json", "--quiet")
at_8h = ms["at_s"].index(8 * 3600)
check("--whatif: the overlay is named; with the EPD at a Dutch cloud the hospitals are not "
      "down by 8h, as they mostly are without it",
      len(moved["whatif"]) == 1 and not as_is["whatif"] and
      function(moved, "hospitals-hix-on-azure")["at"][at_8h]["down"]["p"] == 0.0 and
      function(as_is, "hospitals-hix-on-azure")["at"][at_8h]["down"]["p"] > 0.5,
      moved["whatif"])

# --evidence-weights: a planned claim held certain makes rail certain under aws-out.
with tempfile.TemporaryDirectory() as tmp:
    weights = os.path.join(tmp, "weights.json")
    with open(weights, "w") as f:
        json.dump({"format": "msout-evidence-weights/1",
                   "weights": {"planned": 1, "confirmed": 1, "reported": 1}}, f)
    sure = msout.json("montecarlo", "--scenario", os.path.join(NL, "aws-out.json"),
                      "--evidence-weights", weights, "--replications", "1000",
                      "--format", "json", "--quiet")
    check("--evidence-weights planned=1: rail down in every replication",
          function(sure, "fn-rail-transport")["down_by_end"]["p"] == 1.0)
    check("--evidence-weights: claims say where their probability comes from",
          any(c["probability_from"] == "--evidence-weights" for c in sure["claims"]))
    out = os.path.join(tmp, "mc.txt")
    written = msout("montecarlo", "--replications", "500", "--out", out)
    check("--out: nothing on standard output, no progress when not a terminal",
          written.returncode == 0 and written.stdout == b"" and written.stderr == b"",
          written.stderr)
    with open(out, encoding="utf-8") as f:
        table = f.read()

    # Several scenarios: one result each in --out-dir, each the same as its own run.
    both = msout("montecarlo", "--scenario", os.path.join(NL, "aws-out.json"), "--scenario",
                 os.path.join(NL, "google-out.json"), "--replications", "500", "--quiet",
                 "--format", "json", "--out-dir", tmp)
    alone = msout("montecarlo", "--scenario", os.path.join(NL, "google-out.json"),
                  "--replications", "500", "--quiet", "--format", "json")
    with open(os.path.join(tmp, "google-out.json"), "rb") as f:
        check("several scenarios: one file each in --out-dir, the same as a run of its own",
              both.returncode == 0 and f.read() == alone.stdout and
              os.path.exists(os.path.join(tmp, "aws-out.json")))

# The table a reader sees.
for needle in ["P(DOWN BY t)", "P(DEGRADED OR DOWN BY t)", "CLAIMS THAT DECIDE IT",
               "VERIFY THESE CLAIMS FIRST", "SOURCES OF THE CLAIMS ABOVE", "first down P10/P50/P90"]:
    check(f"table shows {needle!r}", needle in table)
wide = [line for line in table.splitlines()
        if len(line) > 132 and not line.strip().startswith("http")]
check("table: no line wider than 132 columns but a source's address", not wide, wide)

# The deterministic run states what it assumed for the unnamed clouds.
run = msout.json("run", "--format", "json")
check("run: the assumed provider of a one_of choice is named as an assumption",
      any("big-banks" in a and "azure-westeurope" in a for a in run["assumptions"]))

finish()
