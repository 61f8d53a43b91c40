import {
  AUDIT_OBJECT_TYPE_LABELS,
  alertLabel,
  CASE_STATUS_LABELS,
  MEETING_KIND_LABELS,
  type Overview,
  type OverviewAction,
  type OverviewCase,
  type OverviewMeeting,
  type OverviewSignal,
  ROLE_LABELS,
  SIGNAL_STATUS_LABELS,
} from '@wijkregie/shared';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { api } from '../api/endpoints.ts';
import { useUser } from '../auth/AuthContext.tsx';
import { DateTime } from '../components/DateTime.tsx';
import { PageHeading, Paragraph } from '../components/Heading.tsx';
import { TextLink } from '../components/Links.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Section } from '../components/Section.tsx';
import { alertSubject, useAlerts } from '../lib/alerts.tsx';
import { formatDate, labelOf, plural } from '../lib/format.ts';
import { useApiData } from '../lib/useApiData.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import './OverviewPage.css';

const loadOverview = (signal: AbortSignal) => api.getOverview(signal);
const loadPartners = (signal: AbortSignal) => api.listPartners(signal);

/**
 * The start page: what needs me today. One card per kind of work with its counts, the first few items
 * and a link to the full list; only the cards the user's roles can use. A regisseur sees the whole
 * municipality and the monitor's figures of the month. On a phone the cards stack.
 */
export function OverviewPage() {
  usePageTitle('Overzicht');
  const user = useUser();
  const overview = useApiData(loadOverview, 'Het overzicht kon niet worden geladen.');
  // A new alert may change what needs me: load the page's figures again.
  const { arrivals } = useAlerts();
  const reload = overview.reload;
  useEffect(() => {
    if (arrivals > 0) reload();
  }, [arrivals, reload]);

  return (
    <>
      <PageHeading>Welkom, {user.name}</PageHeading>
      <Loaded data={overview} loading="Het overzicht wordt geladen…">
        {(o) => <Dashboard overview={o} />}
      </Loaded>
      <Account />
    </>
  );
}

/** Who is logged in, as what and for which organisation: one line under the cards. */
function Account() {
  const user = useUser();
  const partners = useApiData(loadPartners);
  const partner = partners.data?.items.find((p) => p.id === user.partnerId);
  const roles = user.roles.map((role) => ROLE_LABELS[role]).join(', ');
  return (
    <p className="utrecht-paragraph wr-overview__account">
      Je bent ingelogd als {roles}
      {partner ? ` bij ${partner.name}` : ''}. <TextLink to="/instellingen">Instellingen</TextLink>
    </p>
  );
}

function Dashboard({ overview: o }: { overview: Overview }) {
  const all = o.scope === 'municipality';
  const caseWork = o.actions || o.signals || o.meetings || o.cases || o.alerts;
  return (
    <>
      <Paragraph lead>
        {caseWork
          ? all
            ? `Wat vandaag aandacht vraagt in de hele gemeente, ${formatDate(o.today)}.`
            : `Wat vandaag jouw aandacht vraagt, ${formatDate(o.today)}.`
          : `Wat er voor jou klaarstaat, ${formatDate(o.today)}.`}
      </Paragraph>
      {o.monitor && <MonitorFigures monitor={o.monitor} />}
      <div className="wr-overview">
        {o.actions && <ActionsCard actions={o.actions} all={all} />}
        {o.signals && <SignalsCard signals={o.signals} all={all} />}
        {o.meetings && <MeetingsCard meetings={o.meetings} all={all} />}
        {o.cases && <CasesCard cases={o.cases} all={all} />}
        {o.alerts && <AlertsCard alerts={o.alerts} />}
        {o.audit && <AuditCard audit={o.audit} />}
        {o.outbox && <OutboxCard outbox={o.outbox} />}
      </div>
    </>
  );
}

/** A card of the start page: its heading, a line with the counts, the first items, the way to the full list. */
function Card({
  id,
  title,
  summary,
  link,
  children,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  link: { to: string; label: string };
  children?: ReactNode;
}) {
  return (
    <Section id={id} title={title} className="wr-card wr-overview__card">
      <p className="utrecht-paragraph wr-overview__summary">{summary}</p>
      {children}
      <p className="utrecht-paragraph wr-overview__more">
        <TextLink to={link.to}>{link.label}</TextLink>
      </p>
    </Section>
  );
}

/** The first items of a card as a list, or the card's empty state. */
function Items<T>({
  label,
  items,
  empty,
  children,
}: {
  label: string;
  items: readonly T[];
  empty: string;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className="utrecht-paragraph wr-overview__empty">{empty}</p>;
  return (
    <ul className="wr-overview__list" aria-label={label}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: each card's items keep their order; ids live in the children.
        <li key={i} className="wr-overview__item">
          {children(item)}
        </li>
      ))}
    </ul>
  );
}

