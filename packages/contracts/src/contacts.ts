import { z } from 'zod';
import { ExternalIds, Id, RecordMeta, ShortText } from './common.ts';
import { StakeholderRole } from './enums.ts';

export const ContactFields = z.object({
  name: ShortText,
  email: z.email().max(254).nullable(),
  title: z.string().max(200).nullable(),
  phone: z.string().max(50).nullable(),
  stakeholderRoles: z.array(StakeholderRole).max(6),
  externalIds: ExternalIds,
});

export const Contact = RecordMeta.extend(ContactFields.shape).extend({ accountId: Id });

export const CreateContactRequest = ContactFields.partial().extend({ name: ShortText });
export const UpdateContactRequest = ContactFields.partial().extend({
  version: z.int().positive().optional(),
});

export type Contact = z.infer<typeof Contact>;
export type CreateContactRequest = z.infer<typeof CreateContactRequest>;
export type UpdateContactRequest = z.infer<typeof UpdateContactRequest>;
export type ContactFields = z.infer<typeof ContactFields>;
