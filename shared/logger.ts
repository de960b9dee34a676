import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger per container; never log bodies, passwords or tokens. */
export const logger = new Logger({ serviceName: 'users-organizations-api' });
