import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { UsersOrganizationsStack } from '../../infra/stack.js';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };

/** The stack as `cdk synth` builds it (same feature flags), without bundling the functions. */
export function synthesize(context: Record<string, unknown> = {}) {
  const app = new App({ context: { ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [], 'aws:cdk:disable-stack-trace': true } });
  const stack = new UsersOrganizationsStack(app, 'UsersOrganizationsApi');
  return { stack, template: Template.fromStack(stack) };
}

export type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[]; DeletionPolicy?: string };

export const resourcesOfType = (template: Template, type: string): [string, Resource][] =>
  Object.entries(template.findResources(type)) as [string, Resource][];
