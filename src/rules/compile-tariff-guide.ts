import { DECIMAL_PATTERN } from '../domain/core/money.js';
import type { RuleRef } from '../domain/rule-set/tariff.js';
import type {
  DeliveryTimeRules,
  RateTable,
  WagonKind,
  WagonTariff,
} from '../domain/rule-set/tariff-guide/wagon-tariff.js';
import type { Parsed } from './compile-reference-data.js';
import { cellIssue, parseCsvTable } from './csv-table.js';
import { formatPath, type RuleIssue } from './rule-issue.js';
import type {
  CargoK3File,
  ClassK1File,
  DeliveryTimeFile,
  EditionFile,
  EmptyRunFile,
  GuideAmendmentFile,
  OwnGondolaFile,
  RateTableFile,
  ShipmentK4File,
  SpecialisedSchemesFile,
  TankSchemesFile,
  UniversalSchemesFile,
  VatFile,
} from './schema/tariff-guide.js';

/** The validated files of one guide folder, by their part. */
export interface GuideFiles {
  edition?: Parsed<EditionFile>;
  vat?: Parsed<VatFile>;
  deliveryTime?: Parsed<DeliveryTimeFile>;
  universal?: Parsed<UniversalSchemesFile>;
  specialised?: Parsed<SpecialisedSchemesFile>;
  tank?: Parsed<TankSchemesFile>;
  emptyRun?: Parsed<EmptyRunFile>;
  classK1?: Parsed<ClassK1File>;
  cargoK3?: Parsed<CargoK3File>;
  shipmentK4?: Parsed<ShipmentK4File>;
  ownGondola?: Parsed<OwnGondolaFile>;
  amendments: Parsed<GuideAmendmentFile>[];
  rateTables: Parsed<RateTableFile>[];
}

const REQUIRED = [
  'edition',
  'vat',
  'universal',
  'specialised',
  'tank',
  'emptyRun',
  'classK1',
  'cargoK3',
  'shipmentK4',
  'ownGondola',
] as const;

