import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { defaultRoute, functions, routes } from '../../shared/routes.js';
import { buildApiEvent } from './api-event.js';
import { buildLambdaContext } from './lambda-context.js';
import { toHttpReply, type HttpReply } from './lambda-result.js';
import { readBody } from './request-body.js';
import { createRouter, stripTrailingSlash, type RouteTable } from './route-matcher.js';

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;
export type HandlerLoader = (functionName: string) => Promise<LambdaHandler>;

export interface GatewayOptions {
  port: number;
  host?: string;
  routeTable?: RouteTable;
  /** Defaults to importing each function's `entry` from the project root. */
  loadHandler?: HandlerLoader;
  /** One JSON line per request on stdout; on unless turned off. */
  accessLog?: boolean;
  logger?: Logger;
}

export interface Gateway {
  /** `http://<host>:<port>` */
  url: string;
  stop(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`Port ${port} on ${host} is already in use: stop what runs there or set PORT to a free port.`);
    this.name = 'PortInUseError';
  }
}

const PROJECT_ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const realRouteTable: RouteTable = { routes, defaultRoute, functions };

/** Imports each function's entry once, on its first request, as a Lambda container would. */
export function moduleHandlerLoader(table: RouteTable, root = PROJECT_ROOT): HandlerLoader {
  const loaded = new Map<string, Promise<LambdaHandler>>();
  const load = async (functionName: string): Promise<LambdaHandler> => {
    const spec = table.functions[functionName];
    if (!spec) throw new Error(`No function named ${functionName} in the route table`);
    const module = (await import(pathToFileURL(path.join(root, spec.entry)).href)) as { handler?: unknown };
    if (typeof module.handler !== 'function') throw new Error(`${spec.entry} does not export a handler function`);
    return module.handler as LambdaHandler;
  };
  return (functionName) => {
    let handler = loaded.get(functionName);
    if (!handler) {
      handler = load(functionName);
      handler.catch(() => loaded.delete(functionName));
      loaded.set(functionName, handler);
    }
    return handler;
  };
}

/** Shaped like API Gateway's request ids (`JKJaXmPLvHcESHA=`). */
const newRequestId = () => randomBytes(11).toString('base64');

function gatewayReply(statusCode: number, detail: string): HttpReply {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ detail })),
  };
}

function send(response: ServerResponse, reply: HttpReply, requestId: string, gatewayMade: boolean): void {
  response.statusCode = reply.statusCode;
  for (const [name, value] of Object.entries(reply.headers)) response.setHeader(name, value);
  response.setHeader('apigw-requestid', requestId);
  if (gatewayMade) response.setHeader('x-request-id', requestId);
  response.end(reply.body);
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error);
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * A local stand-in for API Gateway HTTP API: routes each request by the route table, invokes
 * the function's handler in-process with a payload 2.0 event and returns its result.
 */
export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const host = opts.host ?? '127.0.0.1';
  const routeTable = opts.routeTable ?? realRouteTable;
  const loadHandler = opts.loadHandler ?? moduleHandlerLoader(routeTable);
  const logger = opts.logger ?? new Logger({ serviceName: 'local-gateway' });
  const route = createRouter(routeTable);
  let serverAddress = host;

  const invoke = async (request: IncomingMessage, body: Buffer, requestId: string): Promise<HttpReply> => {
    const url = request.url ?? '/';
    const method = request.method ?? 'GET';
    const routedPath = stripTrailingSlash(url.split('?')[0]);
    const match = route(method, routedPath);
    const event = buildApiEvent({
      method,
      url,
      rawHeaders: request.rawHeaders,
      body,
      sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      protocol: `HTTP/${request.httpVersion}`,
      serverAddress,
    }, match, routedPath, requestId, new Date());
    const context = buildLambdaContext(match.functionName, routeTable.functions[match.functionName]?.memoryMb);
    const handler = await loadHandler(match.functionName);
    return toHttpReply(await handler(event, context));
  };

  const server = createServer((request, response) => {
    const started = performance.now();
    const requestId = newRequestId();
    response.once('finish', () => {
      if (opts.accessLog === false) return;
      logger.info('request', {
        method: request.method,
        path: request.url,
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
        requestId,
      });
    });

    void (async () => {
      let body: Buffer | undefined;
      try {
        body = await readBody(request);
      } catch {
        // The client went away while sending; there is nobody left to answer.
        response.destroy();
        return;
      }
      if (!body) {
        response.setHeader('connection', 'close');
        send(response, gatewayReply(413, 'Request body too large.'), requestId, true);
        return;
      }
      try {
        send(response, await invoke(request, body, requestId), requestId, false);
      } catch (error) {
        logger.error('The function failed', { requestId, path: request.url, error });
        send(response, gatewayReply(500, 'A server error occurred.'), requestId, true);
      }
    })();
  });

  const port = await listen(server, opts.port, host);
  serverAddress = `${host}:${port}`;
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
