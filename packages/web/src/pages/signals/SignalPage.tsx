import {
  CREDITOR_TYPE_LABELS,
  SIGNAL_SOURCE_LABELS,
  SIGNAL_STATUS_LABELS,
  type SignalDetail,
  type SignalHistoryItem,
  type SignalMatch,
  VISIT_OUTCOME_LABELS,
} from '@wijkregie/shared';
import { useCallback } from 'react';
import { api } from '../../api/endpoints.ts';
import { useUser } from '../../auth/AuthContext.tsx';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { DataList, type DataListItem } from '../../components/DataList.tsx';
import { PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Breadcrumb, TextLink } from '../../components/Links.tsx';
import { DetailLoading } from '../../components/Loaded.tsx';
import { PermittedById } from '../../components/Permitted.tsx';
import { ProcessingPanel } from '../../components/ProcessingPanel.tsx';
import { Section } from '../../components/Section.tsx';
import { SocialMapPanel } from '../../components/SocialMap.tsx';
import { DataTable } from '../../components/Table.tsx';
import { UrgencyBadge } from '../../components/UrgencyBadge.tsx';
import { formatDate, formatDateTime, labelOf } from '../../lib/format.ts';
import { type Names, useAreas, usePartners } from '../../lib/reference.ts';
import { formatPoint, formatSignalLocation, useSignalCategories } from '../../lib/signals.ts';
import { useDetail } from '../../lib/useDetail.ts';
import { useFlashMessage } from '../../lib/useFlashMessage.ts';
import { SignalAttachments } from './SignalAttachments.tsx';
import { FirstContactDue, SignalStatusBadge, SignalsNav } from './SignalParts.tsx';
import { SignalTriage } from './SignalTriage.tsx';

// Another signal (after a merge) starts with fresh state.
export function SignalPage() {
  return <PermittedById permission="signals.read" title="Signaal" page={SignalView} />;
}

function SignalView({ id }: { id: string }) {
  const user = useUser();
  const [message, setMessage] = useFlashMessage();
  const loader = useCallback((signal: AbortSignal) => api.getSignal(id, signal), [id]);
  const categories = useSignalCategories();
  const categoryName = (key: string) => categories.names.get(key) ?? key;
  const detail = useDetail(loader, 'Signaal', (s) => `Signaal: ${categoryName(s.category)}`);
  const partners = usePartners();
  const areas = useAreas();

  const s = detail.data;
  const categoryLabel = s ? categoryName(s.category) : '';

  function changed(text: string) {
    setMessage(text);
    detail.reload();
  }

  return (
    <>
      <SignalsNav />
      <Breadcrumb to="/signalen">Signalen</Breadcrumb>
      <div className="wr-case-heading">
        {s && (
          <p className="utrecht-pre-heading wr-section__name">
            {SIGNAL_SOURCE_LABELS[s.source]}
            {s.residentGroupName && ` — ${s.residentGroupName}`}
          </p>
        )}
        <PageHeading>{s ? `Signaal: ${categoryLabel}` : detail.placeholder}</PageHeading>
        {s && <SignalStatusBadge status={s.status} prefix />}
        {s?.urgency && <UrgencyBadge urgency={s.urgency} />}
      </div>
      <StatusMessage message={message} />
      <DetailLoading data={detail} loading="Het signaal wordt geladen…" onlyWhenEmpty />
      {s && (
        <>
          {s.overdue && (
            <Alert type="warning" heading="Te laat">
              De termijn voor het eerste contact ({formatDate(s.firstContactDue)}) is verstreken.
            </Alert>
          )}
          {s.involvement && (
            <Alert type="info" heading="Ook betrokken">
              Ook betrokken: {s.involvement.partners.join(', ')}; neem contact op met{' '}
              {s.involvement.coordinator}.
            </Alert>
          )}
          <Section id="signal-facts" title="Gegevens" className="wr-card">
            <DataList items={facts(s, categoryLabel, partners.names, areas.names)} />
          </Section>
          <ProcessingPanel
            what="Het signaal"
            processingActivityId={s.processingActivityId}
            user={user}
            assign={(body) => api.assignSignalProcessingActivity(s.id, body)}
            onChanged={changed}
          />
          {s.areaId && <SocialMapPanel query={{ areaId: s.areaId }} />}
          <SignalAttachments signal={s} onAdded={changed} />
          {s.matches && <Matches matches={s.matches} />}
          {s.canTriage && (
            <SignalTriage signal={s} partners={partners.data?.items ?? []} onChanged={changed} />
          )}
          <Visits signal={s} partnerNames={partners.names} />
          <History items={s.history} />
        </>
      )}
    </>
  );
}

