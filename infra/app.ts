import { App } from 'aws-cdk-lib';
import { UsersOrganizationsStack } from './stack.js';

// No env: the stack is environment-agnostic and deploys to the CLI's account and region.
const app = new App();
new UsersOrganizationsStack(app, 'UsersOrganizationsApi');
app.synth();
