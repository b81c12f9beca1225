#!/usr/bin/env python3
"""Checks a generated NPPES file: python3 bench/check-nppes-file.py FILE

The header is byte-identical to the December 2021 sample's; every line ends in CRLF and every field is quoted; every
row has 330 fields; every NPI has 10 digits, a valid Luhn check digit over the prefix 80840, and is unique; deactivated
rows (blank entity type) carry only the NPI and the deactivation date. Prints the entity-type mix. Exit 1 on a problem.
"""
import collections
import csv
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(REPO, "server/src/main/resources/demo/nppes/npidata_pfile_2021-12_organizations_998.csv")


def luhn_ok(npi):
    total = 0
    for i, ch in enumerate(reversed("80840" + npi)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def main(path):
    with open(SAMPLE, "rb") as f:
        header = f.readline().rstrip(b"\r\n") + b"\r\n"
    problems = []
    with open(path, "rb") as f:
        if f.readline() != header:
            problems.append("the header differs from the 2021-12 sample's")
        for n, line in enumerate(f, start=2):
            if not line.endswith(b"\r\n") or not line.startswith(b'"') or not line.endswith(b'"\r\n'):
                problems.append(f"line {n}: not CRLF-terminated or not quoted")
                break
    seen = bytearray(10**9 // 8 + 1)  # one bit per 9-digit NPI base
    counts = collections.Counter()
    rows = 0
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            rows += 1
            line = rows + 1
            if len(row) != 330:
                problems.append(f"line {line}: {len(row)} fields")
                continue
            npi = row[0]
            if len(npi) != 10 or not npi.isdigit() or not luhn_ok(npi):
                problems.append(f"line {line}: invalid NPI {npi!r}")
                continue
            base = int(npi[:9])
            if seen[base >> 3] & (1 << (base & 7)):
                problems.append(f"line {line}: duplicate NPI {npi}")
            seen[base >> 3] |= 1 << (base & 7)
            counts[row[1] or "deactivated"] += 1
            if not row[1] and (not row[39] or any(v for i, v in enumerate(row) if i not in (0, 39))):
                problems.append(f"line {line}: a deactivated row with more than the NPI and deactivation date")
            if len(problems) > 20:
                break
    mix = ", ".join(f"{k}: {v} ({100 * v / max(rows, 1):.1f}%)" for k, v in sorted(counts.items()))
    print(f"{path}: {rows} rows; entity types {mix}")
    for p in problems[:20]:
        print("  PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 bench/check-nppes-file.py FILE")
    sys.exit(main(sys.argv[1]))