/** One guide folder → the frozen wagon tariff, with every table checked for gaps, overlaps and missing columns. */
export function compileTariffGuide(
  id: string,
  files: GuideFiles,
  csv: ReadonlyMap<string, string>,
  issues: RuleIssue[],
): WagonTariff | undefined {
  const folder = `tariff-guides/${id}`;
  const missing = REQUIRED.filter((part) => files[part] === undefined);
  if (missing.length > 0) {
    issues.push({
      file: `${folder}/edition.yaml`,
      line: 1,
      column: 1,
      path: '',
      message: `the guide folder lacks ${missing.join(', ')} (see rules/README.md, tariff guides)`,
    });
    return undefined;
  }
  const f = files as Required<GuideFiles>;
  const version = f.edition.data.effectiveFrom;
  const ref = (p: Parsed<unknown>, path: readonly PropertyKey[]): RuleRef => ({
    file: p.source.file,
    version,
    path: formatPath(path),
  });
  const before = issues.length;
  const rateTables = f.rateTables.flatMap((p) => {
    const table = compileRateTable(p, csv, version, issues);
    return table ? [table] : [];
  });
  const e = f.edition.data;
  const traced = <T extends object>(p: Parsed<unknown>, path: readonly PropertyKey[], item: T) => ({
    ...item,
    rule: ref(p, path),
  });
  const kinds = (p: Parsed<UniversalSchemesFile | SpecialisedSchemesFile>, family: WagonKind['family']) =>
    p.data.wagonKinds.map((w, i) => traced(p, ['wagonKinds', i], { ...w, family }) as WagonKind);
  const tankKind: WagonKind = {
    id: f.tank.data.wagonKind,
    name: 'Tank wagon for liquid cargo (scheme chosen by the cargo, ТР-1 Table 8)',
    family: 'tank',
    general: null,
    own: null,
    reference: 'ТР-1 Table 8',
    confidence: 'approximate',
    rule: ref(f.tank, ['wagonKind']),
  };
  const tariff: WagonTariff = {
    id,
    edition: {
      ...traced(f.edition, [], {
        tariff: e.tariff,
        title: e.title,
        effectiveFrom: e.effectiveFrom,
        effectiveTo: e.effectiveTo,
        reference: e.reference,
        confidence: e.confidence,
      }),
      carriedBack: e.carriedBack && traced(f.edition, ['carriedBack'], e.carriedBack),
      rounding: {
        mass: traced(f.edition, ['rounding', 'mass'], e.rounding.mass),
        step: traced(f.edition, ['rounding', 'step'], e.rounding.step),
        total: traced(f.edition, ['rounding', 'total'], e.rounding.total),
        totalSmall: traced(f.edition, ['rounding', 'totalSmall'], e.rounding.totalSmall),
        vat: traced(f.edition, ['rounding', 'vat'], e.rounding.vat),
        chain: traced(f.edition, ['rounding', 'chain'], e.rounding.chain),
      },
      multiplyOrder: traced(f.edition, ['multiplyOrder'], e.multiplyOrder),
      plausibility: traced(f.edition, ['plausibility'], {
        ...e.plausibility,
        overloadTonnes: Number(e.plausibility.overloadTonnes),
        maxTonnesPerAxle: Number(e.plausibility.maxTonnesPerAxle),
      }),
    },
    rateTables,
    deliveryTime: files.deliveryTime && compileDeliveryTime(files.deliveryTime, ref),
    wagonKinds: [...kinds(f.universal, 'universal'), ...kinds(f.specialised, 'specialised'), tankKind],
    tankRows: f.tank.data.rows.map((r, i) => traced(f.tank, ['rows', i], r)),
    innovative: [
      ...f.universal.data.innovativeWagons.map((r, i) => traced(f.universal, ['innovativeWagons', i], r)),
      ...f.specialised.data.innovativeWagons.map((r, i) => traced(f.specialised, ['innovativeWagons', i], r)),
    ],
    emptyLegDistance: traced(f.universal, ['emptyLegDistance'], f.universal.data.emptyLegDistance),
    classK1: f.classK1.data.classes.map((c, i) => traced(f.classK1, ['classes', i], c)),
    cargoK3: f.cargoK3.data.cargo.map((c, i) => traced(f.cargoK3, ['cargo', i], c)),
    cargoK3Reference: f.cargoK3.data.cargoReference,
    wagonExtras: f.cargoK3.data.wagonExtras.map((x, i) => traced(f.cargoK3, ['wagonExtras', i], x)),
    shipmentK4: {
      ...traced(f.shipmentK4, [], {
        belts: f.shipmentK4.data.belts,
        appliesToSchemes: f.shipmentK4.data.appliesToSchemes,
        reference: f.shipmentK4.data.reference,
        confidence: f.shipmentK4.data.confidence,
      }),
      rows: f.shipmentK4.data.rows.map((r, i) => traced(f.shipmentK4, ['rows', i], r)),
    },
    ownGondola: traced(f.ownGondola, [], f.ownGondola.data),
    emptyRun: {
      schemeByWagonKind: f.emptyRun.data.schemeByWagonKind.map((r, i) =>
        traced(f.emptyRun, ['schemeByWagonKind', i], r),
      ),
      coefficients: f.emptyRun.data.coefficients.map((c, i) => traced(f.emptyRun, ['coefficients', i], c)),
      shipmentCoefficient: traced(f.emptyRun, ['shipmentCoefficient'], f.emptyRun.data.shipmentCoefficient),
    },
    amendments: f.amendments
      .map((p) => traced(p, [], { ...p.data, appliesTo: p.data.appliesTo ?? [] }))
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)),
    vat: f.vat.data.vat.map((v, i) => traced(f.vat, ['vat', i], v)),
  };
  checkGuide(tariff, f, issues);
  return issues.length > before ? undefined : tariff;
}

