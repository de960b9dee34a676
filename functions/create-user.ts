/**
 * One-off administration function that creates a user (deployed, not routed).
 * Its behaviour comes with a later change; until then it refuses to run.
 */
export const handler = async (): Promise<never> => {
  throw new Error('create-user is not implemented yet');
};
