import { checkDate } from '../fields/check-date.ts';
import { checkNumber, checkOneOf, checkText, createIssues, deepFreeze, throwIfIssues } from '../fields/field-issues.ts';
import { normaliseLot } from './normalise-lot.ts';

/** Where the cells behind a cell-free product (exosomes, culture supernatant) came from. */
export type CellSource = 'umbilical_cord' | 'adipose' | 'bone_marrow' | 'dental_pulp' | 'placenta' | 'other';
export const CELL_SOURCES: ReadonlyArray<CellSource> = ['umbilical_cord', 'adipose', 'bone_marrow', 'dental_pulp', 'placenta', 'other'];

/** The patient's own cells, or a donor's. */
export type DonorRelation = 'autologous' | 'allogeneic';
export const DONOR_RELATIONS: ReadonlyArray<DonorRelation> = ['autologous', 'allogeneic'];

/**
 * How the clinic obtained the product (入手経路), one of the items the 医療広告ガイドライン asks a
 * clinic to state for an unapproved product.
 */
export type AcquisitionRoute = 'domestic_supplier' | 'personal_import' | 'contract_manufacture' | 'in_house' | 'other';
export const ACQUISITION_ROUTES: ReadonlyArray<AcquisitionRoute> = ['domestic_supplier', 'personal_import', 'contract_manufacture', 'in_house', 'other'];

/** Its status in Japan: exosome preparations are unapproved medicines (MHLW 事務連絡 2024-07-31). */
export type RegulatoryStatus = 'unapproved_in_japan' | 'approved_in_japan' | 'other';
export const REGULATORY_STATUSES: ReadonlyArray<RegulatoryStatus> = ['unapproved_in_japan', 'approved_in_japan', 'other'];

/** How the particle count was measured: nanoparticle tracking analysis, tunable resistive pulse sensing, flow cytometry. */
export type ParticleMethod = 'nta' | 'trps' | 'flow_cytometry' | 'other';
export const PARTICLE_METHODS: ReadonlyArray<ParticleMethod> = ['nta', 'trps', 'flow_cytometry', 'other'];

export type PassFail = 'pass' | 'fail';
const PASS_FAIL: ReadonlyArray<PassFail> = ['pass', 'fail'];

/** The certificate of analysis of one lot: the three release tests a reviewer asks for first. */
export type CertificateOfAnalysis = {
  readonly testedOn: string;
  readonly laboratory?: string;
  readonly sterility: PassFail;
  /** Endotoxin in EU/mL as reported, and whether it met the product's limit. */
  readonly endotoxinEuPerMl: number;
  readonly endotoxin: PassFail;
  readonly mycoplasma: PassFail;
};

/** One lot of a product as the clinic received it. The certificate file itself is stored beside it. */
export type ProductLot = {
  readonly id: string;
  readonly programId: string;
  readonly product: string;
  readonly manufacturer: string;
  readonly cellSource: CellSource;
  readonly cellSourceOther?: string;
  readonly donorRelation: DonorRelation;
  readonly acquisitionRoute: AcquisitionRoute;
  readonly acquisitionNote?: string;
  readonly regulatoryStatus: RegulatoryStatus;
  readonly regulatoryNote?: string;
  readonly lot: string;
  readonly lotKey: string;
  readonly expiryDate: string;
  readonly receivedOn: string;
  /** Particles per mL, and how they were counted. */
  readonly particlesPerMl: number;
  readonly particleMethod: ParticleMethod;
  readonly volumePerVialMl: number;
  /** Storage temperature the manufacturer requires, ℃ (e.g. −80). */
  readonly storageTemperatureC: number;
  readonly coa: CertificateOfAnalysis;
};

export type ProductLotInput = { readonly [K in Exclude<keyof ProductLot, 'lotKey' | 'coa'>]?: unknown } & { readonly coa?: { readonly [K in keyof CertificateOfAnalysis]?: unknown } | null };

/**
 * Validates a product lot with its certificate of analysis, every field at once: product,
 * manufacturer, cell source and donor, 入手経路 and regulatory status, particle count and method,
 * storage temperature, and the sterility / endotoxin / mycoplasma results.
 *
 * @example
 * const lot = validateProductLot(input);
 * lotReleased(lot); // true when all three tests passed
 */
