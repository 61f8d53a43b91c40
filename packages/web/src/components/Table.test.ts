import { describe, expect, it } from 'vitest';
import { type DataTableProps, rowKeyOf } from './Table.tsx';

// The checks on `rowKey` are TypeScript's (`npm run lint` runs tsc over this file); the tests run rowKeyOf.
const base = { caption: 'Rijen', columns: [] } as const;

describe('rowKeyOf', () => {
  it('keys a row with a string id by its id when rowKey is left out', () => {
    const props: DataTableProps<{ id: string; name: string }> = { ...base, rows: [] };
    expect(rowKeyOf(props)({ id: 'a1', name: 'Anna' })).toBe('a1');
  });

  it('takes a given rowKey over the id', () => {
    const props: DataTableProps<{ id: string; kind: string }> = {
      ...base,
      rows: [],
      rowKey: (r) => `${r.kind}-${r.id}`,
    };
    expect(rowKeyOf(props)({ id: 'a1', kind: 'casus' })).toBe('casus-a1');
  });

  it('requires rowKey for rows without a string id', () => {
    // @ts-expect-error: no id, so rowKey is required
    const noId: DataTableProps<{ name: string }> = { ...base, rows: [] };
    // @ts-expect-error: a number id is not a key
    const numberId: DataTableProps<{ id: number }> = { ...base, rows: [] };
    // @ts-expect-error: one kind of row in the union has no id
    const someWithout: DataTableProps<{ id: string } | { name: string }> = { ...base, rows: [] };
    const given: DataTableProps<{ name: string }> = { ...base, rows: [], rowKey: (r) => r.name };
    expect([noId, numberId, someWithout].every((p) => !('rowKey' in p))).toBe(true);
    expect(rowKeyOf(given)({ name: 'Bea' })).toBe('Bea');
  });
});
