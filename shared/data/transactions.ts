import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * The positions of the items whose condition failed in a cancelled transaction, or
 * undefined when the error is anything else (those are rethrown by callers).
 */
export function failedConditions(error: unknown): number[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const reasons = error.CancellationReasons ?? [];
  const failed = reasons.flatMap((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? [index] : []));
  return failed.length > 0 ? failed : undefined;
}
