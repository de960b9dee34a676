import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, so entries from the route table resolve whatever the working directory. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export const fromProjectRoot = (relativePath: string): string => path.join(projectRoot, relativePath);

/** Source of the CloudFront Function, deployed as is and run as is by the tests. */
export const stripTrailingSlashSource = 'infra/cloudfront/strip-trailing-slash.js';
