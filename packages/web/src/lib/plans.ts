import {
  canRead,
  canWrite,
  type Goal,
  type LifeDomain,
  type MatrixCell,
  NOT_DISCUSSED_LABEL,
  SCORE_LABELS,
  SCORES,
  type Score,
} from '@wijkregie/shared';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useApiData } from './useApiData.ts';

const loadLifeDomains = (signal: AbortSignal) => api.listLifeDomains(signal);

/** The life domains of the municipality in their order, with their names by key. */
export function useLifeDomains() {
  const domains = useApiData(loadLifeDomains);
  const labels = useMemo(
    () => new Map((domains.data?.items ?? []).map((d) => [d.key, d.label])),
    [domains.data],
  );
  return { ...domains, labels };
}

/** A domain's name; the key itself when the domain is unknown (removed since, or still loading). */
export function domainLabel(labels: ReadonlyMap<string, string>, key: string): string {
  return labels.get(key) ?? key;
}

export function isScore(value: number): value is Score {
  return (SCORES as readonly number[]).includes(value);
}

/** The ZRM level of a score: "Beperkt zelfredzaam". */
export function scoreLevel(score: number): string {
  return isScore(score) ? SCORE_LABELS[score] : NOT_DISCUSSED_LABEL;
}

/** A score with its level: "3 – Beperkt zelfredzaam". */
export function scoreText(score: number): string {
  return isScore(score) ? `${score} – ${SCORE_LABELS[score]}` : NOT_DISCUSSED_LABEL;
}

/** The options of a score select: 1 … 5 with their levels. */
export const SCORE_OPTIONS = SCORES.map((score) => ({ value: String(score), label: scoreText(score) }));

/** The domains whose category the user's partner may write (the matrix, as for journal entries). */
export function writableDomains(domains: readonly LifeDomain[], cells: readonly MatrixCell[]): LifeDomain[] {
  const writable = new Set(cells.filter((c) => canWrite(c.access)).map((c) => c.category));
  return domains.filter((d) => writable.has(d.category));
}

/** The domains whose category the user's partner may read. */
export function readableDomains(domains: readonly LifeDomain[], cells: readonly MatrixCell[]): LifeDomain[] {
  const readable = new Set(cells.filter((c) => canRead(c.access)).map((c) => c.category));
  return domains.filter((d) => readable.has(d.category));
}

/** "Financiën: schulden in beeld …": a goal in a select or a list, at most about a line long. */
export function goalLabel(goal: Pick<Goal, 'domain' | 'text'>, labels: ReadonlyMap<string, string>): string {
  const text = goal.text.length > 80 ? `${goal.text.slice(0, 79).trimEnd()}…` : goal.text;
  return `${domainLabel(labels, goal.domain)}: ${text}`;
}

/** The goals an action can still work toward (status "loopt"), for the action form's select. */
export function openGoalOptions(
  goals: readonly Goal[],
  labels: ReadonlyMap<string, string>,
): { id: string; caseId: string; label: string }[] {
  return goals
    .filter((g) => g.status === 'open')
    .map((g) => ({ id: g.id, caseId: g.caseId, label: goalLabel(g, labels) }));
}

/**
 * The names of persons by id, each read through the person's own API (so the same visibility rules apply
 * and the read is logged); an id the user may not open gets no name. At most 20 at a time.
 */
export function usePersonNames(ids: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(ids)].sort().slice(0, 20).join(',');
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    // Each lookup catches its own failure, so the whole never rejects.
    void Promise.all(
      key.split(',').map(async (id): Promise<[string, string] | null> => {
        try {
          const p = await api.getPerson(id, controller.signal);
          return [id, `${p.firstName} ${p.lastName}`];
        } catch {
          return null;
        }
      }),
    ).then((pairs) => {
      if (!controller.signal.aborted) setNames(new Map(pairs.filter((p) => p !== null)));
    });
    return () => controller.abort();
  }, [key]);
  return names;
}
