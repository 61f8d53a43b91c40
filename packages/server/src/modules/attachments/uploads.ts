import { createHash } from 'node:crypto';
import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_TYPES,
  type AttachmentType,
  type FieldError,
} from '@wijkregie/shared';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../http/errors.js';

/** A file whose content is what it says it is, ready to store. */
export interface CheckedUpload {
  name: string;
  contentType: AttachmentType;
  content: Buffer;
  sha256: string;
}

const labels = (types: readonly AttachmentType[]) => types.map((t) => ATTACHMENT_TYPES[t].label).join(', ');

const isAttachmentType = (type: string): type is AttachmentType =>
  (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(type);

/**
 * The type a file says it has. Browsers send `image/jpg` now and then, and `application/octet-stream`
 * (or nothing) when the system knows no type for the extension (an .odt on a bare Linux): then the
 * extension says it. Either way the content must match (checked after).
 */
function declaredType(file: File): string {
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'image/jpg' || type === 'image/pjpeg') return 'image/jpeg';
  if (type !== '' && type !== 'application/octet-stream') return type;
  const extension = file.name.toLowerCase().split('.').pop();
  if (extension === 'jpeg') return 'image/jpeg';
  return ATTACHMENT_CONTENT_TYPES.find((t) => ATTACHMENT_TYPES[t].extension === extension) ?? type;
}

/**
 * Checks each file before anything is stored: its declared type must be one of `allowed`, and its
 * content must be that type (recognised by the file-type library from the bytes — DOCX, XLSX and ODT
 * by what their zip container holds). Otherwise 415, naming the file; nothing of the request is kept.
 */
export async function checkUploads(
  files: readonly File[],
  allowed: readonly AttachmentType[] = ATTACHMENT_CONTENT_TYPES,
): Promise<CheckedUpload[]> {
  const checked: CheckedUpload[] = [];
  const errors: FieldError[] = [];
  for (const [i, file] of files.entries()) {
    const path = `file.${i}`;
    const declared = declaredType(file);
    if (!isAttachmentType(declared) || !allowed.includes(declared)) {
      errors.push({ path, message: `${file.name}: dit soort bestand kan niet (wel: ${labels(allowed)})` });
      continue;
    }
    const content = Buffer.from(await file.arrayBuffer());
    const detected = await fileTypeFromBuffer(content);
    if (detected?.mime !== declared) {
      errors.push({
        path,
        message: `${file.name}: de inhoud is geen ${ATTACHMENT_TYPES[declared].label}-bestand`,
      });
      continue;
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    checked.push({ name: file.name, contentType: declared, content, sha256 });
  }
  if (errors.length > 0) {
    throw new AppError(
      'unsupported-media-type',
      errors.length === 1 ? (errors[0]?.message ?? '') : 'Enkele bestanden kunnen niet worden opgeslagen.',
      errors,
    );
  }
  return checked;
}
