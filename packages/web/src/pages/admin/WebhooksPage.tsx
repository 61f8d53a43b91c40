import {
  createWebhookSchema,
  WEBHOOK_DELIVERY_STATUS_LABELS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENT_TYPES,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from '@wijkregie/shared';
import { type FormEvent, useCallback, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { ErrorAlert, StatusMessage } from '../../components/Alert.tsx';
import { Button, ButtonGroup, SubmitButton } from '../../components/Button.tsx';
import { CheckboxGroup, toggled } from '../../components/Choice.tsx';
import { cx } from '../../components/classNames.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { StatusFilter, TextField } from '../../components/fields.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { focusSoon } from '../../lib/focus.ts';
import { labelOf } from '../../lib/format.ts';
import { useApiData } from '../../lib/useApiData.ts';
import { useForm } from '../../lib/useFormSubmit.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useStatusPaging } from '../../lib/usePaging.ts';
import { issuesToFieldErrors } from '../../lib/validation.ts';

export const DELIVERY_PAGE_SIZE = 25;

/** The event types of an endpoint in words; `*` is every type, also those added later. */
export function eventsLabel(events: readonly string[]): string {
  if (events.includes('*')) return 'Alle gebeurtenissen';
  return events.map((e) => labelOf(WEBHOOK_EVENT_LABELS, e)).join(', ');
}

export function WebhooksPage() {
  return (
    <Permitted permission="webhooks.manage" title="Webhooks">
      <Webhooks />
    </Permitted>
  );
}

/**
 * Beheer › Webhooks: the endpoints of other systems that hear of events (CloudEvents, signed), a form to add
 * one, deleting after a confirmation, and per endpoint its delivery log.
 */
function Webhooks() {
  usePageTitle('Webhooks');
  const loader = useCallback((signal: AbortSignal) => api.listWebhooks(signal), []);
  const webhooks = useApiData(loader);
  const [status, setStatus] = useState<string | null>(null);
  const [shown, setShown] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);

  return (
    <>
      <PageHeading id="webhooks-heading">Webhooks</PageHeading>
      <Paragraph>
        Andere systemen — het platform van de wijkraad, de tool van een bewonersgroep, systemen van de
        gemeente — kunnen horen wat er gebeurt: een signaal komt binnen of verandert van status, een overleg
        is gehouden, een indicator van een gebiedsaanpak is bijgewerkt. Wijkregie stuurt dan een bericht
        (CloudEvents 1.0) naar het adres van de webhook. Zo’n bericht bevat alleen kenmerken, een status, een
        gebied en tijden: nooit namen of teksten over personen.
      </Paragraph>
      <StatusMessage message={status} />
      <Loaded data={webhooks} loading="De webhooks worden geladen…" busy>
        {(list) => (
          <DataTable<Webhook>
            caption={`Webhooks (${list.total}), oudste eerst`}
            rows={list.items}
            empty="Er zijn nog geen webhooks."
            columns={[
              { header: 'Adres', cell: (w) => w.url },
              { header: 'Gebeurtenissen', cell: (w) => eventsLabel(w.events) },
              {
                header: 'Aangemaakt',
                cell: (w) => <DateTime value={w.createdAt} className="wr-nowrap" />,
              },
              {
                header: 'Acties',
                cell: (w) => (
                  <ButtonGroup>
                    <Button
                      appearance="subtle"
                      aria-label={`Leveringen van ${w.url} tonen`}
                      aria-pressed={shown?.id === w.id}
                      onClick={() => {
                        setStatus(null);
                        setShown(w);
                        focusSoon('webhook-deliveries-heading');
                      }}
                    >
                      Leveringen
                    </Button>
                    <Button
                      id={`webhook-delete-${w.id}`}
                      appearance="subtle"
                      aria-label={`Webhook naar ${w.url} verwijderen`}
                      onClick={() => {
                        setStatus(null);
                        setDeleting(w);
                        focusSoon('webhook-delete-heading');
                      }}
                    >
                      Verwijderen
                    </Button>
                  </ButtonGroup>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {deleting && (
        <DeleteConfirmation
          // Keys differ from the delivery log's: both may be about the same webhook, and siblings need unique keys.
          key={`delete-${deleting.id}`}
          webhook={deleting}
          onDeleted={() => {
            if (shown?.id === deleting.id) setShown(null);
            setDeleting(null);
            webhooks.reload();
            setStatus(`De webhook naar ${deleting.url} is verwijderd.`);
            focusSoon('webhooks-heading');
          }}
          onCancel={() => {
            setDeleting(null);
            focusSoon(`webhook-delete-${deleting.id}`);
          }}
        />
      )}
      {shown && <DeliveryLog key={`log-${shown.id}`} webhook={shown} />}
      <CreateWebhookForm
        onStart={() => setStatus(null)}
        onCreated={(w) => {
          webhooks.reload();
          setStatus(`De webhook naar ${w.url} is toegevoegd.`);
        }}
      />
    </>
  );
}

function DeleteConfirmation({
  webhook,
  onDeleted,
  onCancel,
}: {
  webhook: Webhook;
  onDeleted: () => void;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await api.deleteWebhook(webhook.id);
      onDeleted();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Verwijderen is niet gelukt.');
      setBusy(false);
    }
  }
  return (
    <section className="wr-card" aria-labelledby="webhook-delete-heading">
      <Heading level={2} id="webhook-delete-heading" tabIndex={-1} className="wr-focus-target">
        Webhook verwijderen?
      </Heading>
      <Paragraph>
        Naar <span className="wr-url">{webhook.url}</span> gaat daarna niets meer, ook geen leveringen die nog
        wachten. Het leveringslog van deze webhook verdwijnt mee.
      </Paragraph>
      <ErrorAlert message={error} />
      <ButtonGroup>
        <Button appearance="primary-action" busy={busy} disabled={busy} onClick={() => void remove()}>
          Ja, verwijderen
        </Button>
        <Button onClick={onCancel}>Nee</Button>
      </ButtonGroup>
    </section>
  );
}

/** The badge colours of the outbox: delivered green, waiting grey, given up red. */
const BADGE: Record<WebhookDeliveryStatus, string> = {
  pending: 'wr-badge--mail-pending',
  sending: 'wr-badge--mail-pending',
  delivered: 'wr-badge--mail-sent',
  failed: 'wr-badge--mail-failed',
};

const STATUS_OPTIONS = WEBHOOK_DELIVERY_STATUSES.map((value) => ({
  value,
  label: WEBHOOK_DELIVERY_STATUS_LABELS[value],
}));

/** The delivery log of one endpoint, newest first, with a status filter and pages. */
function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const list = useStatusPaging(DELIVERY_PAGE_SIZE);
  const { status, offset, paging } = list;
  const loader = useCallback(
    (signal: AbortSignal) =>
      api.listWebhookDeliveries(
        webhook.id,
        WEBHOOK_DELIVERY_STATUSES.find((s) => s === status),
        { limit: DELIVERY_PAGE_SIZE, offset },
        signal,
      ),
    [webhook.id, status, offset],
  );
  const deliveries = useApiData(loader);
  const time = (iso: string | null) =>
    iso ? <DateTime value={iso} className="wr-nowrap" /> : <span className="wr-muted">–</span>;
  return (
    <Section id="webhook-deliveries" title="Leveringslog" focusable>
      <Paragraph>
        Naar <span className="wr-url">{webhook.url}</span>. Een levering die geen 2xx-antwoord krijgt, wordt
        opnieuw geprobeerd (na 30 seconden, daarna steeds twee keer zo laat, hoogstens een uur); na 10
        pogingen is ze mislukt.
      </Paragraph>
      <StatusFilter id="webhook-delivery-status" options={STATUS_OPTIONS} list={list} />
      <Loaded data={deliveries} loading="De leveringen worden geladen…">
        {(page) => (
          <PagedTable<WebhookDelivery>
            caption={`Leveringen (${page.total})${status ? ', gefilterd' : ''}, nieuwste eerst`}
            page={page}
            pagingLabel="Paginering leveringen"
            paging={paging}
            empty={status ? 'Geen leveringen met deze status.' : 'Er zijn nog geen leveringen.'}
            columns={[
              { header: 'Aangemaakt', cell: (d) => time(d.createdAt) },
              { header: 'Gebeurtenis', cell: (d) => labelOf(WEBHOOK_EVENT_LABELS, d.eventType) },
              {
                header: 'Status',
                cell: (d) => (
                  <span className={cx('wr-badge', BADGE[d.status])}>
                    {WEBHOOK_DELIVERY_STATUS_LABELS[d.status]}
                  </span>
                ),
              },
              { header: 'Pogingen', cell: (d) => d.attempts },
              {
                header: 'Laatste antwoord',
                cell: (d) =>
                  d.lastError ??
                  (d.lastStatusCode !== null ? (
                    `HTTP ${d.lastStatusCode}`
                  ) : (
                    <span className="wr-muted">–</span>
                  )),
              },
              { header: 'Volgende poging', cell: (d) => time(d.nextAttemptAt) },
              { header: 'Afgeleverd', cell: (d) => time(d.deliveredAt) },
            ]}
          />
        )}
      </Loaded>
    </Section>
  );
}

const FORM_ID = 'webhook';
const FIELDS = ['url', 'events', 'secret'] as const;
const ALL = '*';
const EVENT_OPTIONS = [
  { value: ALL, label: 'Alle gebeurtenissen (ook soorten die later bijkomen)' },
  ...WEBHOOK_EVENT_TYPES.map((value) => ({ value, label: WEBHOOK_EVENT_LABELS[value] })),
];

/** 32 random bytes as hex: a secret for the HMAC that nobody has to think up. */
function generatedSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function CreateWebhookForm({ onCreated, onStart }: { onCreated: (w: Webhook) => void; onStart: () => void }) {
  const { busy, formError, validate, submit, values, setValues, field, errors } = useForm(FORM_ID, FIELDS, {
    url: '',
    events: '',
    secret: '',
  });
  const [events, setEvents] = useState<string[]>([]);

  function toggle(value: string, checked: boolean) {
    // "Alle" stands alone: ticking it clears the types, ticking a type clears "Alle".
    if (value === ALL) setEvents(checked ? [ALL] : []);
    else
      setEvents(
        toggled(
          events.filter((e) => e !== ALL),
          value,
          checked,
        ),
      );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const body = {
      url: values.url.trim(),
      events: events.includes(ALL) ? [ALL] : WEBHOOK_EVENT_TYPES.filter((t) => events.includes(t)),
      secret: values.secret,
    };
    const parsed = createWebhookSchema.safeParse(body);
    if (!parsed.success) {
      const found = issuesToFieldErrors(parsed.error);
      if (body.events.length === 0) found.events = 'Kies minstens één soort gebeurtenis';
      validate(found);
      return;
    }
    validate({});
    await submit(async () => {
      const created = await api.createWebhook(parsed.data);
      setValues({ url: '', events: '', secret: '' });
      setEvents([]);
      onCreated(created);
    });
  }

  return (
    <FormCard id={FORM_ID} title="Webhook toevoegen" error={formError} onSubmit={onSubmit}>
      <TextField
        {...field('url')}
        label="Adres (URL)"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        description="Een https-adres op internet, zonder gebruikersnaam of wachtwoord erin. Adressen in een intern netwerk en http kunnen alleen als de installatie dat toestaat."
      />
      <CheckboxGroup
        id={`${FORM_ID}-events`}
        itemPrefix={`${FORM_ID}-event`}
        legend="Gebeurtenissen"
        name="events"
        error={errors.events}
        options={EVENT_OPTIONS}
        value={events}
        onToggle={toggle}
      />
      <TextField
        {...field('secret')}
        label="Geheim"
        autoComplete="off"
        spellCheck={false}
        description={
          <>
            Minstens 16 tekens. Elke levering krijgt de kop <code>webhook-signature: sha256=…</code>: de
            HMAC-SHA256 van de ruwe inhoud met dit geheim, in hexadecimalen. Het ontvangende systeem rekent
            die na met zijn kopie van het geheim en weigert een bericht dat niet klopt. Wijkregie toont het
            geheim hierna nooit meer: geef het nu door aan de beheerder van het ontvangende systeem.
          </>
        }
      />
      <ButtonGroup>
        <Button
          onClick={() => {
            setValues((current) => ({ ...current, secret: generatedSecret() }));
            focusSoon(`${FORM_ID}-secret`);
          }}
        >
          Genereer een geheim
        </Button>
      </ButtonGroup>
      <SubmitButton busy={busy}>Webhook toevoegen</SubmitButton>
    </FormCard>
  );
}
