/**
 * The columns of the creditor file (docs/integration.md, "Creditor early warnings"), in the order of
 * the documentation. The one list lives in the shared contract (the import page shows it too): the
 * import checks headers against it, and the tests and the bench write their files with it.
 */
export { CREDITOR_COLUMNS, type CreditorColumn } from '@wijkregie/shared';
