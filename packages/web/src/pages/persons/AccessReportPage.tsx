import {
  type AccessReport,
  AUDIT_ACTION_LABELS,
  CASE_STATUS_LABELS,
  CASE_TYPE_LABELS,
  hasPermission,
  type ReportAccess,
} from '@wijkregie/shared';
import { useCallback } from 'react';
import { accessReportPdfUrl, api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { DataList } from '../../components/DataList.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb } from '../../components/Links.tsx';
import { DetailLoading } from '../../components/Loaded.tsx';
import { PermittedById } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { formatAddress, formatDate, formatDateTime } from '../../lib/format.ts';
import { useDetail } from '../../lib/useDetail.ts';

const TITLE = 'Inzageoverzicht (AVG)';

/** A person's access report (AVG art. 15), for the regisseur and the privacy officer. */
export function AccessReportPage() {
  return <PermittedById permission="persons.accessreport" title={TITLE} page={AccessReportView} />;
}

/** How many entries of each category a case holds, in words. */
const entriesByCategory = (c: AccessReport['cases'][number]) => {
  const counts = new Map<string, number>();
  for (const e of c.entries) counts.set(e.categoryLabel, (counts.get(e.categoryLabel) ?? 0) + 1);
  return [...counts].map(([label, n]) => `${label}: ${n}`).join(', ') || 'geen';
};

/**
 * Everything held on the person and every read and change of it (when, which organisation, for which
 * processing), with the letter to the person as a PDF. Opening it is recorded in the audit log.
 */
function AccessReportView({ id }: { id: string }) {
  const user = useUser();
  const loader = useCallback((signal: AbortSignal) => api.getAccessReport(id, signal), [id]);
  const report = useDetail(loader, TITLE, (r) => `${TITLE}: ${r.person.firstName} ${r.person.lastName}`);
  const r = report.data;
  return (
    <>
      {hasPermission(user, 'subjects.read') ? (
        <Breadcrumb to={`/personen/${id}`}>Terug naar de persoon</Breadcrumb>
      ) : (
        <Breadcrumb to="/audit">Auditlog</Breadcrumb>
      )}
      <PageHeading>
        {r ? `${TITLE}: ${r.person.firstName} ${r.person.lastName}` : report.placeholder}
      </PageHeading>
      <DetailLoading data={report} loading="Het overzicht wordt geladen…" />
      {r && (
        <>
          <Paragraph>
            Alles wat over deze persoon is vastgelegd en elke keer dat iemand het bekeek of veranderde (AVG
            artikel 15). Het overzicht bevat alle informatiecategorieën: het is het recht van de persoon om
            alles te zien. Het maken van dit overzicht staat zelf in het auditlog.
          </Paragraph>
          <Paragraph>
            <a className="utrecht-link utrecht-link--html-a" href={accessReportPdfUrl(id)} download>
              Brief aan de persoon downloaden (PDF)
            </a>
          </Paragraph>
          <Section id="report-person" title="Persoonsgegevens">
            <DataList
              items={[
                { key: 'Naam', value: `${r.person.firstName} ${r.person.lastName}` },
                { key: 'Geboortedatum', value: formatDate(r.person.birthDate) },
                { key: 'BSN', value: r.person.bsn ?? '–' },
                { key: 'Adres', value: formatAddress(r.person.address) },
                { key: 'Vastgelegd door', value: r.person.registeredBy ?? '–' },
                { key: 'Relaties', value: String(r.relations.length) },
                { key: 'Signalen', value: String(r.signals.length) },
              ]}
            />
          </Section>
          <Section id="report-cases" title={`Casussen (${r.cases.length})`}>
            <DataTable
              caption="Casussen met de verwerking waaronder ze vallen en wat erin staat"
              rows={r.cases}
              empty="Er is geen casus over deze persoon."
              columns={[
                { header: 'Casus', cell: (c) => `${c.reference} (${CASE_TYPE_LABELS[c.type]})` },
                { header: 'Status', cell: (c) => CASE_STATUS_LABELS[c.status] },
                { header: 'Verwerking', cell: (c) => c.processingActivity.name },
                { header: 'Grondslag', cell: (c) => c.processingActivity.legalBasis },
                { header: 'Notities per categorie', cell: entriesByCategory },
                {
                  header: 'Doelen en scores',
                  cell: (c) => `${c.goals.length} doelen, ${c.assessments.length} scores`,
                },
              ]}
            />
          </Section>
          <Section id="report-accesses" title={`Inzage en wijzigingen (${r.accesses.length})`}>
            <DataTable<ReportAccess & { n: number }>
              caption="Wie de gegevens bekeek of veranderde: wanneer, welke organisatie, voor welke verwerking"
              rows={r.accesses.map((a, n) => ({ ...a, n }))}
              rowKey={(a) => String(a.n)}
              empty="Niemand heeft de gegevens bekeken of veranderd."
              columns={[
                { header: 'Wanneer', cell: (a) => formatDateTime(a.at) },
                { header: 'Organisatie', cell: (a) => a.partnerName ?? 'Systeem' },
                {
                  header: 'Wat',
                  cell: (a) =>
                    `${AUDIT_ACTION_LABELS[a.action]}${a.caseReference ? ` (casus ${a.caseReference})` : ''}`,
                },
                { header: 'Verwerking', cell: (a) => a.processingActivityName ?? a.purpose },
              ]}
            />
          </Section>
        </>
      )}
    </>
  );
}
