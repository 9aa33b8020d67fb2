import { hoursText } from '@liaison/domain';

// Shared with the other client (docs/projects.md); callers here import it from this module.
export { hoursText };

import { MAX_UPLOAD_BYTES, type UploadAttachmentRequest } from '@liaison/contracts';

// Words and numbers of the Project tab and the waiting list (docs/projects.md), and files as the
// API takes them (an issue's attachment, a step's artefact; the portal's too).

export const phaseLabels: Record<string, string> = { pre_sales: 'Pre-sales', post_sales: 'Post-sales' };

/** When an answer is due, relative to now: "due in 5 h", "overdue by 1 d 2 h". */
export function slaText(dueAt: string, now: Date = new Date()): string {
  const hours = (Date.parse(dueAt) - now.getTime()) / 3_600_000;
  return hours >= 0 ? `due in ${hoursText(hours)}` : `overdue by ${hoursText(-hours)}`;
}

/** A file's bytes as base64, as the API takes an upload. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** The contract's upload limit as a person reads it: "3 MB". */
export const UPLOAD_LIMIT = `${MAX_UPLOAD_BYTES / 1_000_000} MB`;

/** Why a picked file cannot be sent (over the contract's limit), or null: said before uploading. */
export function uploadRefusal(file: { name: string; size: number }): string | null {
  if (file.size <= MAX_UPLOAD_BYTES) return null;
  // Rounded up, so a file just over the limit never reads as "3.0 MB; at most 3 MB".
  const megabytes = (Math.ceil(file.size / 100_000) / 10).toFixed(1);
  return `${file.name} is ${megabytes} MB; at most ${UPLOAD_LIMIT}.`;
}

/** A picked file as the API takes it: its name, its type (unknown: bytes) and its base64. */
export async function fileUpload(file: File): Promise<UploadAttachmentRequest['file']> {
  return {
    name: file.name,
    contentType: file.type || 'application/octet-stream',
    base64: await readBase64(file),
  };
}
