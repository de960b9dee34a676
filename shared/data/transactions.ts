import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { dynamodb } from './client.js';

const MAX_ATTEMPTS = 4;

const conflicted = (error: unknown) =>
  error instanceof TransactionCanceledException
  && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

/**
 * Writes a transaction; one cancelled only because another transaction was touching the
 * same items at that moment is sent again after a short random wait.
 */
export async function transactWrite(items: NonNullable<TransactWriteCommandInput['TransactItems']>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dynamodb.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!conflicted(error) || attempt === MAX_ATTEMPTS) throw error;
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
  }
}

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
