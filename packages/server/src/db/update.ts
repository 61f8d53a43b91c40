import { Params } from './params.js';
import { execute } from './rows.js';
import type { TenantScope } from './scope.js';

/**
 * The SET list of an UPDATE that changes only the fields it is given: `set(column, value)` adds
 * `column = $n` unless the value is undefined (null is a value: it empties the column); `cast` types the
 * parameter (`'::date'`). `also` adds an assignment without a parameter (`closed_at = now()`).
 */
export class Changes {
  readonly p = new Params();
  readonly sets: string[];

  constructor(...always: string[]) {
    this.sets = always;
  }

  set(column: string, value: unknown, cast = ''): this {
    if (value !== undefined) this.sets.push(`${column} = ${this.p.add(value)}${cast}`);
    return this;
  }

  also(assignment: string): this {
    this.sets.push(assignment);
    return this;
  }
}

/** Applies the changes to the row `id` of `table` in the scope's tenant; with nothing to change, nothing runs. */
export async function updateById(s: TenantScope, table: string, id: string, c: Changes): Promise<void> {
  if (!c.sets.length) return;
  await execute(
    s.q,
    `UPDATE ${table} SET ${c.sets.join(', ')} WHERE tenant_id = ${c.p.add(s.tenantId)} AND id = ${c.p.add(id)}`,
    c.p.values,
  );
}

/**
 * Links `ids` to the row `ownerId` in the link table `table` (columns `tenant_id`, `ownerColumn`,
 * `idColumn`, all uuids but the tenant's); an id given twice or linked already is skipped.
 */
export async function addLinks(
  s: TenantScope,
  table: string,
  ownerColumn: string,
  ownerId: string,
  idColumn: string,
  ids: readonly string[],
): Promise<void> {
  if (!ids.length) return;
  await execute(
    s.q,
    `INSERT INTO ${table} (tenant_id, ${ownerColumn}, ${idColumn})
     SELECT $1, $2, p FROM unnest($3::uuid[]) AS p ON CONFLICT DO NOTHING`,
    [s.tenantId, ownerId, [...new Set(ids)]],
  );
}