function facts(
  s: SignalDetail,
  categoryLabel: string,
  partnerNames: Names,
  areaNames: Names,
): DataListItem[] {
  const address = formatSignalLocation(s.location);
  const area = s.areaId ? areaNames.get(s.areaId) : undefined;
  const hasPoint = s.location.lat !== undefined && s.location.lng !== undefined;
  const items: DataListItem[] = [
    { key: 'Categorie', value: categoryLabel },
    { key: 'Omschrijving', value: <span className="wr-entry__text">{s.description}</span> },
    { key: 'Status', value: SIGNAL_STATUS_LABELS[s.status] },
    { key: 'Bron', value: SIGNAL_SOURCE_LABELS[s.source] },
    ...(s.residentGroupName
      ? [
          {
            key: 'Bewonersgroep',
            value: (
              <TextLink to={`/wijkbeeld/bewonersgroepen/${s.residentGroupId}`}>
                {s.residentGroupName}
              </TextLink>
            ),
          },
          {
            key: 'Urgentie volgens de groep',
            value: s.urgency ? <UrgencyBadge urgency={s.urgency} /> : 'Niet opgegeven',
          },
        ]
      : []),
    { key: 'Gemeld op', value: formatDateTime(s.createdAt) },
    { key: 'Wanneer gebeurd', value: s.occurredAt ? formatDateTime(s.occurredAt) : 'Niet opgegeven' },
    { key: 'Adres', value: address || placeWithoutAddress(hasPoint, area) },
  ];
  if (s.location.lat !== undefined && s.location.lng !== undefined) {
    // Beside the address or the buurt, rounded: never raw coordinates as the main information.
    items.push({
      key: 'Plek op de kaart',
      value: <span className="wr-muted">ongeveer {formatPoint(s.location.lat, s.location.lng)}</span>,
    });
  }
  items.push(
    { key: 'Wijk of buurt', value: s.areaId ? (area ?? 'Onbekend gebied') : 'Onbekend' },
    { key: 'Gemeld door', value: reportedBy(s, partnerNames) },
    {
      key: 'Gerouteerd naar',
      value: s.routedPartnerId ? (partnerNames.get(s.routedPartnerId) ?? 'Een partner') : 'De regisseur',
    },
    {
      key: 'Waarom hier gerouteerd',
      value: s.routingReason ?? 'Geen routeringsregel; de regisseur beoordeelt het.',
    },
    { key: 'Eerste contact uiterlijk', value: <FirstContactDue signal={s} /> },
  );
  if (s.creditor) {
    const c = s.creditor;
    items.push({
      key: 'Schuldeiser',
      value: (
        <>
          {CREDITOR_TYPE_LABELS[c.type]}: {c.name} (kenmerk {c.reference})
          {c.arrearsAmount !== null &&
            `, achterstand ${c.arrearsAmount.toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' })}`}
          {c.arrearsSince && ` sinds ${formatDate(c.arrearsSince)}`}
          {c.endOfSupply && (
            <>
              {' '}
              <span className="wr-badge wr-badge--overdue">Afsluiting dreigt</span>
            </>
          )}
        </>
      ),
    });
  }
  if (s.caseId) {
    items.push({
      key: 'Casus',
      value: <TextLink to={`/casussen/${s.caseId}`}>Naar de casus</TextLink>,
    });
  }
  if (s.mergedIntoId) {
    items.push({
      key: 'Samengevoegd met',
      value: (
        <TextLink to={`/signalen/${s.mergedIntoId}`}>Naar het signaal waarmee dit is samengevoegd</TextLink>
      ),
    });
  }
  if (s.bundleId && s.bundleId !== s.id) {
    items.push({
      key: 'Bundel',
      value: <TextLink to={`/signalen/${s.bundleId}`}>Eerder signaal op hetzelfde adres</TextLink>,
    });
  }
  if (s.personIds.length > 0) {
    items.push({
      key: 'Betrokken personen',
      value: (
        <ul className="wr-plain-list">
          {s.personIds.map((pid, i) => (
            <li key={pid}>
              <TextLink to={`/personen/${pid}`}>Persoon {i + 1}</TextLink>
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (s.outcome) items.push({ key: 'Uitkomst of reden', value: s.outcome });
  return items;
}

/** Where it is when there is no address: the point on the map in its buurt, in words. */
function placeWithoutAddress(hasPoint: boolean, area: string | undefined): string {
  if (!hasPoint) return 'Niet opgegeven';
  return area
    ? `Geen adres; de melder wees een plek op de kaart aan in ${area}`
    : 'Geen adres; de melder wees een plek op de kaart aan';
}

/**
 * Who reported it, as it really was: a resident through the report form, a creditor through the
 * early-warning file (and who read that in), or the professional and their organisation.
 */
function reportedBy(s: SignalDetail, partnerNames: Names): string {
  const partner = s.reporterPartnerId ? partnerNames.get(s.reporterPartnerId) : undefined;
  const person = [s.reporterName, partner].filter(Boolean);
  const who = person.length === 2 ? `${person[0]} (${person[1]})` : (person[0] ?? '');
  switch (s.source) {
    case 'resident':
      return 'Een bewoner, via het meldformulier op de website';
    case 'creditor': {
      const creditor = s.creditor
        ? `${s.creditor.name} (schuldeiser, ${CREDITOR_TYPE_LABELS[s.creditor.type].toLowerCase()})`
        : 'Een schuldeiser';
      return `${creditor}, via de vroegsignalering${who ? `; ingelezen door ${who}` : ''}`;
    }
    case 'outreach':
      return who ? `${who}, bij outreach` : 'Een medewerker, bij outreach';
    default:
      return who || 'Een partner';
  }
}

const MATCH_KIND: Record<string, { label: string; path: string }> = {
  person: { label: 'Persoon', path: '/personen' },
  household: { label: 'Huishouden', path: '/huishoudens' },
  case: { label: 'Casus', path: '/casussen' },
  signal: { label: 'Signaal', path: '/signalen' },
};

const MATCH_METHOD: Record<string, string> = {
  subject: 'genoemd bij het signaal of in de casus',
  name_birth_date: 'zelfde achternaam en geboortedatum',
  address: 'zelfde adres',
  household: 'lid van het huishouden',
};

/** What the signal matched (only the regisseur sees this). */
function Matches({ matches }: { matches: SignalMatch[] }) {
  return (
    <Section id="signal-matches" title="Overeenkomsten" className="wr-card">
      <Paragraph className="wr-muted">
        Wat de gemeente al kent over dit adres of deze personen. Alleen de regisseur ziet dit; de melder en de
        partners niet.
      </Paragraph>
      {matches.length === 0 ? (
        <Paragraph>Geen overeenkomsten gevonden.</Paragraph>
      ) : (
        <ul className="wr-link-list">
          {matches.map((m) => {
            const kind = MATCH_KIND[m.kind];
            const label = kind?.label ?? m.kind;
            return (
              <li key={`${m.kind}-${m.targetId}`}>
                {kind ? <TextLink to={`${kind.path}/${m.targetId}`}>{label} bekijken</TextLink> : label}{' '}
                <span className="wr-muted">({MATCH_METHOD[m.method] ?? m.method})</span>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function Visits({ signal, partnerNames }: { signal: SignalDetail; partnerNames: Names }) {
  return (
    <Section id="signal-visits" title="Huisbezoeken">
      <DataTable
        caption={`Huisbezoeken (${signal.visits.length}), ook eerdere pogingen`}
        rows={signal.visits}
        empty="Er is nog geen huisbezoek gepland."
        columns={[
          { header: 'Datum', cell: (v) => <span className="wr-nowrap">{formatDate(v.plannedDate)}</span> },
          {
            header: 'Bezoeker',
            cell: (v) => v.visitorName ?? partnerNames.get(v.partnerId) ?? 'Nog niemand',
          },
          {
            header: 'Uitkomst',
            cell: (v) =>
              v.outcome ? (
                <>
                  {VISIT_OUTCOME_LABELS[v.outcome]}
                  {v.referredPartnerId && ` naar ${partnerNames.get(v.referredPartnerId) ?? 'een partner'}`}
                  {v.nextStep && <span className="wr-signal-category">Vervolg: {v.nextStep}</span>}
                  {v.nextDate && (
                    <span className="wr-signal-category">Vervolgdatum: {formatDate(v.nextDate)}</span>
                  )}
                </>
              ) : (
                <span className="wr-muted">Nog niet vastgelegd</span>
              ),
          },
        ]}
      />
    </Section>
  );
}

function statusLabel(value: unknown): string {
  return typeof value === 'string' ? labelOf(SIGNAL_STATUS_LABELS, value) : '?';
}

/** A history record's change in words. */
export function describeChange(change: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(change)) {
    const v = (value ?? {}) as Record<string, unknown>;
    switch (key) {
      case 'created':
        lines.push(
          `Gemeld (${SIGNAL_SOURCE_LABELS[v.source as keyof typeof SIGNAL_SOURCE_LABELS] ?? 'signaal'}).`,
        );
        break;
      case 'status':
        lines.push(`Status: ${statusLabel(v.from)} → ${statusLabel(v.to)}.`);
        break;
      case 'outcome':
        lines.push('Uitkomst of reden vastgelegd.');
        break;
      case 'caseId':
        lines.push(v.to ? 'Gekoppeld aan een casus.' : 'Losgekoppeld van de casus.');
        break;
      case 'caseStarted':
        lines.push('Casus gestart vanuit dit signaal.');
        break;
      case 'mergedInto':
        lines.push('Samengevoegd met een ander signaal.');
        break;
      case 'merged':
        lines.push('Een dubbel signaal is hiermee samengevoegd.');
        break;
      case 'visitPlanned':
        lines.push(`Huisbezoek gepland op ${formatDate(typeof v.date === 'string' ? v.date : null)}.`);
        break;
      case 'visit':
        lines.push(`Huisbezoek: ${typeof v.label === 'string' ? v.label : 'uitkomst vastgelegd'}.`);
        break;
      default:
        lines.push('Gewijzigd.');
    }
  }
  return lines;
}

function History({ items }: { items: SignalHistoryItem[] }) {
  return (
    <Section id="signal-history" title="Geschiedenis">
      {items.length === 0 ? (
        <Paragraph>Nog geen geschiedenis.</Paragraph>
      ) : (
        <ol className="wr-history">
          {items.map((h) => (
            <li
              key={`${h.at}-${JSON.stringify(h.change)}-${h.publicText ?? ''}`}
              className="wr-history__item"
            >
              <p className="utrecht-paragraph wr-history__meta">
                <span className="wr-nowrap">{formatDateTime(h.at)}</span> ·{' '}
                {h.userName ?? 'Systeem of melder'}
              </p>
              {describeChange(h.change).map((line) => (
                <p key={line} className="utrecht-paragraph">
                  {line}
                </p>
              ))}
              {h.publicText && (
                <p className="utrecht-paragraph wr-history__public">Bericht voor de melder: {h.publicText}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
