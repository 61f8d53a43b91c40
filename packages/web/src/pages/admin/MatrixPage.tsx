import { ACCESS_LEVELS, type Access, hasPermission, type MatrixCell } from '@wijkregie/shared';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { cx } from '../../components/classNames.ts';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Select } from '../../components/Select.tsx';
import { codeOptions } from '../../lib/format.ts';
import { useCategories, usePartners } from '../../lib/reference.ts';
import { byName } from '../../lib/sort.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';

export const ACCESS_LABELS: Record<Access, string> = { none: 'Geen', read: 'Lezen', write: 'Schrijven' };
const ACCESS_OPTIONS = codeOptions(ACCESS_LEVELS, ACCESS_LABELS);

const loadMatrix = (signal: AbortSignal) => api.getMatrix(signal);

const cellKey = (partnerId: string, category: string) => `${partnerId}|${category}`;

/** Beheer › Autorisatiematrix: per partner and information category none / read / write. */
export function MatrixPage() {
  return (
    <Permitted permission="matrix.read" title="Autorisatiematrix">
      <MatrixView />
    </Permitted>
  );
}

function MatrixView() {
  usePageTitle('Autorisatiematrix');
  const user = useUser();
  const matrix = useApiData(loadMatrix);
  const partners = usePartners();
  const categories = useCategories();
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const editable = hasPermission(user, 'matrix.write');

  const access = new Map((matrix.data?.cells ?? []).map((c) => [cellKey(c.partnerId, c.category), c.access]));
  const get = (partnerId: string, category: string): Access =>
    access.get(cellKey(partnerId, category)) ?? 'none';
  const partnerList = partners.data ? [...partners.data.items].sort(byName) : [];
  const categoryList = categories.data?.items ?? [];
  const loadError = matrix.error ?? partners.error ?? categories.error;

  async function change(cell: MatrixCell, name: string) {
    const key = cellKey(cell.partnerId, cell.category);
    const previous = get(cell.partnerId, cell.category);
    setStatus(null);
    setError(null);
    // Show the choice at once; put the old value back if saving fails.
    const put = (value: Access) =>
      matrix.setData((current) =>
        current
          ? {
              cells: [
                ...current.cells.filter((c) => cellKey(c.partnerId, c.category) !== key),
                { ...cell, access: value },
              ],
            }
          : current,
      );
    put(cell.access);
    setSaving((s) => new Set(s).add(key));
    try {
      const saved = await api.putMatrix([cell]);
      matrix.setData(saved);
      setStatus(`Opgeslagen: ${name} is nu „${ACCESS_LABELS[cell.access]}”.`);
    } catch (e) {
      put(previous);
      setError(
        `${name} is niet opgeslagen: ${e instanceof ApiError ? e.problem.detail : 'er ging iets mis'}. De oude waarde („${ACCESS_LABELS[previous]}”) staat weer ingesteld.`,
      );
    } finally {
      setSaving((s) => {
        const next = new Set(s);
        next.delete(key);
        return next;
      });
    }
  }

  return (
    <>
      <PageHeading>Autorisatiematrix</PageHeading>
      <Paragraph>
        Per partner en informatiecategorie: wat mag de organisatie in de casussen waaraan ze deelneemt?
        „Lezen” geeft inzage, „Schrijven” ook het toevoegen van notities. Elke wijziging wordt direct
        opgeslagen en vastgelegd in de auditlog.
      </Paragraph>
      {!editable && (
        <Alert type="info" heading="Alleen lezen">
          Je kunt de matrix bekijken en controleren, maar niet wijzigen. Een wijziging vraag je aan de
          regisseur of de functioneel beheerder; elke wijziging staat in de auditlog.
        </Alert>
      )}
      <StatusMessage message={status} />
      <ErrorAlert message={error} />
      <ErrorAlert message={loadError} />
      {(matrix.loading || partners.loading || categories.loading) && !matrix.data && (
        <Paragraph>De matrix wordt geladen…</Paragraph>
      )}
      {matrix.data && partners.data && categories.data && (
        <section
          className="utrecht-table-container wr-table-container wr-matrix"
          aria-labelledby="matrix-caption"
          tabIndex={editable ? undefined : 0}
        >
          <table className="utrecht-table utrecht-table--html-table wr-table wr-matrix__table">
            <caption id="matrix-caption" className="utrecht-table__caption">
              Autorisatiematrix: partners (rijen) × informatiecategorieën (kolommen)
              {editable ? '' : ', alleen lezen'}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell wr-matrix__corner">
                  Partner
                </th>
                {categoryList.map((category) => (
                  <th key={category.key} scope="col" className="utrecht-table__header-cell">
                    {category.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {partnerList.map((partner) => (
                <tr key={partner.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell wr-matrix__partner">
                    {partner.name}
                  </th>
                  {categoryList.map((category) => {
                    const value = get(partner.id, category.key);
                    const name = `${partner.name} – ${category.label}`;
                    const key = cellKey(partner.id, category.key);
                    return (
                      <td
                        key={category.key}
                        className={cx('utrecht-table__cell', 'wr-matrix__cell', `wr-matrix__cell--${value}`)}
                      >
                        {editable ? (
                          <Select
                            aria-label={name}
                            aria-busy={saving.has(key) || undefined}
                            options={ACCESS_OPTIONS}
                            value={value}
                            onChange={(e) =>
                              void change(
                                {
                                  partnerId: partner.id,
                                  category: category.key,
                                  access: e.target.value as Access,
                                },
                                name,
                              )
                            }
                          />
                        ) : (
                          ACCESS_LABELS[value]
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
