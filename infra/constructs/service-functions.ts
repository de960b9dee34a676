import { Construct } from 'constructs';
import { functions, type FunctionName, type FunctionSpec } from '../../shared/routes.js';
import type { AvatarBucket } from './avatar-bucket.js';
import type { DataTable } from './data-table.js';
import { environmentVariables } from './environment-variables.js';
import { NodeFunction, type FunctionDefaults } from './node-function.js';
import type { SigningKeys } from './signing-keys.js';

export interface ServiceFunctionsProps {
  defaults: FunctionDefaults;
  table: DataTable;
  avatars: AvatarBucket;
  signingKeys: SigningKeys;
  /** The distribution URL: links, avatar URLs and the token issuer and audience. */
  publicUrl: string;
}

/** One-off administration function, not routed (a later issue gives it its behaviour). */
const createUser: FunctionSpec = { entry: 'functions/create-user.ts', auth: 'public', table: 'write' };

/**
 * One Lambda per function of the route table, plus the unrouted create-user function,
 * each with exactly the grants its spec asks for.
 */
export class ServiceFunctions extends Construct {
  readonly routed: Record<FunctionName, NodeFunction>;
  readonly createUser: NodeFunction;

  constructor(scope: Construct, id: string, private readonly props: ServiceFunctionsProps) {
    super(scope, id);
    const entries = Object.entries(functions) as [FunctionName, FunctionSpec][];
    this.routed = Object.fromEntries(entries.map(([name, spec]) => [name, this.serviceFunction(name, spec)])) as Record<FunctionName, NodeFunction>;
    this.createUser = this.serviceFunction('create-user', createUser);
  }

  private serviceFunction(name: string, spec: FunctionSpec): NodeFunction {
    const { table, avatars, signingKeys, publicUrl } = this.props;
    const fn = new NodeFunction(this, name, {
      entry: spec.entry,
      defaults: this.props.defaults,
      memoryMb: spec.memoryMb,
      environment: {
        [environmentVariables.publicBaseUrl]: publicUrl,
        [environmentVariables.avatarsBaseUrl]: publicUrl,
        [environmentVariables.jwtIssuer]: publicUrl,
        [environmentVariables.jwtAudience]: publicUrl,
      },
    });
    table.grantAccess(fn, spec.table);
    avatars.addToEnvironment(fn);
    signingKeys.addPublicKeyToEnvironment(fn);
    if (spec.mintsTokens) signingKeys.grantMinting(fn);
    if (spec.writesUploads) avatars.grantWriteUploads(fn);
    if (spec.deletesAvatars) avatars.grantDeleteAvatars(fn);
    return fn;
  }
}
