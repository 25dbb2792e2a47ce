#!/usr/bin/env python3
"""Check the recommendation-import vocabularies (src/main/resources/recommendations/).

Run BY HAND by a developer (never by the build):

    python3 tools/recommendations/check_vocab.py [DATA_DIR]

Always checked (repository files only):
  state_aliases.csv   header alias,iso3,note; every iso3 exists in reference/states.csv; no two
                      aliases equal after normalisation; no alias equal to another State's
                      official name or ISO2/ISO3 code; an alias that already matches its own
                      State directly is kept only with a note (a recorded decision); the names
                      in COMMON_NAMES resolve to the expected State and those in UNMAPPED do not.
  upr_info_issues.csv header issue,theme_codes,affected_group_codes; 54 distinct issues; every
                      theme code in reference/themes.csv, every group code in
                      reference/affected_groups.csv; every issue except "Other" has a theme.
When DATA_DIR (default /work/shared/data) is present, also:
  every To/From name of the UPR Info CSVs (except "(Unknown)"), every State of
  upr-info/sessions-to-cow.csv and upr-info/upr-years.csv, and every plausible State name of
  ohchr-upr-matrices/upr_matrices_derived.csv resolves (directly or by alias); the UPR Info To
  names resolve to distinct States; the distinct UPR Info issues are exactly the mapped ones.

Prints a summary; exit status 1 when a check fails. Standard library only.
"""
import csv
import io
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
REFERENCE = os.path.join(ROOT, "src", "main", "resources", "reference")
VOCAB = os.path.join(ROOT, "src", "main", "resources", "recommendations")
DEFAULT_DATA = "/work/shared/data"

UPR_INFO_FILES = ["upr-info-1-5.csv", "upr-info-6-9.csv", "upr-info-10-13.csv", "upr-info-voluntary.csv"]
UNKNOWN = {"&#40;Unknown&#41;", "(Unknown)"}
ISSUE_WITHOUT_THEME = {"Other"}
EXPECTED_ISSUES = 54

# Usual names that must resolve (directly or by alias) to the given State.
COMMON_NAMES = {
    "Russia": "RUS", "South Korea": "KOR", "North Korea": "PRK", "UK": "GBR", "USA": "USA",
    "US": "USA", "United States": "USA", "United Kingdom": "GBR", "Ivory Coast": "CIV",
    "Côte d'Ivoire": "CIV", "Côte d’Ivoire": "CIV", "Cote d'Ivoire": "CIV",
    "Congo-Brazzaville": "COG", "Congo-Kinshasa": "COD", "DR Congo": "COD", "DRC": "COD",
    "Congo": "COG", "Republic of Congo": "COG", "Democratic Republic of Congo": "COD",
    "Micronesia": "FSM", "The Gambia": "GMB", "The Bahamas": "BHS", "Burma": "MMR",
    "East Timor": "TLS", "Timor Leste": "TLS", "Swaziland": "SWZ", "Eswatini": "SWZ",
    "Macedonia": "MKD", "North Macedonia": "MKD", "Turkey": "TUR", "Turkiye": "TUR",
    "Türkiye": "TUR", "Cabo Verde": "CPV", "Cape Verde": "CPV", "Brunei": "BRN", "Lao PDR": "LAO",
    "Laos": "LAO", "Czechia": "CZE", "Czech Republic": "CZE", "Holy See": "VAT",
    "Palestine": "PSE", "State of Palestine": "PSE", "Iran": "IRN", "Syria": "SYR",
    "Venezuela": "VEN", "Bolivia": "BOL", "Tanzania": "TZA", "Vietnam": "VNM", "Viet Nam": "VNM",
    "Moldova": "MDA", "Netherlands": "NLD", "Guinea": "GIN", "Guinea Bissau": "GNB",
    "Bosnia & Herzegovina": "BIH", "St Kitts & Nevis": "KNA", "DPR Korea": "PRK",
}
# Names deliberately left unmapped (they name no single State): the import reports them.
UNMAPPED = ["Korea", "(Unknown)", "&#40;Unknown&#41;"]

# A matrix "recommending State" that does not resolve and looks like this is a parsing artefact
# (treaty acronym, ILO convention number, year range), not a State name.
NOT_A_STATE = re.compile(r"\d|^[A-Z][A-Z-]*[A-Z0-9]$")

QUOTES = "'\u2019\u2018\"\u201c\u201d"


def norm(s):
    """The lookup normalisation (the Java side implements the same; see SOURCE.md)."""
    s = s.lower()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("&", " and ")
    s = "".join(c for c in s if c not in QUOTES)
    s = "".join(c if (c.isalpha() or c.isdecimal()) else " " for c in s)
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return s


class Report:
    def __init__(self):
        self.failures = []
        self.lines = []

    def fail(self, msg):
        self.failures.append(msg)

    def info(self, msg):
        self.lines.append(msg)


