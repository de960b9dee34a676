/** A result without a statusCode. */
export async function handler(): Promise<unknown> {
  return { status: 'ok' };
}
