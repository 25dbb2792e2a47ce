#!/usr/bin/env python3
"""Derive Coopera's reference CSVs (src/main/resources/reference/).

Run BY HAND by a developer (never by the build):

    python3 tools/reference/derive.py [--data /work/shared/data] [--out src/main/resources/reference]

Derived files read the read-only source data (default /work/shared/data):
  states.csv, regions.csv          <- UNSD M49 + world-politics-datalab member list
  sdg_goals.csv, sdg_targets.csv,
  sdg_indicators.csv               <- UNSD SDG global indicator framework after the 2025 review
  upr_sessions.csv, upr_cycles.csv <- CeHDI-Foundation upr_sessions.csv (+ session 54, see below)
  themes.csv (coded themes), affected_groups.csv (names) <- OHCHR UPR matrices (derived CSV)
Authored by the Coopera project from public knowledge (tables in this file):
  instruments.csv, declarations.csv, mechanisms.csv, organisations.csv,
  themes.csv group headings / intermediate headings / gap fills, affected_groups.csv normalisation.

Output: UTF-8 without BOM, comma-separated, csv.QUOTE_MINIMAL, "\n" line endings.
Only the standard library is used.
"""
import argparse
import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "src", "main", "resources", "reference"))
DEFAULT_DATA = "/work/shared/data"


# ----------------------------------------------------------------------------- helpers
def clean(s):
    """Trim, collapse all whitespace (incl. NBSP, newlines) to one space, U+2011 -> '-'."""
    s = (s or "").replace("\u2011", "-")
    return re.sub(r"\s+", " ", s).strip()


