import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

export interface EchoReply {
  event: APIGatewayProxyEventV2;
  functionName: string;
  remainingMs: number;
}

/** Answers with the event and context it received. */
export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ event, functionName: context.functionName, remainingMs: context.getRemainingTimeInMillis() } satisfies EchoReply),
  };
}
