/**
 * The columns of the creditor file (docs/integration.md, "Creditor early warnings"), in the order of
 * the documentation. The one list: the import checks headers against it, and the tests and the bench
 * write their files with it.
 */
export const CREDITOR_COLUMNS = [
  'creditorType',
  'creditorName',
  'reference',
  'signalDate',
  'lastName',
  'initials',
  'birthDate',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'arrearsAmount',
  'arrearsSince',
  'endOfSupply',
] as const;
export type CreditorColumn = (typeof CREDITOR_COLUMNS)[number];
