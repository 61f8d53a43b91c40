import type { ImportAnswer, ImportProgress } from '@wijkregie/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { formatDateTime, plural } from '../lib/format.ts';
import { Alert } from './Alert.tsx';
import { SubmitButton } from './Button.tsx';
import { ImportFileField } from './fields.tsx';
import { Paragraph } from './Heading.tsx';
import { ImportResult } from './ImportResult.tsx';
import { Section } from './Section.tsx';
import { DataTable } from './Table.tsx';

/** The largest file the server takes (docs/integration.md: 50 MiB for a CSV import). */
const MAX_BYTES = 50 * 1024 * 1024;

export interface CsvColumn {
  name: string;
  meaning: string;
}

export interface CsvImportProps {
  /** The form's id (its controls' ids start with it). */
  id: string;
  /** What a row becomes, singular and plural ("signaal", "signalen"). */
  noun: readonly [string, string];
  /** Sends the file's text; answers the counts and the rejected rows. */
  run: (csv: string) => Promise<ImportAnswer>;
  /** The caller's latest run of this import (polled while the file is read). */
  current: (signal?: AbortSignal) => Promise<ImportProgress>;
  /** The finished run's own record, for the number of lines read (when the import has one). */
  progressOf?: (importId: string) => Promise<ImportProgress>;
  /** The documented columns, in order. */
  columns: readonly CsvColumn[];
  /** How dates are written in this file. */
  dateNote: string;
}

/**
 * A partner's CSV export read in (the creditors' early warnings, the incidents): choose a file, see
 * how far the server is while it reads, then the counts and every rejected row with its line number.
 * A run that was cut off (the server stopped while reading) is told once, with how to go on.
 */
export function CsvImport({ id, noun, run, current, progressOf, columns, dateNote }: CsvImportProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [interrupted, setInterrupted] = useState<ImportProgress | null>(null);
  const [singular, pluralNoun] = noun;

  useEffect(() => {
    const ctl = new AbortController();
    current(ctl.signal)
      .then((p) => setInterrupted(p.status === 'interrupted' ? p : null))
      .catch(() => {});
    return () => ctl.abort();
  }, [current]);

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
      current()
        .then((p) => {
          if (p.status === 'running' && Date.parse(p.startedAt) >= started - 60_000) setProgress(p);
        })
        .catch(() => {});
    }, 1000);
    try {
      const answer = await run(await file.text());
      setResult(answer);
      const finished = answer.importId && progressOf ? progressOf(answer.importId) : current();
      finished.then(setProgress).catch(() => setProgress(null));
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
      {interrupted && (
        <Alert type="warning" heading="Uw vorige import is onderbroken">
          De import van {formatDateTime(interrupted.startedAt)} stopte na{' '}
          {plural(interrupted.lines, 'regel', 'regels')}: {plural(interrupted.imported, singular, pluralNoun)}{' '}
          zijn opgeslagen. Lees hetzelfde bestand opnieuw in om verder te gaan; regels die al zijn ingelezen
          worden als dubbel overgeslagen.
        </Alert>
      )}
      {formError && (
        <Alert type="error" role="alert" heading="De import is niet gelukt">
          {formError}
        </Alert>
      )}
      <form
        id={id}
        aria-label="Bestand importeren"
        noValidate
        onSubmit={onSubmit}
        className="wr-form wr-card"
      >
        <ImportFileField
          id={`${id}-file`}
          label="CSV-bestand"
          description="UTF-8, met kopregel, gescheiden door ; of , — hoogstens 50 MB"
          error={fileError}
          inputRef={fileRef}
          accept=".csv,text/csv"
        />
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
        <ImportResult
          id={id}
          title="Resultaat van de import"
          headingRef={resultRef}
          counts={[
            { label: 'Geïmporteerd', value: plural(result.imported, singular, pluralNoun) },
            { label: 'Dubbel (al bekend)', value: result.duplicates.toLocaleString('nl-NL') },
            { label: 'Afgewezen', value: plural(result.rejected.length, 'regel', 'regels') },
            ...(progress?.lines !== undefined
              ? [{ label: 'Regels gelezen', value: progress.lines.toLocaleString('nl-NL') }]
              : []),
          ]}
          rejected={result.rejected}
          rejectedCaption="Afgewezen regels"
          where={{ header: 'Regel', cell: (r) => r.line, key: (r) => r.line }}
        />
      )}
      <Section id={`${id}-columns`} title="Verwachte kolommen">
        <Paragraph>De eerste regel noemt de kolommen, in deze of een andere volgorde. {dateNote}</Paragraph>
        <DataTable
          caption="Kolommen van het bestand"
          rows={columns}
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