function compileRateTable(
  p: Parsed<RateTableFile>,
  csv: ReadonlyMap<string, string>,
  version: string,
  issues: RuleIssue[],
): RateTable | undefined {
  const h = p.data;
  const dir = p.source.file.slice(0, p.source.file.lastIndexOf('/') + 1);
  const csvFile = `${dir}${h.file}`;
  const text = csv.get(csvFile);
  if (text === undefined) {
    issues.push(p.source.issueAt(['file'], `no file ${csvFile} beside this header`));
    return undefined;
  }
  const before = issues.length;
  const table = parseCsvTable(csvFile, text, issues);
  if (!table) return undefined;
  if (table.header[0] !== 'fromKm' || table.header[1] !== 'toKm') {
    issues.push({
      file: csvFile,
      line: 1,
      column: 1,
      path: '',
      message: 'the first two columns are fromKm,toKm',
    });
    return undefined;
  }
  const columnsWanted =
    h.layout === 'by-mass'
      ? Array.from({ length: (h.mass?.max ?? 0) - (h.mass?.min ?? 0) + 1 }, (_, i) =>
          String((h.mass?.min ?? 0) + i),
        )
      : Object.keys(h.columns ?? {});
  for (const column of columnsWanted) {
    if (!table.header.includes(column)) {
      issues.push({
        file: csvFile,
        line: 1,
        column: 1,
        path: '',
        message:
          h.layout === 'by-mass'
            ? `missing mass column ${column} t: a by-mass table has one column per tonne from ${h.mass?.min} to ${h.mass?.max}`
            : `missing column ${column}, which ${p.source.file} names`,
      });
    }
  }
  const belts: { fromKm: number; toKm: number; line: number }[] = [];
  for (const row of table.rows) {
    const fromKm = Number(row.cells[0]);
    const toKm = Number(row.cells[1]);
    if (!Number.isInteger(fromKm) || !Number.isInteger(toKm) || toKm < fromKm) {
      issues.push(
        cellIssue(table, row.line, 'fromKm', `not a distance belt: ${row.cells[0]}–${row.cells[1]} km`),
      );
      continue;
    }
    const previous = belts.at(-1);
    if (previous === undefined && fromKm !== 0) {
      issues.push(cellIssue(table, row.line, 'fromKm', `the first belt must start at 0 km, not ${fromKm}`));
    } else if (previous && fromKm > previous.toKm + 1) {
      issues.push(
        cellIssue(
          table,
          row.line,
          'fromKm',
          `gap between belts: km ${previous.toKm + 1}–${fromKm - 1} are in no belt (line ${previous.line} ends at ${previous.toKm})`,
        ),
      );
    } else if (previous && fromKm <= previous.toKm) {
      issues.push(
        cellIssue(
          table,
          row.line,
          'fromKm',
          `belts overlap: this belt starts at ${fromKm} km but line ${previous.line} runs to ${previous.toKm} km`,
        ),
      );
    }
    belts.push({ fromKm, toKm, line: row.line });
  }
  const columns = new Map<string, string[]>();
  for (const column of columnsWanted) {
    const index = table.header.indexOf(column);
    if (index < 0) continue;
    columns.set(
      column,
      table.rows.map((row) => {
        const cell = row.cells[index] ?? '';
        if (!DECIMAL_PATTERN.test(cell)) {
          issues.push(cellIssue(table, row.line, column, `'${cell}' is not a rate (a decimal number)`));
        }
        return cell;
      }),
    );
  }
  if (issues.length > before) return undefined;
  return {
    id: h.table,
    layout: h.layout,
    unit: h.unit,
    schemes: h.layout === 'by-mass' ? (h.schemes ?? []) : Object.keys(h.columns ?? {}),
    belts,
    columns,
    mass: h.mass,
    csv: csvFile,
    reference: h.reference,
    confidence: h.confidence,
    rule: { file: p.source.file, version, path: '' },
  };
}