def read_csv(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def read_mac_csv(path):
    """Old Mac Excel export: Mac Roman, carriage-return line ends."""
    with open(path, encoding="mac_roman", newline="") as f:
        text = f.read().replace("\r\n", "\n").replace("\r", "\n")
    return list(csv.DictReader(io.StringIO(text)))


def header_of(path):
    with open(path, encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


class Resolver:
    def __init__(self, states, aliases):
        self.direct = {}
        self.alias = {}
        self.states = states
        for r in states:
            for v in (r["name"], r["iso2"], r["iso3"]):
                self.direct.setdefault(norm(v), set()).add(r["iso3"])
        for a in aliases:
            self.alias.setdefault(norm(a["alias"]), set()).add(a["iso3"])

    def resolve(self, name):
        key = norm(name)
        hit = self.direct.get(key) or self.alias.get(key)
        if hit and len(hit) == 1:
            return next(iter(hit))
        return None


def check_reference_vocab(rep):
    states = read_csv(os.path.join(REFERENCE, "states.csv"))
    themes = {r["code"] for r in read_csv(os.path.join(REFERENCE, "themes.csv"))}
    groups = {r["code"] for r in read_csv(os.path.join(REFERENCE, "affected_groups.csv"))}
    iso3s = {r["iso3"] for r in states}

    # The direct keys must themselves be unambiguous.
    direct = {}
    for r in states:
        for v in (r["name"], r["iso2"], r["iso3"]):
            k = norm(v)
            if k in direct and direct[k] != r["iso3"]:
                rep.fail(f"states.csv: '{v}' normalises to '{k}', also {direct[k]}")
            direct[k] = r["iso3"]

    # ---- state_aliases.csv
    path = os.path.join(VOCAB, "state_aliases.csv")
    if header_of(path) != ["alias", "iso3", "note"]:
        rep.fail(f"state_aliases.csv: header must be alias,iso3,note, is {header_of(path)}")
    aliases = read_csv(path)
    seen = {}
    redundant = 0
    for n, a in enumerate(aliases, start=2):
        alias, iso3, note = a["alias"], a["iso3"], (a.get("note") or "")
        where = f"state_aliases.csv line {n} '{alias}'"
        if alias != alias.strip() or not alias:
            rep.fail(f"{where}: empty or untrimmed alias")
        if iso3 not in iso3s:
            rep.fail(f"{where}: iso3 '{iso3}' not in states.csv")
        k = norm(alias)
        if not k:
            rep.fail(f"{where}: normalises to nothing")
        if k in seen:
            rep.fail(f"{where}: same after normalisation ('{k}') as '{seen[k]}'")
        seen[k] = alias
        if k in direct:
            if direct[k] != iso3:
                rep.fail(f"{where}: is the official name or code of {direct[k]}, not {iso3}")
            elif not note.strip():
                rep.fail(f"{where}: already matches {iso3} directly; drop it or record the decision in note")
            else:
                redundant += 1
    resolver = Resolver(states, aliases)
    rep.info(f"state_aliases.csv: {len(aliases)} aliases for {len({a['iso3'] for a in aliases})} States "
             f"({redundant} direct matches kept as recorded decisions, "
             f"{sum(1 for a in aliases if (a.get('note') or '').strip())} with a note)")

    for name, expected in COMMON_NAMES.items():
        got = resolver.resolve(name)
        if got != expected:
            rep.fail(f"common name '{name}' resolves to {got}, expected {expected}")
    for name in UNMAPPED:
        got = resolver.resolve(name)
        if got is not None:
            rep.fail(f"'{name}' is deliberately unmapped but resolves to {got}")
    rep.info(f"common names: {len(COMMON_NAMES)} resolve as expected; unmapped on purpose: {', '.join(UNMAPPED)}")

    # ---- upr_info_issues.csv
    path = os.path.join(VOCAB, "upr_info_issues.csv")
    if header_of(path) != ["issue", "theme_codes", "affected_group_codes"]:
        rep.fail(f"upr_info_issues.csv: header must be issue,theme_codes,affected_group_codes, is {header_of(path)}")
    issues = read_csv(path)
    names = set()
    for n, r in enumerate(issues, start=2):
        issue = r["issue"]
        where = f"upr_info_issues.csv line {n} '{issue}'"
        if issue in names:
            rep.fail(f"{where}: duplicate issue")
        names.add(issue)
        tcodes = [c for c in r["theme_codes"].split(";") if c] if r["theme_codes"] else []
        gcodes = [c for c in r["affected_group_codes"].split(";") if c] if r["affected_group_codes"] else []
        for c in tcodes:
            if c not in themes:
                rep.fail(f"{where}: theme code '{c}' not in themes.csv")
        for c in gcodes:
            if c not in groups:
                rep.fail(f"{where}: affected group code '{c}' not in affected_groups.csv")
        if len(set(tcodes)) != len(tcodes) or len(set(gcodes)) != len(gcodes):
            rep.fail(f"{where}: repeated code")
        if not tcodes and issue not in ISSUE_WITHOUT_THEME:
            rep.fail(f"{where}: no theme code")
    if len(issues) != EXPECTED_ISSUES:
        rep.fail(f"upr_info_issues.csv: {len(issues)} issues, expected {EXPECTED_ISSUES}")
    rep.info(f"upr_info_issues.csv: {len(issues)} issues, "
             f"{sum(1 for r in issues if r['theme_codes'])} with theme codes, "
             f"{sum(1 for r in issues if r['affected_group_codes'])} with affected groups")
    return resolver, states, names


def check_data(rep, data, resolver, states, issue_names):
    members = {r["iso3"] for r in states if r["un_status"] == "MEMBER"}

    def must_resolve(source, name):
        if resolver.resolve(name) is None:
            rep.fail(f"{source}: '{name}' does not resolve")

    # ---- UPR Info export
    upr = os.path.join(data, "upr-info")
    seen_names, unknown, data_issues = set(), 0, set()
    to_names = {}
    for fn in UPR_INFO_FILES:
        for row in read_mac_csv(os.path.join(upr, fn)):
            for col in ("To", "From"):
                v = (row.get(col) or "").strip()
                if not v:
                    continue
                if v in UNKNOWN:
                    unknown += 1
                    continue
                seen_names.add(v)
                if col == "To":
                    to_names.setdefault(v, fn)
            for i in (row.get("Issue") or "").split(","):
                if i.strip():
                    data_issues.add(i.strip())
    for v in sorted(seen_names):
        must_resolve("UPR Info To/From", v)
    by_state = {}
    for v in to_names:
        by_state.setdefault(resolver.resolve(v), []).append(v)
    for iso3, vs in by_state.items():
        if iso3 is not None and len(vs) > 1:
            rep.fail(f"UPR Info To: {vs} all resolve to {iso3}")
    missing = members - set(by_state)
    rep.info(f"UPR Info To/From: {len(seen_names)} distinct names checked "
             f"({unknown} '(Unknown)' values skipped); the {len(to_names)} States under review cover "
             f"{len(members & set(by_state))} of {len(members)} Member States"
             + (f" (not reviewed there: {', '.join(sorted(missing))})" if missing else ""))

    extra, absent = data_issues - issue_names, issue_names - data_issues
    for i in sorted(extra):
        rep.fail(f"UPR Info issue '{i}' is not mapped in upr_info_issues.csv")
    for i in sorted(absent):
        rep.fail(f"upr_info_issues.csv: '{i}' is not a UPR Info issue")
    rep.info(f"UPR Info issues: {len(data_issues)} distinct, all mapped" if not extra and not absent
             else f"UPR Info issues: {len(data_issues)} distinct, {len(extra)} unmapped, {len(absent)} unknown")

    # ---- the researcher's lookups
    n = 0
    for row in read_mac_csv(os.path.join(upr, "sessions-to-cow.csv")):
        must_resolve("sessions-to-cow.csv", row["To"])
        n += 1
    years = read_mac_csv(os.path.join(upr, "upr-years.csv"))
    for row in years:
        must_resolve("upr-years.csv", row["country"])
    resolved_years = {resolver.resolve(r["country"]) for r in years}
    if len(resolved_years) != len(years):
        rep.fail(f"upr-years.csv: {len(years)} names resolve to only {len(resolved_years)} States")
    rep.info(f"sessions-to-cow.csv: {n} rows resolve; upr-years.csv: {len(years)} names resolve to "
             f"{len(resolved_years - {None})} distinct States")

    # ---- OHCHR matrices
    path = os.path.join(data, "ohchr-upr-matrices", "upr_matrices_derived.csv")
    names, skipped = set(), set()
    for row in read_csv(path):
        must_resolve("upr_matrices_derived.csv state_under_review", row["state_under_review"])
        for col in ("recommending_states_parsed", "recommending_states_column"):
            for v in (row.get(col) or "").split(" | "):
                v = v.strip()
                if not v:
                    continue
                if resolver.resolve(v) is not None:
                    names.add(v)
                elif NOT_A_STATE.search(v):
                    skipped.add(v)
                else:
                    rep.fail(f"upr_matrices_derived.csv {col}: '{v}' does not resolve")
                    names.add(v)
    rep.info(f"OHCHR matrices: {len(names)} distinct recommending-State names checked; "
             f"not States, skipped: {', '.join(sorted(skipped)) or 'none'}")


def main(argv):
    data = argv[1] if len(argv) > 1 else DEFAULT_DATA
    rep = Report()
    resolver, states, issue_names = check_reference_vocab(rep)
    if os.path.isdir(os.path.join(data, "upr-info")) and os.path.isdir(os.path.join(data, "ohchr-upr-matrices")):
        check_data(rep, data, resolver, states, issue_names)
    else:
        rep.info(f"data checks skipped: {data} has no upr-info/ and ohchr-upr-matrices/")
    for line in rep.lines:
        print(line)
    if rep.failures:
        print(f"FAILED: {len(rep.failures)} problem(s)")
        for f in rep.failures:
            print("  - " + f)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
