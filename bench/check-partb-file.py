#!/usr/bin/env python3
"""Checks a PartBGenerator file: the 29-column header, LF only, valid NPIs (Luhn over 80840), rows of one NPI
consecutive, no (NPI, HCPCS, place of service) twice, entity code I/O (organisations without first name or gender),
place of service F/O, no row under 11 beneficiaries (the real suppression drops such rows), services >= benes,
amounts decimal. With --nppes NPPES_FILE also: every individual is an entity-type-1 NPI of that file and every
organisation an entity-type-2 one. Usage: check-partb-file.py FILE [--nppes NPPES_FILE]"""
import csv, sys, collections
H = ("Rndrng_NPI,Rndrng_Prvdr_Last_Org_Name,Rndrng_Prvdr_First_Name,Rndrng_Prvdr_MI,Rndrng_Prvdr_Crdntls,Rndrng_Prvdr_Gndr,"
     "Rndrng_Prvdr_Ent_Cd,Rndrng_Prvdr_St1,Rndrng_Prvdr_St2,Rndrng_Prvdr_City,Rndrng_Prvdr_State_Abrvtn,Rndrng_Prvdr_State_FIPS,"
     "Rndrng_Prvdr_Zip5,Rndrng_Prvdr_RUCA,Rndrng_Prvdr_RUCA_Desc,Rndrng_Prvdr_Cntry,Rndrng_Prvdr_Type,"
     "Rndrng_Prvdr_Mdcr_Prtcptg_Ind,HCPCS_Cd,HCPCS_Desc,HCPCS_Drug_Ind,Place_Of_Srvc,Tot_Benes,Tot_Srvcs,Tot_Bene_Day_Srvcs,"
     "Avg_Sbmtd_Chrg,Avg_Mdcr_Alowd_Amt,Avg_Mdcr_Pymt_Amt,Avg_Mdcr_Stdzd_Amt").split(',')

def luhn_ok(npi):
    tot = 0
    for i, ch in enumerate(reversed("80840" + npi)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        tot += d
    return tot % 10 == 0

def nppes_types(path):
    """NPI -> entity type code of an NPPES file (first two columns only)."""
    types = {}
    with open(path, newline='', encoding='utf-8') as f:
        r = csv.reader(f); next(r)
        for row in r:
            if row[1]: types[row[0]] = row[1]
    return types

if __name__ == '__main__':
    path = sys.argv[1]
    registry = nppes_types(sys.argv[sys.argv.index('--nppes') + 1]) if '--nppes' in sys.argv else None
    with open(path, 'rb') as f:
        data = f.read()
    assert b'\r' not in data, "CR found"
    assert data.endswith(b'\n')
    r = csv.reader(open(path, newline='', encoding='utf-8'))
    assert next(r) == H
    n = 0; seen = set(); last = None; keys = set(); runs = collections.Counter(); run = 0; orgs = 0
    for row in r:
        n += 1
        assert len(row) == 29, (n, row)
        npi = row[0]
        assert len(npi) == 10 and npi.isdigit() and luhn_ok(npi), npi
        if npi != last:
            assert npi not in seen, ("non-consecutive", npi)
            seen.add(npi)
            if last is not None: runs[run] += 1
            run = 0; last = npi
            orgs += row[6] == 'O'
            if registry is not None:
                assert registry.get(npi) == ('2' if row[6] == 'O' else '1'), ("not in the NPPES file as such", npi, row[6])
        run += 1
        k = (npi, row[18], row[21]); assert k not in keys, k; keys.add(k)
        assert row[6] in ('I', 'O') and row[21] in ('F', 'O') and row[20] in ('Y', 'N'), row
        if row[6] == 'O': assert row[2] == '' and row[5] == '', row
        assert int(row[22]) >= 11, row
        for v in row[25:29]: float(v)
    runs[run] += 1
    print("ok rows", n, "providers", len(seen), "organisations", orgs, "rows/provider min/max/mean", min(runs), max(runs),
          round(n / len(seen), 2), "checked against NPPES" if registry is not None else "")