export function validateProductLot(input: ProductLotInput): ProductLot {
  const issues = createIssues();
  const id = checkText(issues, 'id', input.id, { max: 100 });
  const programId = checkText(issues, 'programId', input.programId, { max: 100 });
  const product = checkText(issues, 'product', input.product, { max: 200 });
  const manufacturer = checkText(issues, 'manufacturer', input.manufacturer, { max: 200 });
  const cellSource = checkOneOf(issues, 'cellSource', input.cellSource, CELL_SOURCES);
  const cellSourceOther = checkText(issues, 'cellSourceOther', input.cellSourceOther, { required: cellSource === 'other', max: 200 });
  const donorRelation = checkOneOf(issues, 'donorRelation', input.donorRelation, DONOR_RELATIONS);
  const acquisitionRoute = checkOneOf(issues, 'acquisitionRoute', input.acquisitionRoute, ACQUISITION_ROUTES);
  const acquisitionNote = checkText(issues, 'acquisitionNote', input.acquisitionNote, { required: acquisitionRoute === 'other', max: 1000 });
  const regulatoryStatus = checkOneOf(issues, 'regulatoryStatus', input.regulatoryStatus, REGULATORY_STATUSES);
  const regulatoryNote = checkText(issues, 'regulatoryNote', input.regulatoryNote, { required: regulatoryStatus === 'other', max: 1000 });
  const lot = checkText(issues, 'lot', input.lot, { max: 64 });
  const expiryDate = checkDate(issues, 'expiryDate', input.expiryDate);
  const receivedOn = checkDate(issues, 'receivedOn', input.receivedOn);
  const particlesPerMl = checkNumber(issues, 'particlesPerMl', input.particlesPerMl, { min: 1e3, max: 1e16, unit: '/mL' });
  const particleMethod = checkOneOf(issues, 'particleMethod', input.particleMethod, PARTICLE_METHODS);
  const volumePerVialMl = checkNumber(issues, 'volumePerVialMl', input.volumePerVialMl, { positive: true, max: 1000, unit: 'mL' });
  const storageTemperatureC = checkNumber(issues, 'storageTemperatureC', input.storageTemperatureC, { min: -200, max: 30, unit: '℃' });
  const c = (input.coa ?? {}) as { readonly [K in keyof CertificateOfAnalysis]?: unknown };
  const testedOn = checkDate(issues, 'coa.testedOn', c.testedOn);
  const laboratory = checkText(issues, 'coa.laboratory', c.laboratory, { required: false, max: 200 });
  const sterility = checkOneOf(issues, 'coa.sterility', c.sterility, PASS_FAIL);
  const endotoxinEuPerMl = checkNumber(issues, 'coa.endotoxinEuPerMl', c.endotoxinEuPerMl, { min: 0, max: 1e6, unit: 'EU/mL' });
  const endotoxin = checkOneOf(issues, 'coa.endotoxin', c.endotoxin, PASS_FAIL);
  const mycoplasma = checkOneOf(issues, 'coa.mycoplasma', c.mycoplasma, PASS_FAIL);
  if (receivedOn && expiryDate && receivedOn > expiryDate) issues.add('receivedOn', 'treatment.lot_received_after_expiry', { expiryDate });
  if (testedOn && expiryDate && testedOn > expiryDate) issues.add('coa.testedOn', 'treatment.lot_tested_after_expiry', { expiryDate });
  throwIfIssues(issues, 'treatment.lot_invalid');
  return deepFreeze({
    id: id!, programId: programId!, product: product!, manufacturer: manufacturer!,
    cellSource: cellSource!, ...(cellSourceOther !== undefined ? { cellSourceOther } : {}),
    donorRelation: donorRelation!,
    acquisitionRoute: acquisitionRoute!, ...(acquisitionNote !== undefined ? { acquisitionNote } : {}),
    regulatoryStatus: regulatoryStatus!, ...(regulatoryNote !== undefined ? { regulatoryNote } : {}),
    lot: lot!, lotKey: normaliseLot(lot!), expiryDate: expiryDate!, receivedOn: receivedOn!,
    particlesPerMl: particlesPerMl!, particleMethod: particleMethod!, volumePerVialMl: volumePerVialMl!, storageTemperatureC: storageTemperatureC!,
    coa: {
      testedOn: testedOn!, ...(laboratory !== undefined ? { laboratory } : {}),
      sterility: sterility!, endotoxinEuPerMl: endotoxinEuPerMl!, endotoxin: endotoxin!, mycoplasma: mycoplasma!,
    },
  });
}

/**
 * Whether a lot may be given: every release test passed and its certificate file is on record.
 * Returns the reasons it may not, as message keys (empty when it may).
 *
 * @example
 * lotReleaseProblems(lot, { certificateAttached: false }); // ['treatment.lot_certificate_missing']
 */
export function lotReleaseProblems(lot: ProductLot, o: { readonly certificateAttached: boolean }): ReadonlyArray<string> {
  const out: string[] = [];
  if (!o.certificateAttached) out.push('treatment.lot_certificate_missing');
  if (lot.coa.sterility !== 'pass' || lot.coa.endotoxin !== 'pass' || lot.coa.mycoplasma !== 'pass') out.push('treatment.lot_test_failed');
  return out;
}
