export interface OrganizationRecord {
  id: number;
  name: string;
  description: string | null;
}
