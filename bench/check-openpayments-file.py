#!/usr/bin/env python3
"""Checks an OpenPaymentsGenerator file: the header of the real 2024 sample (91 columns), LF only, unique Record_IDs,
Program_Year, MM/DD/YYYY dates inside the program year, amounts with two decimals, physicians and practitioners with a
profile ID and (but for a few) a valid NPI, teaching hospitals with a CCN and no NPI or profile ID, payments of one
recipient consecutive. With --nppes NPPES_FILE also: every NPI is an entity-type-1 NPI of that file.
Usage: check-openpayments-file.py FILE [--nppes NPPES_FILE] [--repo DIR]"""
import csv, sys, os, re, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

def luhn_ok(npi):
    tot = 0
    for i, ch in enumerate(reversed("80840" + npi)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return tot % 10 == 0

path = sys.argv[1]
repo = sys.argv[sys.argv.index('--repo') + 1] if '--repo' in sys.argv else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sample = os.path.join(repo, 'server/src/main/resources/demo/openpayments/OP_DTL_GNRL_PGYR2024_sample_rows805-934_transcribed.csv')
H = next(csv.reader(open(sample, newline='', encoding='utf-8')))
registry = None
if '--nppes' in sys.argv:
    registry = {}
    with open(sys.argv[sys.argv.index('--nppes') + 1], newline='', encoding='utf-8') as f:
        r = csv.reader(f); next(r)
        for row in r:
            if row[1]: registry[row[0]] = row[1]
with open(path, 'rb') as f:
    data = f.read()
assert b'\r' not in data, "CR found"
assert data.endswith(b'\n')
r = csv.reader(open(path, newline='', encoding='utf-8'))
assert next(r) == H
col = {name: i for i, name in enumerate(H)}
n = 0; ids = set(); kinds = collections.Counter(); no_npi = 0; last = None; seen = set(); years = set()
date = re.compile(r'^(\d\d)/(\d\d)/(\d{4})$'); amount = re.compile(r'^\d+\.\d\d$')
for row in r:
    n += 1
    assert len(row) == 91, (n, len(row))
    rid = row[col['Record_ID']]; assert rid.isdigit() and rid not in ids, rid; ids.add(rid)
    year = row[col['Program_Year']]; years.add(year)
    m = date.match(row[col['Date_of_Payment']]); assert m and m.group(3) == year and 1 <= int(m.group(1)) <= 12, row[col['Date_of_Payment']]
    assert amount.match(row[col['Total_Amount_of_Payment_USDollars']]), row[col['Total_Amount_of_Payment_USDollars']]
    assert row[col['Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name']]
    kind = row[col['Covered_Recipient_Type']]
    npi, profile, ccn = row[col['Covered_Recipient_NPI']], row[col['Covered_Recipient_Profile_ID']], row[col['Teaching_Hospital_CCN']]
    if kind == 'Covered Recipient Teaching Hospital':
        assert npi == '' and profile == '' and len(ccn) == 6 and ccn.isdigit() and row[col['Teaching_Hospital_Name']], row[:12]
        key = ('H', ccn)
    else:
        assert kind in ('Covered Recipient Physician', 'Covered Recipient Non-Physician Practitioner'), kind
        assert profile.isdigit() and ccn == '' and row[col['Covered_Recipient_Last_Name']], row[:12]
        if npi:
            assert len(npi) == 10 and npi.isdigit() and luhn_ok(npi), npi
            if registry is not None: assert registry.get(npi) == '1', ("not an individual of the NPPES file", npi)
        key = ('P', profile)
    if key != last:
        if key[0] == 'P': assert key not in seen, ("non-consecutive", key)
        seen.add(key); last = key
        kinds[kind] += 1; no_npi += kind != 'Covered Recipient Teaching Hospital' and npi == ''
print("ok rows", n, "program years", sorted(years), "recipient runs", dict(kinds), "without NPI (not hospitals)", no_npi,
      "checked against NPPES" if registry is not None else "")
