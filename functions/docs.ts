import { apiFunction } from '../shared/http/api-handler.js';
import { docsPage } from '../shared/openapi/docs-page.js';

export const handler = apiFunction('docs', async () => ({ statusCode: 200, html: docsPage }));
