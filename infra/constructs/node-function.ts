import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, Runtime, type IDestination } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { fromProjectRoot } from './project-paths.js';

const DEFAULT_MEMORY_MB = 512;
const DEFAULT_TIMEOUT = Duration.seconds(10);

/** esbuild's ESM output calls `require` for CommonJS dependencies; Node's ESM has none. */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Settings every function shares, decided once per stack. */
export interface FunctionDefaults {
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

export interface NodeFunctionProps {
  /** Handler source, relative to the project root (as in shared/routes.ts). */
  entry: string;
  defaults: FunctionDefaults;
  memoryMb?: number;
  timeout?: Duration;
  environment?: Record<string, string>;
  /** Packages installed into the asset instead of bundled, built for the Lambda platform. */
  nativeModules?: string[];
  onFailure?: IDestination;
  retryAttempts?: number;
}

/**
 * A Lambda function with the defaults the whole product uses: Node.js 22 on arm64,
 * minified ESM with source maps, and its own log group with a retention.
 */
export class NodeFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.defaults.logRetention,
      removalPolicy: props.defaults.logRemovalPolicy,
    });
    super(scope, id, {
      entry: fromProjectRoot(props.entry),
      projectRoot: fromProjectRoot('.'),
      depsLockFilePath: fromProjectRoot('package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: props.timeout ?? DEFAULT_TIMEOUT,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      onFailure: props.onFailure,
      retryAttempts: props.retryAttempts,
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        ...(props.nativeModules && {
          nodeModules: props.nativeModules,
          environment: { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' },
        }),
      },
    });
  }
}
