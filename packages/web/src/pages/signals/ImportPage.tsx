import { CREDITOR_IMPORT_REFUSAL, type ImportAnswer, type ImportProgress } from '@wijkregie/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { Alert } from '../../components/Alert.tsx';
import { SubmitButton } from '../../components/Button.tsx';
import { FormField } from '../../components/FormField.tsx';
import { Heading, PageHeading, Paragraph } from '../../components/Heading.tsx';
import { NoAccessPage, Permitted } from '../../components/Permitted.tsx';
import { Section } from '../../components/Section.tsx';
import { DataTable } from '../../components/Table.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';
import { useMayImportCreditorSignals } from '../../lib/navigation.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { SignalsNav } from './SignalParts.tsx';

/** The largest file the server takes (docs/integration.md: 50 MiB for a CSV import). */
const MAX_BYTES = 50 * 1024 * 1024;

/** The columns of the creditor file (docs/integration.md), in the documented order, with what goes in them. */
const COLUMNS: readonly { name: string; meaning: string }[] = [
  { name: 'creditorType', meaning: 'energie, water, huur of zorgverzekering' },
  { name: 'creditorName', meaning: 'naam van de schuldeiser' },
  { name: 'reference', meaning: 'kenmerk bij de schuldeiser (met de naam uniek: tweemaal is een dubbele)' },
  { name: 'signalDate', meaning: 'datum van het signaal' },
  { name: 'lastName', meaning: 'achternaam' },
  { name: 'initials', meaning: 'voorletters' },
  { name: 'birthDate', meaning: 'geboortedatum' },
  { name: 'street', meaning: 'straat' },
  { name: 'houseNumber', meaning: 'huisnummer' },
  { name: 'postalCode', meaning: 'postcode (1234 AB)' },
  { name: 'city', meaning: 'plaats' },
  { name: 'arrearsAmount', meaning: 'achterstand in euro, met komma of punt' },
  { name: 'arrearsSince', meaning: 'datum sinds wanneer de achterstand er is' },
  { name: 'endOfSupply', meaning: 'ja of nee: dreigt afsluiting' },
];

const FORM_ID = 'import';

export function ImportPage() {
  return (
    <Permitted permission="signals.import" title="Vroegsignalen importeren">
      <ImportForOwnPartner />
    </Permitted>
  );
}

/** The role is not all: the user's organisation must be one that may import (the shared rule, as the server's). */
function ImportForOwnPartner() {
  const mayImport = useMayImportCreditorSignals();
  if (mayImport === undefined)
    return <Paragraph aria-busy="true">Even kijken of je mag importeren…</Paragraph>;
  if (!mayImport) return <NoAccessPage title="Vroegsignalen importeren" reason={CREDITOR_IMPORT_REFUSAL} />;
  return <Import />;
}

