#!/usr/bin/env python3
"""Checks a PartDGenerator file: header, 22 fields, LF only, valid NPIs (Luhn over 80840), rows of one NPI consecutive,
no (NPI, brand, generic) twice, suppression rules, fills within claims x 1.0-1.5. Usage: check-partd-file.py FILE"""
import csv,sys,collections
H="Prscrbr_NPI,Prscrbr_Last_Org_Name,Prscrbr_First_Name,Prscrbr_City,Prscrbr_State_Abrvtn,Prscrbr_State_FIPS,Prscrbr_Type,Prscrbr_Type_Src,Brnd_Name,Gnrc_Name,Tot_Clms,Tot_30day_Fills,Tot_Day_Suply,Tot_Drug_Cst,Tot_Benes,GE65_Sprsn_Flag,GE65_Tot_Clms,GE65_Tot_30day_Fills,GE65_Tot_Drug_Cst,GE65_Tot_Day_Suply,GE65_Bene_Sprsn_Flag,GE65_Tot_Benes".split(',')
def luhn_ok(npi):
    s="80840"+npi; tot=0
    for i,ch in enumerate(reversed(s)):
        d=int(ch)
        if i%2==1:
            d*=2
            if d>9:d-=9
        tot+=d
    return tot%10==0
data=open(sys.argv[1],'rb').read()
assert b'\r' not in data, "CR found"
assert data.endswith(b'\n')
r=csv.reader(open(sys.argv[1],newline='',encoding='utf-8'))
h=next(r); assert h==H,h
n=0; seen=set(); last=None; runs=collections.Counter(); run=0; keys=set(); bad=0
for row in r:
    n+=1
    assert len(row)==22,(n,row)
    npi=row[0]
    assert len(npi)==10 and npi.isdigit() and luhn_ok(npi),npi
    if npi!=last:
        assert npi not in seen,("non-consecutive",npi)
        seen.add(npi)
        if last is not None: runs[run]+=1
        run=0; last=npi
    run+=1
    k=(npi,row[8],row[9]); assert k not in keys,k; keys.add(k)
    assert row[7]=='S' and len(row[5])==2 and row[5].isdigit()
    if row[14]: assert int(row[14])>=11
    if row[15]: assert row[16]==row[17]==row[18]==row[19]=='',row
    if row[20]: assert row[21]=='',row
    c=int(row[10]); f=float(row[11]); assert c<=f<=c*1.5+0.05,(c,f)
print("ok rows",n,"prescribers",len(seen),"drugs/prescriber min/max/mean",min(runs),max(runs),sum(k*v for k,v in runs.items())/sum(runs.values()))
