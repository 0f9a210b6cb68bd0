#!/usr/bin/env python3
"""Builds rules/network/tr4/*.csv from a public digitisation of Tariff Guide No. 4 (ТР-4).

Inputs (a directory): rzd-stations-20231230.csv (Book 1: RZD stations, their operations and transit points with
distances), cis-stations-20201230.csv (the same for the CIS railways; Kazakhstan and Turkmenistan are kept),
kniga3-tp-index.json (the 652 transit points of Book 3) and kniga3-edges-batch-*.json (Book 3 pairs).
Usage: python3 scripts/tr4/import-digitisation.py <input dir> rules/network/tr4
Prints what it could not use; the counts go into rules/network/tr4/tr4.yaml by hand.
"""
import csv, glob, json, os, re, sys
from collections import defaultdict

src, out = sys.argv[1], sys.argv[2]

TRANSLIT = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
    ['a','b','v','g','d','e','e','zh','z','i','i','k','l','m','n','o','p','r','s','t','u','f','kh','ts','ch','sh','shch','ie','y','','e','iu','ia']))

def latin(name):
    outp = []
    for ch in name:
        low = ch.lower()
        if low in TRANSLIT:
            t = TRANSLIT[low]
            outp.append(t.capitalize() if ch != low and t else t)
        elif ch == 'I' or ch.isascii():
            outp.append(ch)
        else:
            outp.append(ch)
    return ''.join(outp)

def norm(name):
    return re.sub(r'\s+', ' ', name.replace('ё', 'е').replace('Ё', 'Е')).strip()

ROADS_KEPT_CIS = {'Казахстанская': 'KTZ', 'Туркменская': 'TDY'}

stations = {}   # esr -> dict
book1 = []      # (station esr, tp esr, km)

def read(path, delim):
    with open(path, encoding='utf-8') as f:
        rows = list(csv.reader(f, delimiter=delim))
    return rows[1:]

# Book 3
tp_names = {}
for t in json.load(open(os.path.join(src, 'kniga3-tp-index.json'), encoding='utf-8')):
    tp_names[t['esr']] = norm(t['name'])
pairs = {}
conflicts = []
for path in sorted(glob.glob(os.path.join(src, 'kniga3-edges-batch-*.json'))):
    for e in json.load(open(path, encoding='utf-8')):
        a, b = sorted((e['aEsr'], e['bEsr']))
        if a == b:
            continue
        km = int(e['km'])
        if (a, b) in pairs and pairs[(a, b)] != km:
            conflicts.append((a, b, pairs[(a, b)], km))
            pairs[(a, b)] = min(pairs[(a, b)], km)
        else:
            pairs.setdefault((a, b), km)
tp_set = set(tp_names)
by_tp_name = defaultdict(list)
for esr, name in tp_names.items():
    by_tp_name[name].append(esr)

raw = []
for row in read(os.path.join(src, 'rzd-stations-20231230.csv'), ';'):
    raw.append(('RZD', row))
for row in read(os.path.join(src, 'cis-stations-20201230.csv'), ','):
    if row[2] in ROADS_KEPT_CIS:
        raw.append((ROADS_KEPT_CIS[row[2]], row))

by_station_name = defaultdict(list)
for railway, row in raw:
    esr = row[3].strip().zfill(6)
    by_station_name[norm(row[0])].append(esr)

def resolve(name):
    n = norm(name)
    if n in by_tp_name and len(by_tp_name[n]) == 1:
        return by_tp_name[n][0]
    cands = [e for e in by_station_name.get(n, []) if e in tp_set]
    if len(cands) == 1:
        return cands[0]
    exp = [e for nm, es in by_tp_name.items() if nm.startswith(n + ' (эксп') for e in es]
    if len(exp) == 1:
        return exp[0]
    return None

unresolved = defaultdict(int)
duplicates = 0
for railway, row in raw:
    name, ops, road, code, tps = (c.strip() for c in row[:5])
    esr = code.zfill(6)
    if not re.fullmatch(r'\d{6}', esr) or esr == '000000':
        continue
    if esr in stations:
        duplicates += 1
        continue
    is_tp = tps == 'ТП'
    stations[esr] = dict(esr=esr, name=norm(name), latin=latin(norm(name)), railway=railway, road=road,
                         operations=norm(ops), distances='transit-point' if esr in tp_set else 'none')
    if is_tp or not tps or esr in tp_set:
        continue
    for part in tps.split(','):
        m = re.match(r'^(.*)-(\d+)$', part.strip())
        if not m:
            unresolved['(unreadable) ' + part.strip()] += 1
            continue
        tp = resolve(m.group(1))
        if tp is None:
            unresolved[norm(m.group(1))] += 1
            continue
        if tp == esr:
            continue
        book1.append((esr, tp, int(m.group(2))))
        stations[esr]['distances'] = 'book1'

# transit points absent from the station lists (the tariff nodes such as the Moscow node)
for esr, name in tp_names.items():
    if esr not in stations:
        stations[esr] = dict(esr=esr, name=name, latin=latin(name), railway='', road='', operations='',
                             distances='transit-point')

os.makedirs(out, exist_ok=True)
def q(s):
    return '"' + s.replace('"', '""') + '"' if (',' in s or '"' in s) else s
with open(os.path.join(out, 'stations.csv'), 'w', encoding='utf-8') as f:
    f.write('esr,name,latin,railway,road,operations,distances\n')
    for s in sorted(stations.values(), key=lambda s: s['esr']):
        f.write(','.join(q(s[k]) for k in ('esr', 'name', 'latin', 'railway', 'road', 'operations', 'distances')) + '\n')
with open(os.path.join(out, 'book1.csv'), 'w', encoding='utf-8') as f:
    f.write('station,transitPoint,km\n')
    nearest = {}
    for station, tp, km in book1:
        nearest[(station, tp)] = min(km, nearest.get((station, tp), km))
    for (station, tp), km in sorted(nearest.items()):
        f.write(f'{station},{tp},{km}\n')
with open(os.path.join(out, 'book3.csv'), 'w', encoding='utf-8') as f:
    f.write('from,to,km\n')
    for (a, b), km in sorted(pairs.items()):
        f.write(f'{a},{b},{km}\n')

print('stations', len(stations), 'book1 rows', len({(a, b) for a, b, _ in book1}), 'book3 pairs', len(pairs),
      'conflicting duplicates', len(conflicts), 'duplicate station rows', duplicates, file=sys.stderr)
print('unresolved transit-point names', sum(unresolved.values()), 'distinct', len(unresolved), file=sys.stderr)
for k, v in sorted(unresolved.items(), key=lambda x: -x[1])[:60]:
    print(f'  {v} × {k}', file=sys.stderr)