/** "Te laat" spelled out: overdue is never shown by colour alone. */
function Late() {
  return (
    <span className="wr-badge wr-badge--overdue">
      <span aria-hidden="true">! </span>Te laat
    </span>
  );
}

function MonitorFigures({ monitor }: { monitor: NonNullable<Overview['monitor']> }) {
  const month = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${monitor.month}-01T00:00:00Z`),
  );
  const figures: [string, number][] = [
    ['Signalen', monitor.signals],
    ['Huishoudens bereikt', monitor.households],
    ['Contact gehad', monitor.contacted],
    ['Doorverwezen', monitor.referred],
  ];
  return (
    <Section id="monitor" title={`Vroegsignalering in ${month}`} className="wr-card wr-overview__monitor">
      <dl className="wr-overview__figures">
        {figures.map(([label, n]) => (
          <div key={label} className="wr-overview__figure">
            <dt>{label}</dt>
            <dd>{n.toLocaleString('nl-NL')}</dd>
          </div>
        ))}
      </dl>
      <p className="utrecht-paragraph wr-overview__more">
        <TextLink to="/signalen/monitor">Naar de monitor</TextLink>
      </p>
    </Section>
  );
}

function ActionsCard({ actions, all }: { actions: NonNullable<Overview['actions']>; all: boolean }) {
  return (
    <Card
      id="acties"
      title={all ? 'Acties in de gemeente' : 'Mijn acties'}
      summary={`${plural(actions.overdue, 'actie', 'acties')} te laat, ${actions.dueThisWeek} deze week.`}
      link={{ to: '/acties', label: 'Alle acties' }}
    >
      <Items<OverviewAction>
        label={
          all
            ? 'Acties die te laat zijn of deze week moeten'
            : 'Mijn acties die te laat zijn of deze week moeten'
        }
        items={actions.items}
        empty={
          all
            ? 'Geen acties die te laat zijn of deze week moeten.'
            : 'Je hebt geen acties die te laat zijn of deze week moeten.'
        }
      >
        {(a) => (
          <>
            <TextLink to={`/casussen/${a.caseId}`}>{a.title}</TextLink>
            <span className="wr-overview__meta">
              Casus {a.caseReference} · uiterlijk {formatDate(a.dueDate)}
              {all && a.assigneeName ? ` · ${a.assigneeName}` : ''} {a.overdue && <Late />}
            </span>
          </>
        )}
      </Items>
    </Card>
  );
}

function SignalsCard({ signals, all }: { signals: NonNullable<Overview['signals']>; all: boolean }) {
  return (
    <Card
      id="signalen"
      title={all ? 'Signalen zonder eerste contact' : 'Signalen voor mijn organisatie'}
      summary={`${plural(signals.awaiting, 'signaal wacht', 'signalen wachten')} op eerste contact, waarvan ${signals.overdue} te laat.`}
      link={{ to: '/signalen', label: 'Naar de signalen' }}
    >
      <Items<OverviewSignal>
        label="Signalen die wachten op eerste contact"
        items={signals.items}
        empty="Er wachten geen signalen op eerste contact."
      >
        {(s) => (
          <>
            <TextLink to={`/signalen/${s.id}`}>{s.categoryLabel}</TextLink>
            <span className="wr-overview__meta">
              {labelOf(SIGNAL_STATUS_LABELS, s.status)}
              {s.areaName ? ` · ${s.areaName}` : ''}
              {all ? ` · ${s.routedPartnerName ?? 'nog niet toegewezen'}` : ''}
              {s.firstContactDue ? ` · contact uiterlijk ${formatDate(s.firstContactDue)}` : ''}{' '}
              {s.overdue && <Late />}
            </span>
          </>
        )}
      </Items>
    </Card>
  );
}

function MeetingsCard({ meetings, all }: { meetings: NonNullable<Overview['meetings']>; all: boolean }) {
  return (
    <Card
      id="overleggen"
      title={all ? 'Overleggen de komende twee weken' : 'Mijn overleggen de komende twee weken'}
      summary={`${plural(meetings.upcoming, 'overleg', 'overleggen')} gepland.`}
      link={{ to: '/overleggen', label: 'Alle overleggen' }}
    >
      <Items<OverviewMeeting>
        label="Komende overleggen"
        items={meetings.items}
        empty="Er staan de komende twee weken geen overleggen voor je gepland."
      >
        {(m) => (
          <>
            <TextLink to={`/overleggen/${m.id}`}>{m.title}</TextLink>
            <span className="wr-overview__meta">
              <DateTime value={m.startsAt} />
              {m.place ? ` · ${m.place}` : ''} · {labelOf(MEETING_KIND_LABELS, m.kind)} · voorzitter{' '}
              {m.chairName}
            </span>
            {m.agenda.length > 0 || m.otherItems > 0 ? (
              <div className="wr-overview__agenda">
                <span className="wr-overview__agenda-label">Agenda:</span>
                {m.agenda.length > 0 && (
                  <ul aria-label={`Agenda van ${m.title}`}>
                    {m.agenda.map((a) => (
                      <li key={a.caseId}>
                        <TextLink to={`/casussen/${a.caseId}`}>
                          {a.caseReference} {a.caseTitle}
                        </TextLink>
                      </li>
                    ))}
                  </ul>
                )}
                {m.otherItems > 0 && (
                  <span className="wr-overview__meta">
                    {m.agenda.length > 0 ? 'en ' : ''}
                    {plural(
                      m.otherItems,
                      'punt over een casus die je niet ziet',
                      'punten over casussen die je niet ziet',
                    )}
                  </span>
                )}
              </div>
            ) : (
              <span className="wr-overview__meta">Nog geen casussen op de agenda.</span>
            )}
          </>
        )}
      </Items>
    </Card>
  );
}

function CasesCard({ cases, all }: { cases: NonNullable<Overview['cases']>; all: boolean }) {
  return (
    <Card
      id="casussen"
      title="Gewijzigd sinds je laatste blik"
      summary={`${plural(cases.changed, all ? 'casus' : 'casus van jou', all ? 'casussen' : 'casussen van jou')} met nieuws.`}
      link={{ to: '/casussen', label: 'Alle casussen' }}
    >
      <Items<OverviewCase>
        label="Casussen met nieuws"
        items={cases.items}
        empty="Niets nieuws in je casussen sinds je ze het laatst bekeek."
      >
        {(c) => (
          <>
            <TextLink to={`/casussen/${c.id}`}>
              {c.reference} {c.title}
            </TextLink>
            <span className="wr-overview__meta">
              {labelOf(CASE_STATUS_LABELS, c.status)} · gewijzigd <DateTime value={c.changedAt} />
              {c.newEntries > 0 ? ` · ${plural(c.newEntries, 'nieuwe notitie', 'nieuwe notities')}` : ''}
            </span>
          </>
        )}
      </Items>
    </Card>
  );
}

function AlertsCard({ alerts }: { alerts: NonNullable<Overview['alerts']> }) {
  return (
    <Card
      id="notificaties"
      title="Ongelezen notificaties"
      summary={
        alerts.unread === 0
          ? 'Je hebt alles gelezen.'
          : `${plural(alerts.unread, 'ongelezen notificatie', 'ongelezen notificaties')}.`
      }
      link={{ to: '/notificaties', label: 'Alle notificaties' }}
    >
      <Items
        label="Nieuwste ongelezen notificaties"
        items={alerts.items}
        empty="Geen ongelezen notificaties."
      >
        {(a) => (
          <>
            <TextLink to={alertSubject(a).to}>
              {alertLabel(a)}
              {a.caseId && ` · casus ${a.caseReference}`}
            </TextLink>
            <span className="wr-overview__meta">
              <DateTime value={a.updatedAt} />
            </span>
          </>
        )}
      </Items>
    </Card>
  );
}

function AuditCard({ audit }: { audit: NonNullable<Overview['audit']> }) {
  return (
    <Card
      id="audit"
      title="Geweigerde toegang, afgelopen week"
      summary={`${plural(audit.deniedLastWeek, 'geweigerde poging', 'geweigerde pogingen')} om persoonsgegevens in te zien of te wijzigen.`}
      link={{ to: '/audit', label: 'Naar de auditlog' }}
    >
      <Items
        label="Laatste geweigerde pogingen"
        items={audit.items}
        empty="Geen geweigerde pogingen in de afgelopen week."
      >
        {(d) => (
          <>
            <span className="wr-strong">
              {d.userName ?? 'Onbekende gebruiker'}
              {d.partnerName ? ` (${d.partnerName})` : ''}
            </span>
            <span className="wr-overview__meta">
              {labelOf(AUDIT_OBJECT_TYPE_LABELS, d.objectType)} · <DateTime value={d.at} />
            </span>
          </>
        )}
      </Items>
    </Card>
  );
}

function OutboxCard({ outbox }: { outbox: NonNullable<Overview['outbox']> }) {
  return (
    <Card
      id="e-mail"
      title="E-mail"
      summary={
        outbox.failed === 0 && outbox.pending === 0
          ? 'Alle e-mails zijn verstuurd.'
          : `${plural(outbox.failed, 'e-mail kon', 'e-mails konden')} niet worden verstuurd; ${outbox.pending} wachten nog.`
      }
      link={{ to: '/beheer/e-mail', label: 'Naar de e-mails' }}
    />
  );
}
