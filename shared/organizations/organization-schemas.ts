import { z } from 'zod';

export const organizationCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).meta({ example: 'OOO Organization' }),
  description: z.string().max(10_000).nullable().optional().meta({ example: 'Org Description' }),
});

export type OrganizationCreateInput = z.output<typeof organizationCreateSchema>;

export const userSummarySchema = z.object({
  id: z.int(),
  email: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
});

export const organizationSchema = z
  .object({
    id: z.int(),
    name: z.string(),
    description: z.string().nullable(),
    users: z.array(userSummarySchema).meta({ description: 'Ordered by id; left out with ?users=0 on the list.' }),
  })
  .meta({ id: 'Organization' });
