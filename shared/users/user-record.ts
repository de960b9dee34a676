/** A user as the product knows it (the table item without its keys). */
export interface UserRecord {
  id: number;
  /** As first entered; uniqueness is on its lower-cased form. */
  email: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  avatarKey: string | null;
  /** Kept in the same transactions as the membership edges; ascending. */
  organizationIds: number[];
  dateJoined: string;
  isSuperuser: boolean;
  passwordHash: string;
  /** Incremented on every password change; refresh tokens carry it. */
  passwordVersion: number;
  /** Optimistic lock: every write is conditional on the version it read. */
  version: number;
}
