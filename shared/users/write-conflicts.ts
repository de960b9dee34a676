import { errors } from '../http/errors.js';
import type { OrganizationRecord } from '../organizations/organization-record.js';
import { findOrganizations } from '../organizations/organization-store.js';
import { UserWriteConflictError } from './user-store.js';

/** The organizations a write names, or a 400 on `organization_ids` for the first unknown one. */
export async function requireOrganizations(ids: number[]): Promise<Map<number, OrganizationRecord>> {
  const found = ids.length > 0 ? await findOrganizations(ids) : new Map<number, OrganizationRecord>();
  const unknown = ids.find((id) => !found.has(id));
  if (unknown !== undefined) throw errors.field('organization_ids', 'invalid_pk', { pk: unknown });
  return found;
}

/** A refused condition that the client can act on, as the DRF error it means. */
export function clientErrorFor(error: unknown): Error {
  if (!(error instanceof UserWriteConflictError)) return error as Error;
  const { conflict } = error;
  if (conflict.reason === 'email_taken') return errors.field('email', 'email_taken');
  if (conflict.reason === 'unknown_organization') return errors.field('organization_ids', 'invalid_pk', { pk: conflict.organizationId });
  return error;
}
