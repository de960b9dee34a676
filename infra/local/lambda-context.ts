import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID } from './api-event.js';

/** API Gateway HTTP API gives up on an integration after 30 s; the functions get a little less. */
export const FUNCTION_TIMEOUT_MS = 29_000;
const DEFAULT_MEMORY_MB = 128;

function callbackStyleUnsupported(): never {
  throw new Error('Callback-style completion (done/succeed/fail) is not supported; return a promise.');
}

/** The Lambda context object the runtime passes to an invocation of `functionName`. */
export function buildLambdaContext(functionName: string, memoryMb = DEFAULT_MEMORY_MB): Context {
  const deadline = Date.now() + FUNCTION_TIMEOUT_MS;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: callbackStyleUnsupported,
    fail: callbackStyleUnsupported,
    succeed: callbackStyleUnsupported,
  };
}
