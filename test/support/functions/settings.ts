import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Read at import, as the product's functions read their settings: proves the stack sets them first. */
const tableNameAtImport = process.env.TABLE_NAME;

export async function handler(): Promise<APIGatewayProxyStructuredResultV2> {
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tableNameAtImport }) };
}