/** Cross-file checks: every scheme named has a table, every wagon kind named exists, bands leave no gap. */
function checkGuide(tariff: WagonTariff, f: Required<GuideFiles>, issues: RuleIssue[]) {
  // the schemes the table headers name, so that a broken CSV is reported once, not again by every scheme it holds
  const schemes = new Set(
    f.rateTables.flatMap((p) =>
      p.data.layout === 'by-mass' ? (p.data.schemes ?? []) : Object.keys(p.data.columns ?? {}),
    ),
  );
  const kinds = new Set(tariff.wagonKinds.map((k) => k.id));
  const needScheme = (p: Parsed<unknown>, path: readonly PropertyKey[], scheme: string | undefined) => {
    if (scheme === undefined) return;
    const name = scheme === 'V7' || scheme === 'V15' ? `${scheme}-4` : scheme;
    if (!schemes.has(name)) issues.push(p.source.issueAt(path, `scheme ${scheme} is in no base-rate table`));
  };
  for (const [p, list] of [
    [f.universal, f.universal.data.wagonKinds],
    [f.specialised, f.specialised.data.wagonKinds],
  ] as const) {
    list.forEach((w, i) => {
      for (const own of ['general', 'own'] as const) {
        const s = w[own];
        if (!s) continue;
        needScheme(p, ['wagonKinds', i, own, 'loaded'], s.loaded);
        needScheme(p, ['wagonKinds', i, own, 'wagonComponent'], s.wagonComponent);
        needScheme(p, ['wagonKinds', i, own, 'emptyRun', 'scheme'], s.emptyRun?.scheme);
      }
    });
  }
  f.tank.data.rows.forEach((r, i) => {
    for (const own of ['general', 'own'] as const) {
      needScheme(f.tank, ['rows', i, own, 'loaded'], r[own]?.loaded);
      needScheme(f.tank, ['rows', i, own, 'wagonComponent'], r[own]?.wagonComponent);
    }
  });
  f.emptyRun.data.schemeByWagonKind.forEach((r, i) => {
    needScheme(f.emptyRun, ['schemeByWagonKind', i, 'scheme'], r.scheme);
    r.wagonKinds.forEach((k, j) => {
      if (!kinds.has(k))
        issues.push(
          f.emptyRun.source.issueAt(['schemeByWagonKind', i, 'wagonKinds', j], `unknown wagon kind ${k}`),
        );
    });
  });
  f.classK1.data.classes.forEach((c, i) => {
    checkBands(f.classK1, ['classes', i, 'bands'], c.bands ?? [], 1, issues);
  });
  checkBands(f.shipmentK4, ['belts'], f.shipmentK4.data.belts, 0, issues);
  f.shipmentK4.data.rows.forEach((r, i) => {
    if (r.factors.length !== f.shipmentK4.data.belts.length)
      issues.push(
        f.shipmentK4.source.issueAt(
          ['rows', i, 'factors'],
          `${r.factors.length} factors for ${f.shipmentK4.data.belts.length} belts`,
        ),
      );
  });
}

function checkBands(
  p: Parsed<unknown>,
  at: readonly PropertyKey[],
  bands: readonly { fromKm: number; toKm: number | null }[],
  firstKm: number,
  issues: RuleIssue[],
) {
  bands.forEach((band, i) => {
    const previous = bands[i - 1];
    const path = [...at, i, 'fromKm'];
    if (!previous) {
      if (band.fromKm > firstKm)
        issues.push(p.source.issueAt(path, `the first band must start at ${firstKm} km, not ${band.fromKm}`));
    } else if (previous.toKm === null) {
      issues.push(
        p.source.issueAt([...at, i - 1, 'toKm'], 'only the last band may be open-ended (toKm: null)'),
      );
    } else if (band.fromKm > previous.toKm + 1) {
      issues.push(
        p.source.issueAt(
          path,
          `gap between bands: km ${previous.toKm + 1}–${band.fromKm - 1} are in no band`,
        ),
      );
    } else if (band.fromKm <= previous.toKm) {
      issues.push(
        p.source.issueAt(
          path,
          `bands overlap: this band starts at ${band.fromKm} km, the previous runs to ${previous.toKm} km`,
        ),
      );
    }
  });
  const last = bands.at(-1);
  if (last && last.toKm !== null)
    issues.push(
      p.source.issueAt(
        [...at, bands.length - 1, 'toKm'],
        'the last band must be open-ended (toKm: null): a distance beyond it has no factor',
      ),
    );
}

/** Order No. 245: the daily norms by distance, with the rule each came from. */
function compileDeliveryTime(
  p: Parsed<DeliveryTimeFile>,
  ref: (p: Parsed<unknown>, path: readonly PropertyKey[]) => RuleRef,
): DeliveryTimeRules {
  const d = p.data;
  return {
    title: d.title,
    reference: d.reference,
    confidence: d.confidence,
    rule: ref(p, []),
    norms: {
      reference: d.norms.reference,
      confidence: d.norms.confidence,
      rule: ref(p, ['norms']),
      bands: d.norms.bands.map((b, i) => ({ ...b, path: `norms.bands[${i}]` })),
    },
    blockTrain: { ...d.blockTrain, rule: ref(p, ['blockTrain']) },
    initialFinalDays: { ...d.initialFinalDays, rule: ref(p, ['initialFinalDays']) },
  };
}
