import { attachmentOperations as op } from '@wijkregie/shared';
import type { FastifyInstance } from 'fastify';
import { routesFor } from '../../http/serve.js';
import { contentDisposition } from './content-disposition.js';
import { getAttachment } from './get-attachment.js';

/** The files of entries and signals; they are sent with their entry or signal (cases and signals routes). */
export function attachmentRoutes(app: FastifyInstance) {
  const serve = routesFor(app);
  // The answer is the file's bytes, which Fastify sends as they are under the type set here. A photo
  // may show in the page; its policy forbids it anything but being an image.
  serve(op.getAttachment, async (c) => {
    const file = await getAttachment(c.ctx, c.params.id);
    c.reply
      .type(file.contentType)
      .header('Content-Disposition', contentDisposition(file.disposition, file.name))
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Cross-Origin-Resource-Policy', 'same-origin');
    return file.content;
  });
}
