import type { FastifyReply } from 'fastify';

/** Types a browser could run as a page of Liaison's: sent as bytes, never rendered. */
const ACTIVE_TYPES = /html|xml|javascript|ecmascript|svg/i;

/**
 * Sends a file kept in PostgreSQL (an artefact's version, a project attachment) as a download:
 * always `attachment`, a name with no quotes or separators, `nosniff`, and a content type a
 * browser cannot run as a page of Liaison's (an uploaded HTML or SVG file comes back as bytes).
 */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; content: Buffer },
) {
  const name = file.fileName.replace(/[^\w.() -]/g, '_');
  return reply
    .header(
      'content-type',
      ACTIVE_TYPES.test(file.contentType) ? 'application/octet-stream' : file.contentType,
    )
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
