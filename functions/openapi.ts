import { apiFunction } from '../shared/http/api-handler.js';
import { openApiDocument } from '../shared/openapi/document.js';

const document = openApiDocument();

export const handler = apiFunction('openapi', async () => ({ statusCode: 200, body: document }));
