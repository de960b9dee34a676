import { moduleHandlerLoader, type HandlerLoader } from '../../infra/local/gateway.js';
import type { RouteTable } from '../../infra/local/route-matcher.js';

/** Routes served by the test functions in test/support/functions instead of the product's. */
export const testRouteTable: RouteTable = {
  routes: [
    { method: 'GET', path: '/echo', function: 'echo' },
    { method: 'POST', path: '/echo', function: 'echo' },
    { method: 'GET', path: '/items/{id}', function: 'echo' },
    { method: 'GET', path: '/settings', function: 'settings' },
    { method: 'GET', path: '/failure', function: 'fails' },
    { method: 'GET', path: '/malformed', function: 'malformed' },
    { method: 'GET', path: '/binary', function: 'binary' },
  ],
  defaultRoute: { function: 'echo' },
  functions: {
    echo: { entry: 'test/support/functions/echo.ts', memoryMb: 256 },
    settings: { entry: 'test/support/functions/settings.ts' },
    fails: { entry: 'test/support/functions/fails.ts' },
    malformed: { entry: 'test/support/functions/malformed.ts' },
    binary: { entry: 'test/support/functions/binary.ts' },
  },
};

/** Loads the test functions like the gateway does and records each function invoked, in order. */
export function recordingHandlerLoader(invoked: string[]): HandlerLoader {
  const load = moduleHandlerLoader(testRouteTable);
  return async (functionName) => {
    const handler = await load(functionName);
    return (event, context) => {
      invoked.push(functionName);
      return handler(event, context);
    };
  };
}
