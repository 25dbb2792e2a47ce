#!/usr/bin/env python3
"""Compares the search API of two running Coopera instances on the same data, one on each search
backend: totals, facet counts, the order of the first page and its highlights.

    compare-backends.py http://127.0.0.1:18081 http://127.0.0.1:18082
"""
import json
import sys
import urllib.parse
import urllib.request

QUERIES = [
    {"q": "torture"},
    {"q": "women"},
    {"q": "rights"},
    {"q": "\"national human rights institution\""},
    {"q": "discrimination", "response": "supported"},
    {"q": "children -education"},
    {"q": "educat*"},
    {"q": "torture", "state": "CHN"},
    {"state": "SVN", "response": "noted"},
    {},
]


def fetch(base, params):
    url = base + "/api/v1/recommendations?" + urllib.parse.urlencode({**params, "size": 20})
    with urllib.request.urlopen(url) as answer:
        return json.load(answer)


def main(a, b):
    same = differ = 0
    for params in QUERIES:
        x, y = fetch(a, params), fetch(b, params)
        codes_x = [i["code"] for i in x["items"]]
        codes_y = [i["code"] for i in y["items"]]
        hl_x = {i["code"]: i.get("highlight") for i in x["items"]}
        hl_y = {i["code"]: i.get("highlight") for i in y["items"]}
        checks = {
            "total": x["total"] == y["total"],
            "facets": x["facets"] == y["facets"],
            "first page, same set": set(codes_x) == set(codes_y),
            "first page, same order": codes_x == codes_y,
            "highlights": all(hl_x[c] == hl_y[c] for c in hl_x if c in hl_y),
        }
        print(json.dumps(params, ensure_ascii=False), x["total"], y["total"],
              " ".join(f"{k}: {'same' if v else 'DIFFERENT'}" for k, v in checks.items()))
        if not checks["first page, same order"]:
            print("   a:", " ".join(codes_x))
            print("   b:", " ".join(codes_y))
        for c in hl_x:
            if c in hl_y and hl_x[c] != hl_y[c]:
                print("   highlight of", c, "\n     a:", hl_x[c], "\n     b:", hl_y.get(c))
                break
        same += all(checks.values())
        differ += not all(checks.values())
    print(f"{same} queries alike, {differ} with a difference")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