function Import() {
  usePageTitle('Vroegsignalen importeren');
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  // A run that was cut off (the server stopped while reading it) is told once, with how to go on.
  const [interrupted, setInterrupted] = useState<ImportProgress | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    api
      .currentImport(ctl.signal)
      .then((p) => setInterrupted(p.status === 'interrupted' ? p : null))
      .catch(() => {});
    return () => ctl.abort();
  }, []);

  // A new result takes focus, so that it is read out and the keyboard continues from there.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setFileError(undefined);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError('Kies een CSV-bestand');
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError('Het bestand is groter dan 50 MB; splits het in delen');
      fileRef.current?.focus();
      return;
    }
    setResult(null);
    setProgress(null);
    setInterrupted(null);
    setRunning(file.name);
    // While the server reads the file, show how far it is (large files take a while).
    const started = Date.now();
    const poll = window.setInterval(() => {
      api
        .currentImport()
        .then((p) => {
          if (p.status === 'running' && Date.parse(p.startedAt) >= started - 60_000) setProgress(p);
        })
        .catch(() => {});
    }, 1000);
    try {
      const text = await file.text();
      const answer = await api.importSignals(text);
      setResult(answer);
      if (answer.importId) {
        // The run's own record: how many lines were read in total.
        api
          .importProgress(answer.importId)
          .then(setProgress)
          .catch(() => setProgress(null));
      }
    } catch (error) {
      setFormError(
        error instanceof ApiError
          ? error.problem.detail || error.fieldErrors.map((e) => e.message).join(' ')
          : 'Het bestand kon niet worden gelezen.',
      );
    } finally {
      window.clearInterval(poll);
      setRunning(null);
    }
  }

  return (
    <>
      <SignalsNav />
      <PageHeading>Vroegsignalen importeren</PageHeading>
      <Paragraph>
        Lees een bestand met signalen van schuldeisers (energie, water, huur, zorgverzekering) in. Geldige
        regels worden signalen; regels met fouten worden overgeslagen en hieronder met hun regelnummer
        genoemd. Alleen de regisseur en medewerkers van de gemeente, schuldhulpverlening en het wijkteam mogen
        importeren.
      </Paragraph>
      {interrupted && (
        <Alert type="warning" heading="Uw vorige import is onderbroken">
          De import van {formatDateTime(interrupted.startedAt)} stopte na{' '}
          {plural(interrupted.lines, 'regel', 'regels')}:{' '}
          {plural(interrupted.imported, 'signaal', 'signalen')} zijn opgeslagen. Lees hetzelfde bestand
          opnieuw in om verder te gaan; regels die al zijn ingelezen worden als dubbel overgeslagen.
        </Alert>
      )}
      {formError && (
        <Alert type="error" role="alert" heading="De import is niet gelukt">
          {formError}
        </Alert>
      )}
      <form
        id={FORM_ID}
        aria-label="Bestand importeren"
        noValidate
        onSubmit={onSubmit}
        className="wr-form wr-card"
      >
        <FormField
          id={`${FORM_ID}-file`}
          label="CSV-bestand"
          description="UTF-8, met kopregel, gescheiden door ; of , — hoogstens 50 MB"
          error={fileError}
        >
          {(control) => (
            <input
              {...control}
              ref={fileRef}
              type="file"
              name="file"
              accept=".csv,text/csv"
              aria-invalid={control.invalid || undefined}
              className="wr-file"
            />
          )}
        </FormField>
        <SubmitButton busy={running !== null}>Importeren</SubmitButton>
      </form>
      <div role="status" className="wr-status">
        {running !== null && (
          <div className="wr-progress">
            <p className="utrecht-paragraph">
              „{running}” wordt ingelezen… Dit kan bij een groot bestand even duren.
            </p>
            <progress className="wr-progress__bar" aria-label="Voortgang van de import" />
            {progress && progress.status === 'running' && (
              <p className="utrecht-paragraph">
                {progress.lines.toLocaleString('nl-NL')} regels gelezen,{' '}
                {progress.imported.toLocaleString('nl-NL')} geïmporteerd
              </p>
            )}
          </div>
        )}
      </div>
      {result && (
        <section aria-labelledby="import-result-heading" className="wr-card">
          <Heading
            level={2}
            id="import-result-heading"
            ref={resultRef}
            tabIndex={-1}
            className="wr-focus-target"
          >
            Resultaat van de import
          </Heading>
          <ul className="wr-plain-list wr-import-counts">
            <li>
              <span className="wr-strong">Geïmporteerd:</span>{' '}
              {plural(result.imported, 'signaal', 'signalen')}
            </li>
            <li>
              <span className="wr-strong">Dubbel (al bekend):</span>{' '}
              {result.duplicates.toLocaleString('nl-NL')}
            </li>
            <li>
              <span className="wr-strong">Afgewezen:</span>{' '}
              {plural(result.rejected.length, 'regel', 'regels')}
            </li>
            {progress?.lines !== undefined && (
              <li>
                <span className="wr-strong">Regels gelezen:</span> {progress.lines.toLocaleString('nl-NL')}
              </li>
            )}
          </ul>
          {result.rejected.length > 0 && (
            <DataTable
              caption="Afgewezen regels"
              rows={result.rejected}
              rowKey={(r) => `${r.line}-${r.message}`}
              columns={[
                { header: 'Regel', cell: (r) => r.line },
                { header: 'Reden', cell: (r) => r.message },
              ]}
            />
          )}
        </section>
      )}
      <Section id="import-columns" title="Verwachte kolommen">
        <Paragraph>
          De eerste regel noemt de kolommen, in deze of een andere volgorde. Datums als JJJJ-MM-DD of
          DD-MM-JJJJ.
        </Paragraph>
        <DataTable
          caption="Kolommen van het bestand"
          rows={COLUMNS}
          rowKey={(c) => c.name}
          columns={[
            { header: 'Kolom', cell: (c) => <code className="wr-code">{c.name}</code> },
            { header: 'Inhoud', cell: (c) => c.meaning },
          ]}
        />
      </Section>
    </>
  );
}
