import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface Throttle {
  rateLimit: number;
  burstLimit: number;
}

/** Deploy-time choices, read from CDK context (`cdk.json` or `-c name=value`); docs/deploy.md lists them. */
export interface StackSettings {
  /** A throwaway stack: no deletion protection, data removed with the stack. */
  destroyable: boolean;
  /** Browser origins allowed by the API's and the bucket's CORS; none by default. */
  corsOrigins: string[];
  /** An existing WAF web ACL (CLOUDFRONT scope, us-east-1) for the distribution. */
  webAclArn?: string;
  signingKeyVersion: string;
  throttle: Throttle;
  tokenThrottle: Throttle;
  logRetention: RetentionDays;
}

const DEFAULTS = {
  signingKeyVersion: '1',
  throttleRateLimit: 100,
  throttleBurstLimit: 200,
  tokenThrottleRateLimit: 10,
  tokenThrottleBurstLimit: 20,
  logRetentionDays: RetentionDays.ONE_MONTH,
};

export function readStackSettings(scope: Construct): StackSettings {
  const context = (name: string): unknown => scope.node.tryGetContext(name);
  const number = (name: keyof typeof DEFAULTS & `${string}Limit`): number => positiveNumber(name, context(name) ?? DEFAULTS[name]);
  const webAclArn = context('webAclArn');
  return {
    destroyable: flag(context('destroyable')),
    corsOrigins: list(context('corsOrigins')),
    webAclArn: webAclArn ? String(webAclArn) : undefined,
    signingKeyVersion: String(context('signingKeyVersion') ?? DEFAULTS.signingKeyVersion),
    throttle: { rateLimit: number('throttleRateLimit'), burstLimit: number('throttleBurstLimit') },
    tokenThrottle: { rateLimit: number('tokenThrottleRateLimit'), burstLimit: number('tokenThrottleBurstLimit') },
    logRetention: retention(context('logRetentionDays') ?? DEFAULTS.logRetentionDays),
  };
}

/** `-c destroyable=true` arrives as a string, cdk.json may hold a boolean. */
function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

/** A comma-separated string (command line) or an array (cdk.json). */
function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function positiveNumber(name: string, value: unknown): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`Context ${name} must be a positive number, got ${String(value)}`);
  return parsed;
}

function retention(value: unknown): RetentionDays {
  const days = Number(value);
  const allowed = Object.values(RetentionDays).filter((entry): entry is RetentionDays => typeof entry === 'number');
  const match = allowed.find((entry) => entry === days);
  if (match === undefined) throw new Error(`Context logRetentionDays must be one of ${allowed.join(', ')}, got ${String(value)}`);
  return match;
}
