export async function handler(): Promise<never> {
  throw new Error('the function broke');
}
