import { describe, expect, it } from 'vitest';
import { labelled } from './labelled.js';

describe('labelled', () => {
  it('gives the codes in the order of the pairs and the label of each', () => {
    const { values, labels } = labelled([
      ['registered', 'Aangemeld'],
      ['triage', 'Triage'],
      ['closed', 'Afgesloten'],
    ]);
    expect(values).toEqual(['registered', 'triage', 'closed']);
    expect(labels).toEqual({ registered: 'Aangemeld', triage: 'Triage', closed: 'Afgesloten' });
    expect(Object.keys(labels)).toEqual(['registered', 'triage', 'closed']);
  });

  it('takes numbers as codes too', () => {
    const { values, labels } = labelled([
      [1, 'Een'],
      [2, 'Twee'],
    ]);
    expect(values).toEqual([1, 2]);
    expect(labels[2]).toBe('Twee');
  });
});
