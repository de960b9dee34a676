import { z } from 'zod';

export const tokenObtainSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1),
});

export const tokenRefreshSchema = z.strictObject({ refresh: z.string().min(1) });

export const tokenPairSchema = z.object({ access: z.string(), refresh: z.string() }).meta({ id: 'TokenPair' });
export const accessTokenSchema = z.object({ access: z.string() }).meta({ id: 'AccessToken' });
