import type { Attachment } from '@wijkregie/shared';
import type { TenantScope } from '../../db/scope.js';
import { insertAttachment } from './repository.js';
import type { CheckedUpload } from './uploads.js';

/**
 * Stores checked files under an entry or a signal, inside the use case's transaction that creates
 * (or extends) it: the files and what they belong to are committed together, or not at all. The
 * caller records the audit (it knows the persons involved and whether anyone is logged in).
 */
export async function attachFiles(
  s: TenantScope,
  owner: { entryId: string } | { signalId: string },
  uploads: readonly CheckedUpload[],
  uploadedBy: string | null,
): Promise<Attachment[]> {
  const stored: Attachment[] = [];
  for (const u of uploads) {
    stored.push(
      await insertAttachment(s, {
        owner,
        name: u.name,
        contentType: u.contentType,
        content: u.content,
        sha256: u.sha256,
        uploadedBy,
      }),
    );
  }
  return stored;
}