def write_csv(out_dir, name, header, rows):
    path = os.path.join(out_dir, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            assert len(r) == len(header), (name, r)
            w.writerow(["" if v is None else v for v in r])
    print(f"wrote {name}: {len(rows)} rows")


def read_csv(path, **kw):
    # csv module never turns "NA" into null: every value stays a string.
    with open(path, encoding=kw.pop("encoding", "utf-8"), newline="") as f:
        return list(csv.DictReader(f, **kw))


def sort_key_name(name):
    base = unicodedata.normalize("NFKD", name)
    base = "".join(c for c in base if not unicodedata.combining(c))
    return (base.casefold(), name)


def target_sort_key(code):
    goal, t = code.split(".")
    return (int(goal), (0, int(t), "") if t.isdigit() else (1, 0, t))


def indicator_sort_key(code):
    g, t, i = code.split(".")
    return target_sort_key(f"{g}.{t}") + (int(i),)


# ----------------------------------------------------------------------------- states & regions
OBSERVER_ISO2 = {"VA": "VAT", "PS": "PSE"}  # Holy See, State of Palestine
# world-politics-datalab uses the withdrawn ISO code TP ("East Timor") for Timor-Leste.
LEGACY_ISO2 = {"TP": "TL"}


def build_states_regions(data, out):
    m49 = read_csv(os.path.join(data, "countries/unsd-m49/UNSD_Methodology.csv"),
                   encoding="utf-8-sig", delimiter=";")
    assert len(m49) == 248, len(m49)
    by_iso2 = {r["ISO-alpha2 Code"]: r for r in m49 if r["ISO-alpha2 Code"]}
    assert by_iso2["NA"]["Country or Area"] == "Namibia"

    members = read_csv(os.path.join(data, "treaty-ratification/world-politics-datalab/hr_status_cat.csv"))
    assert len(members) == 193
    member_iso2 = []
    for r in members:
        iso2 = LEGACY_ISO2.get(r["iso2"], r["iso2"])
        assert iso2 in by_iso2, (r["iso2"], r["member"])
        member_iso2.append(iso2)
    assert "NA" in member_iso2 and len(set(member_iso2)) == 193

    def flag(v):
        return "true" if v.strip().lower() == "x" else "false"

    rows = []
    for iso2, status in [(i, "MEMBER") for i in member_iso2] + [(i, "OBSERVER") for i in OBSERVER_ISO2]:
        r = by_iso2[iso2]
        rows.append([r["ISO-alpha3 Code"], iso2, r["M49 Code"], clean(r["Country or Area"]),
                     r["Region Code"], r["Sub-region Code"], r["Intermediate Region Code"], status,
                     flag(r["Least Developed Countries (LDC)"]),
                     flag(r["Land Locked Developing Countries (LLDC)"]),
                     flag(r["Small Island Developing States (SIDS)"])])
    rows.sort(key=lambda r: sort_key_name(r[3]))

    assert len(rows) == 195, len(rows)
    assert sum(1 for r in rows if r[7] == "MEMBER") == 193
    assert {r[0] for r in rows if r[7] == "OBSERVER"} == {"VAT", "PSE"}
    for col in (0, 1, 2):
        assert len({r[col] for r in rows}) == 195, f"duplicate in column {col}"
    assert all(re.fullmatch(r"\d{3}", r[2]) for r in rows)
    assert next(r for r in rows if r[0] == "NAM")[1] == "NA", "Namibia iso2 must be NA"
    assert all(r[4] and r[5] for r in rows), "every State has a region and a sub-region"
    write_csv(out, "states.csv", ["iso3", "iso2", "m49", "name", "region_code", "sub_region_code",
                                  "intermediate_region_code", "un_status", "ldc", "lldc", "sids"], rows)

    used = {r["M49 Code"] for r in m49 if r["ISO-alpha2 Code"] in {x[1] for x in rows}}
    regions = {}
    for r in m49:
        if r["M49 Code"] not in used:
            continue
        for code, name, level, parent in [
            (r["Region Code"], r["Region Name"], "REGION", ""),
            (r["Sub-region Code"], r["Sub-region Name"], "SUB_REGION", r["Region Code"]),
            (r["Intermediate Region Code"], r["Intermediate Region Name"], "INTERMEDIATE_REGION",
             r["Sub-region Code"]),
        ]:
            if not code:
                continue
            row = (code, clean(name), level, parent)
            assert regions.setdefault(code, row) == row, (regions[code], row)
    level_order = {"REGION": 0, "SUB_REGION": 1, "INTERMEDIATE_REGION": 2}
    reg_rows = sorted(regions.values(), key=lambda r: (level_order[r[2]], r[0]))
    write_csv(out, "regions.csv", ["code", "name", "level", "parent_code"], [list(r) for r in reg_rows])


# ----------------------------------------------------------------------------- SDGs
SDG_SHORT = ["No poverty", "Zero hunger", "Good health and well-being", "Quality education",
             "Gender equality", "Clean water and sanitation", "Affordable and clean energy",
             "Decent work and economic growth", "Industry, innovation and infrastructure",
             "Reduced inequalities", "Sustainable cities and communities",
             "Responsible consumption and production", "Climate action", "Life below water",
             "Life on land", "Peace, justice and strong institutions", "Partnerships for the goals"]

# Footnote reference digits glued to words by the xlsx -> csv conversion (checked 2025 file).
FOOTNOTE_FIXES = {"impacts3": "impacts", "negotiation3": "negotiation", "speed4": "speed"}


def strip_footnotes(s):
    for k, v in FOOTNOTE_FIXES.items():
        s = re.sub(re.escape(k) + r"\b", v, s)
    return s


def strip_code_prefix(text, code):
    return re.sub(r"^" + re.escape(code) + r"\s*[.:]?\s+", "", text)


def build_sdgs(data, out):
    src = read_csv(os.path.join(data, "sdg/unsd-official/gif_2025.derived.csv"))
    assert len(src) == 251, len(src)
    goals, targets, indicators = {}, {}, []
    for r in src:
        g = int(r["goal"])
        title = strip_footnotes(clean(r["goal_title"]))
        assert goals.setdefault(g, title) == title
        t = clean(r["target"])
        assert t.split(".")[0] == str(g), t
        ttext = strip_code_prefix(strip_footnotes(clean(r["target_text"])), t)
        assert targets.setdefault(t, (g, ttext)) == (g, ttext), t
        i = clean(r["indicator"])
        assert i.rsplit(".", 1)[0] == t, (i, t)
        itext = strip_code_prefix(strip_footnotes(clean(r["indicator_text"])), i)
        codes = [c for c in re.split(r"[\s,;]+", r["unsd_indicator_codes"] or "") if c]
        indicators.append((i, t, itext, ";".join(codes)))
    assert sorted(goals) == list(range(1, 18))
    assert len(targets) == 169 and len(indicators) == 251
    assert len({x[0] for x in indicators}) == 251
    for s in list(goals.values()) + [v[1] for v in targets.values()] + [x[2] for x in indicators]:
        assert s and not re.search(r"[a-z]\d\b", s.replace("PM2.5", "")), s

    write_csv(out, "sdg_goals.csv", ["number", "short_title", "title"],
              [[g, SDG_SHORT[g - 1], goals[g]] for g in range(1, 18)])
    write_csv(out, "sdg_targets.csv", ["code", "goal", "text"],
              [[t, targets[t][0], targets[t][1]] for t in sorted(targets, key=target_sort_key)])
    write_csv(out, "sdg_indicators.csv", ["code", "target_code", "text", "unsd_codes"],
              [list(x) for x in sorted(indicators, key=lambda x: indicator_sort_key(x[0]))])


# ----------------------------------------------------------------------------- UPR sessions/cycles
CYCLES = [(1, 1, 12), (2, 13, 26), (3, 27, 40), (4, 41, 54)]
# Session 54 is not in the source (it stops at 53, 2026). The UPR holds three Working Group
# sessions a year and sessions 51-53 are all in 2026, so session 54 (last of cycle 4) falls in
# early 2027; the 4th cycle is scheduled 2022-2027. Added here as a Coopera assumption.
SESSION_54_YEAR = 2027


def build_upr(data, out):
    src = read_csv(os.path.join(data, "upr-sessions/upr_sessions.csv"))
    sessions = {int(clean(r["session"])): int(clean(r["year"])) for r in src}
    assert sorted(sessions) == list(range(1, 54)), "expected sessions 1..53 in the source"
    if 54 not in sessions:
        sessions[54] = SESSION_54_YEAR

    def cycle_of(s):
        return next(c for c, a, b in CYCLES if a <= s <= b)

    years = [sessions[s] for s in sorted(sessions)]
    assert years == sorted(years), "session years must not decrease"
    write_csv(out, "upr_sessions.csv", ["session", "year", "cycle"],
              [[s, sessions[s], cycle_of(s)] for s in sorted(sessions)])
    write_csv(out, "upr_cycles.csv", ["cycle", "first_session", "last_session", "start_year", "end_year"],
              [[c, a, b, sessions[a], sessions[b]] for c, a, b in CYCLES])


# ----------------------------------------------------------------------------- instruments (authored)
INSTRUMENTS = [
    # code, abbreviation, name, kind, parent, adopted_on, entry_into_force_on, treaty body
    ("icerd", "ICERD", "International Convention on the Elimination of All Forms of Racial Discrimination",
     "CORE_TREATY", "", "1965-12-21", "1969-01-04", "CERD"),
    ("iccpr", "ICCPR", "International Covenant on Civil and Political Rights",
     "CORE_TREATY", "", "1966-12-16", "1976-03-23", "CCPR"),
    ("icescr", "ICESCR", "International Covenant on Economic, Social and Cultural Rights",
     "CORE_TREATY", "", "1966-12-16", "1976-01-03", "CESCR"),
    ("cedaw", "CEDAW", "Convention on the Elimination of All Forms of Discrimination against Women",
     "CORE_TREATY", "", "1979-12-18", "1981-09-03", "CEDAW"),
    ("cat", "CAT", "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
     "CORE_TREATY", "", "1984-12-10", "1987-06-26", "CAT"),
    ("crc", "CRC", "Convention on the Rights of the Child",
     "CORE_TREATY", "", "1989-11-20", "1990-09-02", "CRC"),
    ("icmw", "ICMW", "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
     "CORE_TREATY", "", "1990-12-18", "2003-07-01", "CMW"),
    ("cped", "CPED", "International Convention for the Protection of All Persons from Enforced Disappearance",
     "CORE_TREATY", "", "2006-12-20", "2010-12-23", "CED"),
    ("crpd", "CRPD", "Convention on the Rights of Persons with Disabilities",
     "CORE_TREATY", "", "2006-12-13", "2008-05-03", "CRPD"),
    ("icescr_op", "OP-ICESCR", "Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
     "OPTIONAL_PROTOCOL", "icescr", "2008-12-10", "2013-05-05", "CESCR"),
    ("iccpr_op1", "ICCPR-OP1", "Optional Protocol to the International Covenant on Civil and Political Rights",
     "OPTIONAL_PROTOCOL", "iccpr", "1966-12-16", "1976-03-23", "CCPR"),
    ("iccpr_op2", "ICCPR-OP2", "Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty",
     "OPTIONAL_PROTOCOL", "iccpr", "1989-12-15", "1991-07-11", "CCPR"),
    ("op_cedaw", "OP-CEDAW", "Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women",
     "OPTIONAL_PROTOCOL", "cedaw", "1999-10-06", "2000-12-22", "CEDAW"),
    ("op_crc_ac", "OP-CRC-AC", "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict",
     "OPTIONAL_PROTOCOL", "crc", "2000-05-25", "2002-02-12", "CRC"),
    ("op_crc_sc", "OP-CRC-SC", "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography",
     "OPTIONAL_PROTOCOL", "crc", "2000-05-25", "2002-01-18", "CRC"),
    ("op_crc_ic", "OP-CRC-IC", "Optional Protocol to the Convention on the Rights of the Child on a communications procedure",
     "OPTIONAL_PROTOCOL", "crc", "2011-12-19", "2014-04-14", "CRC"),
    ("opcat", "OP-CAT", "Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
     "OPTIONAL_PROTOCOL", "cat", "2002-12-18", "2006-06-22", "SPT"),
    ("op_crpd", "OP-CRPD", "Optional Protocol to the Convention on the Rights of Persons with Disabilities",
     "OPTIONAL_PROTOCOL", "crpd", "2006-12-13", "2008-05-03", "CRPD"),
]

DECLARATIONS = [
    # code, instrument, article, kind, name
    ("icerd_art14", "icerd", "14", "INDIVIDUAL_COMMUNICATIONS",
     "Declaration under article 14 of ICERD recognising the competence of CERD to receive individual communications"),
    ("cat_art22", "cat", "22", "INDIVIDUAL_COMMUNICATIONS",
     "Declaration under article 22 of CAT recognising the competence of the Committee against Torture to receive individual communications"),
    ("icmw_art77", "icmw", "77", "INDIVIDUAL_COMMUNICATIONS",
     "Declaration under article 77 of ICMW recognising the competence of CMW to receive individual communications"),
    ("cped_art31", "cped", "31", "INDIVIDUAL_COMMUNICATIONS",
     "Declaration under article 31 of CPED recognising the competence of CED to receive individual communications"),
    ("iccpr_art41", "iccpr", "41", "INTER_STATE",
     "Declaration under article 41 of ICCPR recognising the competence of the Human Rights Committee to receive inter-State communications"),
    ("cat_art21", "cat", "21", "INTER_STATE",
     "Declaration under article 21 of CAT recognising the competence of the Committee against Torture to receive inter-State communications"),
    ("icmw_art76", "icmw", "76", "INTER_STATE",
     "Declaration under article 76 of ICMW recognising the competence of CMW to receive inter-State communications"),
    ("cped_art32", "cped", "32", "INTER_STATE",
     "Declaration under article 32 of CPED recognising the competence of CED to receive inter-State communications"),
]

# ----------------------------------------------------------------------------- mechanisms (authored)
# established_year for treaty bodies = year the constituent instrument entered into force
# (the treaty itself establishes the committee); CESCR = ECOSOC resolution 1985/17.
TREATY_BODIES = [
    ("CERD", "CERD", "Committee on the Elimination of Racial Discrimination", "icerd", 1969),
    ("CCPR", "CCPR", "Human Rights Committee", "iccpr", 1976),
    ("CESCR", "CESCR", "Committee on Economic, Social and Cultural Rights", "icescr", 1985),
    ("CEDAW", "CEDAW", "Committee on the Elimination of Discrimination against Women", "cedaw", 1981),
    ("CAT", "CAT", "Committee against Torture", "cat", 1987),
    ("SPT", "SPT", "Subcommittee on Prevention of Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment", "opcat", 2006),
    ("CRC", "CRC", "Committee on the Rights of the Child", "crc", 1990),
    ("CMW", "CMW", "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families", "icmw", 2003),
    ("CRPD", "CRPD", "Committee on the Rights of Persons with Disabilities", "crpd", 2008),
    ("CED", "CED", "Committee on Enforced Disappearances", "cped", 2010),
]

# Thematic special procedures of the Human Rights Council (year the mandate was first created,
# under the Commission on Human Rights or the Council; None where the origin year is ambiguous).
THEMATIC = [
    ("SR_HOUSING", "Special Rapporteur on adequate housing as a component of the right to an adequate standard of living, and on the right to non-discrimination in this context", 2000),
    ("WG_PEOPLE_OF_AFRICAN_DESCENT", "Working Group of Experts on People of African Descent", 2002),
    ("WG_ARBITRARY_DETENTION", "Working Group on Arbitrary Detention", 1991),
    ("SR_SALE_OF_CHILDREN", "Special Rapporteur on the sale, sexual exploitation and sexual abuse of children", 1990),
    ("SR_CULTURAL_RIGHTS", "Special Rapporteur in the field of cultural rights", 2009),
    ("SR_RIGHT_TO_DEVELOPMENT", "Special Rapporteur on the right to development", 2016),
    ("IE_DEMOCRATIC_ORDER", "Independent Expert on the promotion of a democratic and equitable international order", 2011),
    ("SR_PERSONS_WITH_DISABILITIES", "Special Rapporteur on the rights of persons with disabilities", 2014),
    ("WG_ENFORCED_DISAPPEARANCES", "Working Group on Enforced or Involuntary Disappearances", 1980),
    ("SR_EDUCATION", "Special Rapporteur on the right to education", 1998),
    ("SR_ENVIRONMENT", "Special Rapporteur on the issue of human rights obligations relating to the enjoyment of a safe, clean, healthy and sustainable environment", 2012),
    ("SR_EXTRAJUDICIAL_EXECUTIONS", "Special Rapporteur on extrajudicial, summary or arbitrary executions", 1982),
    ("SR_EXTREME_POVERTY", "Special Rapporteur on extreme poverty and human rights", 1998),
    ("SR_FOOD", "Special Rapporteur on the right to food", 2000),
    ("IE_FOREIGN_DEBT", "Independent Expert on the effects of foreign debt and other related international financial obligations of States on the full enjoyment of all human rights, particularly economic, social and cultural rights", None),
    ("SR_FREEDOM_OF_ASSEMBLY_AND_ASSOCIATION", "Special Rapporteur on the rights to freedom of peaceful assembly and of association", 2010),
    ("SR_FREEDOM_OF_EXPRESSION", "Special Rapporteur on the promotion and protection of the right to freedom of opinion and expression", 1993),
    ("SR_FREEDOM_OF_RELIGION", "Special Rapporteur on freedom of religion or belief", 1986),
    ("SR_HEALTH", "Special Rapporteur on the right of everyone to the enjoyment of the highest attainable standard of physical and mental health", 2002),
    ("SR_HUMAN_RIGHTS_DEFENDERS", "Special Rapporteur on the situation of human rights defenders", 2000),
    ("SR_INDEPENDENCE_OF_JUDGES", "Special Rapporteur on the independence of judges and lawyers", 1994),
    ("SR_INDIGENOUS_PEOPLES", "Special Rapporteur on the rights of Indigenous Peoples", 2001),
    ("SR_IDPS", "Special Rapporteur on the human rights of internally displaced persons", None),
    ("WG_MERCENARIES", "Working Group on the use of mercenaries as a means of violating human rights and impeding the exercise of the right of peoples to self-determination", None),
    ("SR_MIGRANTS", "Special Rapporteur on the human rights of migrants", 1999),
    ("SR_MINORITY_ISSUES", "Special Rapporteur on minority issues", 2005),
    ("IE_OLDER_PERSONS", "Independent Expert on the enjoyment of all human rights by older persons", 2013),
    ("IE_ALBINISM", "Independent Expert on the enjoyment of human rights by persons with albinism", 2015),
    ("SR_LEPROSY", "Special Rapporteur on the elimination of discrimination against persons affected by leprosy and their family members", 2017),
    ("SR_PRIVACY", "Special Rapporteur on the right to privacy", 2015),
    ("SR_RACISM", "Special Rapporteur on contemporary forms of racism, racial discrimination, xenophobia and related intolerance", 1993),
    ("SR_SLAVERY", "Special Rapporteur on contemporary forms of slavery, including its causes and consequences", 2007),
    ("IE_SOGI", "Independent Expert on protection against violence and discrimination based on sexual orientation and gender identity", 2016),
    ("IE_INTERNATIONAL_SOLIDARITY", "Independent Expert on human rights and international solidarity", 2005),
    ("WG_BUSINESS_AND_HUMAN_RIGHTS", "Working Group on the issue of human rights and transnational corporations and other business enterprises", 2011),
    ("SR_COUNTER_TERRORISM", "Special Rapporteur on the promotion and protection of human rights and fundamental freedoms while countering terrorism", 2005),
    ("SR_TORTURE", "Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment", 1985),
    ("SR_TOXICS", "Special Rapporteur on the implications for human rights of the environmentally sound management and disposal of hazardous substances and wastes", 1995),
    ("SR_TRAFFICKING", "Special Rapporteur on trafficking in persons, especially women and children", 2004),
    ("SR_TRUTH_JUSTICE", "Special Rapporteur on the promotion of truth, justice, reparation and guarantees of non-recurrence", 2011),
    ("SR_UNILATERAL_COERCIVE_MEASURES", "Special Rapporteur on the negative impact of unilateral coercive measures on the enjoyment of human rights", 2014),
    ("SR_VIOLENCE_AGAINST_WOMEN", "Special Rapporteur on violence against women and girls, its causes and consequences", 1994),
    ("SR_WATER_AND_SANITATION", "Special Rapporteur on the human rights to safe drinking water and sanitation", 2008),
    ("WG_DISCRIMINATION_AGAINST_WOMEN", "Working Group on discrimination against women and girls", 2010),
    ("SR_CLIMATE_CHANGE", "Special Rapporteur on the promotion and protection of human rights in the context of climate change", 2021),
]

COUNTRY = [
    ("SR_AFGHANISTAN", "Special Rapporteur on the situation of human rights in Afghanistan", 2021),
    ("SR_BELARUS", "Special Rapporteur on the situation of human rights in Belarus", 2012),
    ("SR_BURUNDI", "Special Rapporteur on the situation of human rights in Burundi", 2021),
    ("SR_CAMBODIA", "Special Rapporteur on the situation of human rights in Cambodia", 1993),
    ("IE_CENTRAL_AFRICAN_REPUBLIC", "Independent Expert on the situation of human rights in the Central African Republic", 2013),
    ("SR_DPRK", "Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea", 2004),
    ("SR_ERITREA", "Special Rapporteur on the situation of human rights in Eritrea", 2012),
    ("SR_IRAN", "Special Rapporteur on the situation of human rights in the Islamic Republic of Iran", 2011),
    ("SR_MYANMAR", "Special Rapporteur on the situation of human rights in Myanmar", 1992),
    ("SR_OPT", "Special Rapporteur on the situation of human rights in the Palestinian territories occupied since 1967", 1993),
    ("SR_RUSSIAN_FEDERATION", "Special Rapporteur on the situation of human rights in the Russian Federation", 2022),
    ("IE_SOMALIA", "Independent Expert on the situation of human rights in Somalia", 1993),
]


def sp_abbreviation(code):
    return code.split("_", 1)[0]  # SR / IE / WG


def build_instruments_mechanisms(out):
    mech = [("UPR", "UPR", "UPR", "Universal Periodic Review", "", "", 2006)]
    mech += [(c, "TREATY_BODY", a, n, i, "", y) for c, a, n, i, y in TREATY_BODIES]
    mech += [(c, "SPECIAL_PROCEDURE", sp_abbreviation(c), n, "", "THEMATIC", y) for c, n, y in THEMATIC]
    mech += [(c, "SPECIAL_PROCEDURE", sp_abbreviation(c), n, "", "COUNTRY", y) for c, n, y in COUNTRY]
    codes = [m[0] for m in mech]
    assert len(codes) == len(set(codes))
    inst_codes = {i[0] for i in INSTRUMENTS}
    assert len(INSTRUMENTS) == 18 and len(inst_codes) == 18
    assert sum(1 for i in INSTRUMENTS if i[3] == "CORE_TREATY") == 9
    for i in INSTRUMENTS:
        assert (i[4] == "") == (i[3] == "CORE_TREATY") and (not i[4] or i[4] in inst_codes)
        assert i[7] in codes and i[5] <= i[6]
    for m in mech:
        assert not m[4] or m[4] in inst_codes
    for d in DECLARATIONS:
        assert d[1] in inst_codes and d[0] == f"{d[1]}_art{d[2]}"
    write_csv(out, "instruments.csv", ["code", "abbreviation", "name", "kind", "parent_code", "adopted_on",
                                       "entry_into_force_on", "treaty_body_code"], [list(i) for i in INSTRUMENTS])
    write_csv(out, "declarations.csv", ["code", "instrument_code", "article", "kind", "name"],
              [list(d) for d in DECLARATIONS])
    write_csv(out, "mechanisms.csv", ["code", "kind", "abbreviation", "name", "instrument_code", "mandate_kind",
                                      "established_year"], [list(m) for m in mech])


# ----------------------------------------------------------------------------- themes
# Top-level UHRI groups (A, B wording as used by UHRI's level-1 list; C is not used by UHRI).
THEME_GROUPS = [
    ("A", "General framework of implementation"),
    ("B", "Universal or cross-cutting issues"),
    ("D", "Civil & political rights"),
    ("E", "Economic, social & cultural rights"),
    ("F", "Rights of specific persons or groups"),
    ("G", "Rights of other vulnerable persons and groups"),
    ("H", "Human rights defenders and other persons"),
]
# Intermediate headings needed as parents of coded themes found in the matrices (Coopera wording
# following UHRI's structure; A1 wording also appears uncoded in the 2019 matrix).
THEME_INTERMEDIATE = [
    ("A1", "Scope of international obligations"),
    ("A2", "Cooperation with human rights mechanisms & institutions"),
    ("A4", "Domestic human rights framework"),
    ("B1", "International humanitarian & criminal law"),
    ("B3", "Equality & non-discrimination"),
    ("B4", "Right to development"),
    ("B5", "Right to an effective remedy"),
    ("B7", "Human rights & the environment"),
    ("D2", "Right to life, physical & moral integrity"),
    ("D3", "Liberty & security of the person"),
    ("D4", "Fundamental freedoms"),
    ("D5", "Administration of justice"),
    ("E2", "Right to an adequate standard of living"),
    ("E3", "Labour rights"),
    ("E4", "Right to health"),
    ("E5", "Right to education"),
    ("F1", "Women"),
    ("F3", "Children"),
]
# Gap fills: UHRI themes absent from the three matrices but reliably known.
THEME_GAPS = [
    ("D31", "Liberty and security of the person"),
    ("E22", "Right to food"),
    ("G3", "Indigenous peoples"),
    ("G6", "Internally displaced persons"),
]


def theme_parent(code):
    if len(code) == 1:
        return ""
    if len(code) == 2:
        return code[0]
    return code[:2]


def build_themes(data, out):
    src = read_csv(os.path.join(data, "ohchr-upr-matrices/upr_matrices_derived.csv"))
    coded = {}
    for r in src:
        for v in (r["themes"] or "").split(" | "):
            v = clean(v)
            m = re.fullmatch(r"([A-H]\d{1,2})\s+(.+)", v)
            if not m:
                continue  # uncoded labels (2019 layout) are not themes rows
            code, name = m.group(1), m.group(2)
            name = name[:1].upper() + name[1:]  # "E54 technical and vocational education"
            assert coded.setdefault(code, name) == name, (code, coded[code], name)
    themes = dict(coded)
    for code, name in THEME_GROUPS + THEME_INTERMEDIATE + THEME_GAPS:
        if code in themes:
            continue  # the matrices' own wording wins
        themes[code] = name
    rows = []
    for code in sorted(themes, key=lambda c: (c[0], len(c) > 1, c[1:2], len(c) > 2, c[2:])):
        rows.append([code, themes[code], theme_parent(code)])
    codes = {r[0] for r in rows}
    missing = {r[2] for r in rows if r[2] and r[2] not in codes}
    assert not missing, f"theme parents missing: {sorted(missing)}"
    write_csv(out, "themes.csv", ["code", "name", "parent_code"], rows)
    return coded


# ----------------------------------------------------------------------------- affected groups
# Normalisation of the matrices' affected_persons values (lower-cased key -> code, label).
AFFECTED = {
    "general": ("general", "General"),
    "women": ("women", "Women"),
    "girls": ("girls", "Girls"),
    "children": ("children", "Children"),
    "children in vulnerable situations (abused, living on the street, institutionalized, indigenous, migrant children etc.)":
        ("children_in_vulnerable_situations",
         "Children in vulnerable situations (abused, living on the street, institutionalized, indigenous, migrant children etc.)"),
    "children in street situations": ("children_in_street_situations", "Children in street situations"),
    "youth": ("youth", "Youth"),
    "older persons": ("older_persons", "Older persons"),
    "persons with disabilities": ("persons_with_disabilities", "Persons with disabilities"),
    "migrants": ("migrants", "Migrants"),
    "migrants & domestic workers": ("migrants_and_domestic_workers", "Migrants & domestic workers"),
    "refugees & asylum seekers": ("refugees_and_asylum_seekers", "Refugees & asylum seekers"),
    "stateless persons": ("stateless_persons", "Stateless persons"),
    "non-citizens": ("non_citizens", "Non-citizens"),
    "minorities/ racial, ethnic, linguistic, religious or descent-based groups":
        ("minorities", "Minorities / racial, ethnic, linguistic, religious or descent-based groups"),
    "roma, gypsies, sinti & travellers": ("roma_gypsies_sinti_travellers", "Roma, Gypsies, Sinti & Travellers"),
    "lesbian, gay, bisexual and transgender and intersex persons (lgbti)":
        ("lgbti", "Lesbian, gay, bisexual, transgender and intersex persons (LGBTI)"),
    "lesbian, gay, bisexual, transgender and intersex persons (lgbti)":
        ("lgbti", "Lesbian, gay, bisexual, transgender and intersex persons (LGBTI)"),
    "human rights defenders": ("human_rights_defenders", "Human rights defenders"),
    "civil society": ("civil_society", "Civil society"),
    "media": ("media", "Media"),
    "judges, lawyers and prosecutors": ("judges_lawyers_prosecutors", "Judges, lawyers and prosecutors"),
    "law enforcement / police officials": ("law_enforcement_police_officials", "Law enforcement / police officials"),
    "law enforcement / police & prison officials":
        ("law_enforcement_police_prison_officials", "Law enforcement / police & prison officials"),
    "prison officials": ("prison_officials", "Prison officials"),
    "public officials": ("public_officials", "Public officials"),
    "educational staff & students": ("educational_staff_and_students", "Educational staff & students"),
    "disappeared persons": ("disappeared_persons", "Disappeared persons"),
    "persons deprived of their liberty": ("persons_deprived_of_liberty", "Persons deprived of their liberty"),
    "persons deprived of their liberty & detainees":
        ("persons_deprived_of_liberty_and_detainees", "Persons deprived of their liberty & detainees"),
    "persons affected by armed conflict": ("persons_affected_by_armed_conflict", "Persons affected by armed conflict"),
    "persons living in poverty": ("persons_living_in_poverty", "Persons living in poverty"),
    "persons living in rural areas": ("persons_living_in_rural_areas", "Persons living in rural areas"),
    "persons living with hiv/aids": ("persons_living_with_hiv_aids", "Persons living with HIV/AIDS"),
    "vulnerable persons/groups": ("vulnerable_persons_groups", "Vulnerable persons/groups"),
}
# UHRI "persons affected" categories not met in the three matrices (from UHRI's published list).
AFFECTED_EXTRA = [
    ("indigenous_peoples", "Indigenous peoples"),
    ("internally_displaced_persons", "Internally displaced persons"),
    ("educational_staff", "Educational staff"),
    ("medical_staff", "Medical staff"),
    ("military_staff", "Military staff"),
    ("private_security", "Private security"),
    ("mercenaries", "Mercenaries"),
    ("rural_women", "Rural women"),
    ("social_workers", "Social workers"),
]


def build_affected(data, out):
    src = read_csv(os.path.join(data, "ohchr-upr-matrices/upr_matrices_derived.csv"))
    seen = {}
    for r in src:
        for v in (r["affected_persons"] or "").split(" | "):
            v = clean(v)
            if not v:
                continue
            key = v.casefold()
            assert key in AFFECTED, f"unmapped affected_persons value: {v!r}"
            code, name = AFFECTED[key]
            seen[code] = name
    rows = dict(seen)
    for code, name in AFFECTED_EXTRA:
        assert code not in rows
        rows[code] = name
    out_rows = [["general", rows.pop("general")]] + sorted(([c, n] for c, n in rows.items()), key=lambda r: r[0])
    assert len({r[0] for r in out_rows}) == len(out_rows)
    write_csv(out, "affected_groups.csv", ["code", "name"], out_rows)


# ----------------------------------------------------------------------------- organisations (authored)
ORGANISATIONS = [
    ("OHCHR", "Office of the United Nations High Commissioner for Human Rights", "UN_ENTITY"),
    ("UNDP", "United Nations Development Programme", "UN_ENTITY"),
    ("UNICEF", "United Nations Children's Fund", "UN_ENTITY"),
    ("UN_WOMEN", "United Nations Entity for Gender Equality and the Empowerment of Women (UN Women)", "UN_ENTITY"),
    ("UNFPA", "United Nations Population Fund", "UN_ENTITY"),
    ("UNHCR", "Office of the United Nations High Commissioner for Refugees", "UN_ENTITY"),
    ("UNODC", "United Nations Office on Drugs and Crime", "UN_ENTITY"),
    ("ILO", "International Labour Organization", "UN_ENTITY"),
    ("UNESCO", "United Nations Educational, Scientific and Cultural Organization", "UN_ENTITY"),
    ("WHO", "World Health Organization", "UN_ENTITY"),
    ("IOM", "International Organization for Migration", "UN_ENTITY"),
    ("FAO", "Food and Agriculture Organization of the United Nations", "UN_ENTITY"),
    ("UN_HABITAT", "United Nations Human Settlements Programme (UN-Habitat)", "UN_ENTITY"),
    ("UNAIDS", "Joint United Nations Programme on HIV/AIDS", "UN_ENTITY"),
    ("UNEP", "United Nations Environment Programme", "UN_ENTITY"),
    ("WFP", "World Food Programme", "UN_ENTITY"),
    ("UNOPS", "United Nations Office for Project Services", "UN_ENTITY"),
    ("UN_DCO", "United Nations Development Coordination Office", "UN_ENTITY"),
    ("WORLD_BANK", "World Bank", "INTERGOVERNMENTAL"),
    ("EU", "European Union", "INTERGOVERNMENTAL"),
    ("COE", "Council of Europe", "INTERGOVERNMENTAL"),
    ("OSCE_ODIHR", "OSCE Office for Democratic Institutions and Human Rights (ODIHR)", "INTERGOVERNMENTAL"),
    ("AU", "African Union", "INTERGOVERNMENTAL"),
    ("OAS", "Organization of American States", "INTERGOVERNMENTAL"),
    ("COMMONWEALTH", "Commonwealth Secretariat", "INTERGOVERNMENTAL"),
    ("OIF", "Organisation internationale de la Francophonie", "INTERGOVERNMENTAL"),
    ("GANHRI", "Global Alliance of National Human Rights Institutions", "NHRI_NETWORK"),
    ("ENNHRI", "European Network of National Human Rights Institutions", "NHRI_NETWORK"),
    ("NANHRI", "Network of African National Human Rights Institutions", "NHRI_NETWORK"),
    ("APF", "Asia Pacific Forum of National Human Rights Institutions", "NHRI_NETWORK"),
    ("UPR_INFO", "UPR Info", "NGO"),
    ("ISHR", "International Service for Human Rights", "NGO"),
    ("ICJ", "International Commission of Jurists", "NGO"),
    ("APT", "Association for the Prevention of Torture", "NGO"),
    ("AMNESTY", "Amnesty International", "NGO"),
    ("HRW", "Human Rights Watch", "NGO"),
    ("SIDA", "Swedish International Development Cooperation Agency (Sida)", "DONOR_AGENCY"),
    ("NORAD", "Norwegian Agency for Development Cooperation (Norad)", "DONOR_AGENCY"),
    ("SDC", "Swiss Agency for Development and Cooperation (SDC)", "DONOR_AGENCY"),
    ("GIZ", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "DONOR_AGENCY"),
    ("FCDO", "Foreign, Commonwealth & Development Office (United Kingdom)", "DONOR_AGENCY"),
    ("AFD", "Agence française de développement (AFD)", "DONOR_AGENCY"),
    ("JICA", "Japan International Cooperation Agency (JICA)", "DONOR_AGENCY"),
    ("KOICA", "Korea International Cooperation Agency (KOICA)", "DONOR_AGENCY"),
    ("IRISH_AID", "Irish Aid", "DONOR_AGENCY"),
    ("GAC", "Global Affairs Canada", "DONOR_AGENCY"),
]


def build_organisations(out):
    assert len({o[0] for o in ORGANISATIONS}) == len(ORGANISATIONS)
    kinds = {"UN_ENTITY", "INTERGOVERNMENTAL", "NHRI_NETWORK", "NGO", "DONOR_AGENCY"}
    assert all(o[2] in kinds for o in ORGANISATIONS)
    write_csv(out, "organisations.csv", ["code", "name", "kind"], [list(o) for o in ORGANISATIONS])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", default=DEFAULT_DATA)
    p.add_argument("--out", default=DEFAULT_OUT)
    a = p.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    build_states_regions(a.data, a.out)
    build_sdgs(a.data, a.out)
    build_upr(a.data, a.out)
    build_instruments_mechanisms(a.out)
    build_themes(a.data, a.out)
    build_affected(a.data, a.out)
    build_organisations(a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
