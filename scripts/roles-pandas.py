#!/usr/bin/python3
"""An independent count of a rivalry's roles with pandas, to set beside `dyad rivalry A B --json` on a store of one file.

Usage: roles-pandas.py FILE.csv (GTD, ACLED or UCDP GED) --a "NAME,..." --b "NAME,..." [--open "NAME,..."] [--state "NAME,..."]
                       [--country "C,..."]

  --a, --b   the source's own names for each side (ACLED's actor names, GTD's gname and target corp1)
  --open     names that leave the author open between the two sides ("Taliban and/or Islamic State (Afghanistan)")
  --state    names of the state's forces (a side's battle with one of them is "fought_state")

The rules are the ones the README states ("Whose violence a figure is", "Which rows are nobody's"), written again here
from the dataset's own columns, with no Dyad code: an ACLED row is A against B when one actor is A and the other B; it
is "either" when an actor is an open name; otherwise a side's row is what it did (actor 1 of an explosion/remote
violence or violence against civilians), the fighting it was in (a battle: with the state or with others), what was done
to it (actor 2 of such an attack) or other. A GTD row is A against B when the perpetrator is one side and the target's
name the other, "either" when gname2/gname3 name the other side, and what the perpetrator did otherwise; a row whose
target alone is a side is done to it. A UCDP event is A against B when its sides are the two; otherwise a side's
one-sided violence is what it did, and its state-based or non-state conflict the fighting it was in. A row an ACLED file repeats (the same day, point to about a kilometre, actors, kind and
deaths, and, without deaths, the same words) is counted once, as Dyad links them.
Prints one JSON object: {"dyad": n, "either": n, "roles_a": {...}, "roles_b": {...}}. Needs Debian's python3-pandas.
"""
import argparse
import json
import sys

import pandas as pd

ATTACKS = {"Explosions/Remote violence", "Remote violence", "Violence against civilians"}


def names(text):
    return {n.strip() for n in (text or "").split(",") if n.strip()}


def column(df, *candidates):
    """The first of the columns present, matched without regard to case (ACLED's own exports and others' differ)."""
    lower = {c.lower(): c for c in df.columns}
    for name in candidates:
        if name.lower() in lower:
            return df[lower[name.lower()]].fillna("").astype(str).str.strip()
    return pd.Series([""] * len(df), index=df.index)


def acled(df, a, b, open_names, state):
    actor1, actor2 = column(df, "actor1"), column(df, "actor2")
    kind = column(df, "event_type", "type")
    side1 = actor1.map(lambda n: "a" if n in a else "b" if n in b else "")
    side2 = actor2.map(lambda n: "a" if n in a else "b" if n in b else "")
    opened = actor1.isin(open_names) | actor2.isin(open_names)
    result = {"dyad": 0, "either": 0, "roles_a": {}, "roles_b": {}}
    for s1, s2, is_open, k, n1, n2 in zip(side1, side2, opened, kind, actor1, actor2):
        if {s1, s2} == {"a", "b"}:
            result["dyad"] += 1
            continue
        if is_open:
            result["either"] += 1
            continue
        # A row counts once for a side: in its first slot where it is in both (a fight between two of its units).
        for side, slot, other in ((s1, 1, n2), (s2, 2, n1)):
            if not side or (slot == 2 and side == s1):
                continue
            if k in ATTACKS:
                role = "did" if slot == 1 else "done_to"
            elif k.startswith("Battle"):
                role = "fought_state" if other in state else "fought_other"
            else:
                role = "other"
            roles = result[f"roles_{side}"]
            roles[role] = roles.get(role, 0) + 1
    return result


def gtd(df, a, b):
    groups = [column(df, c) for c in ("gname", "gname2", "gname3")]
    target = column(df, "corp1")
    result = {"dyad": 0, "either": 0, "roles_a": {}, "roles_b": {}}
    for g1, g2, g3, t in zip(*groups, target):
        side = "a" if g1 in a else "b" if g1 in b else ""
        rival = {"a": b, "b": a}.get(side, set())
        others = {g2, g3} - {""}
        if side and others & rival:
            result["either"] += 1
        elif side and t in rival and not others:
            result["dyad"] += 1
        elif side and not others:
            result[f"roles_{side}"]["did"] = result[f"roles_{side}"].get("did", 0) + 1
        elif not side and t in a | b:
            key = "roles_a" if t in a else "roles_b"
            result[key]["done_to"] = result[key].get("done_to", 0) + 1
    return result


def ucdp(df, a, b):
    side_a, side_b, violence = column(df, "side_a"), column(df, "side_b"), column(df, "type_of_violence")
    result = {"dyad": 0, "either": 0, "roles_a": {}, "roles_b": {}}
    for n1, n2, v in zip(side_a, side_b, violence):
        s1 = "a" if n1 in a else "b" if n1 in b else ""
        s2 = "a" if n2 in a else "b" if n2 in b else ""
        if {s1, s2} == {"a", "b"}:
            result["dyad"] += 1
            continue
        side, slot = (s1, 1) if s1 else (s2, 2)
        if not side:
            continue
        # State-based conflict has a government on one side; an extract without type_of_violence names "Civilians" as
        # the victims of one-sided violence.
        if v == "3" or (v == "" and n2 == "Civilians"):
            role = "did" if slot == 1 else "done_to"
        elif v == "1":
            role = "fought_state"
        else:
            role = "fought_other"
        roles = result[f"roles_{side}"]
        roles[role] = roles.get(role, 0) + 1
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--a", required=True)
    ap.add_argument("--b", required=True)
    ap.add_argument("--open", default="")
    ap.add_argument("--state", default="")
    ap.add_argument("--country", default="", help="only rows of these countries (UCDP's \"IS\" is IS-K only in Afghanistan and Pakistan)")
    args = ap.parse_args()
    # index_col=False: a row with more fields than the header (UCDP's API files end some with a comma) is not read
    # as an index shifting every column.
    df = pd.read_csv(args.path, low_memory=False, encoding_errors="replace", dtype=str, keep_default_na=False, index_col=False)
    if args.country:
        df = df[column(df, "country", "country_txt").isin(names(args.country))]
    columns = {c.lower() for c in df.columns}
    is_gtd, is_ucdp = "gname" in columns, "side_a" in columns
    if not is_gtd and not is_ucdp:
        # GTD's ids are never joined; ACLED's repeated rows are, whatever its bookkeeping columns say.
        # Rows with deaths are one report when all else agrees; rows without, only when their words agree too.
        key = pd.concat([column(df, *c) for c in (("event_date",), ("actor1",), ("actor2",), ("event_type", "type"),
                                                  ("sub_event_type", "sub_type"), ("fatalities",))], axis=1)
        # The point to about a kilometre: ACLED codes one attack split across two villages as two rows.
        for c in ("latitude", "longitude"):
            key[c] = (pd.to_numeric(column(df, c), errors="coerce") * 100).round()
        key["words"] = column(df, "notes").where(pd.to_numeric(column(df, "fatalities"), errors="coerce").fillna(0) == 0, "")
        df = df[~key.duplicated()]
    a, b = names(args.a), names(args.b)
    result = gtd(df, a, b) if is_gtd else ucdp(df, a, b) if is_ucdp else acled(df, a, b, names(args.open), names(args.state))
    result["rows"] = int(len(df))
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    sys.exit(main())
