import { CfnStage, CorsHttpMethod, HttpApi, HttpMethod, HttpRoute, HttpRouteKey } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { defaultRoute, routes, type FunctionName } from '../../shared/routes.js';
import type { Throttle } from './stack-settings.js';

export interface ApiProps {
  corsOrigins: string[];
  throttle: Throttle;
  /** For `POST /token`, where each call costs a password hash. */
  tokenThrottle: Throttle;
}

const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

const throttling = (throttle: Throttle) => ({
  throttlingRateLimit: throttle.rateLimit,
  throttlingBurstLimit: throttle.burstLimit,
});

/** The HTTP API (payload format 2.0): one route per row of the route table, `$default` for the rest. */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  private readonly props: ApiProps;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.props = props;
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Users and organizations API',
      corsPreflight: props.corsOrigins.length > 0 ? {
        allowOrigins: props.corsOrigins,
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'accept-language'],
        exposeHeaders: ['location', 'retry-after', 'x-request-id'],
      } : undefined,
    });
  }

  /** Routes every row of the route table, and unmatched requests, to the function of its name. */
  addRoutes(functionOf: Record<FunctionName, IFunction>): void {
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (name: FunctionName) => {
      const integration = integrations.get(name) ?? new HttpLambdaIntegration(`${name}-integration`, functionOf[name]);
      integrations.set(name, integration);
      return integration;
    };
    const stage = this.httpApi.defaultStage!.node.defaultChild as CfnStage;
    stage.defaultRouteSettings = throttling(this.props.throttle);
    const routeSettings: Record<string, object> = {};
    for (const route of routes) {
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationFor(route.function),
      });
      if (route.function === 'token-obtain') {
        routeSettings[routeKey(route)] = throttling(this.props.tokenThrottle);
        // Route settings name a route key, which must exist before the stage refers to it.
        stage.node.addDependency(httpRoute!);
      }
    }
    stage.routeSettings = routeSettings;
    new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: integrationFor(defaultRoute.function),
    });
  }
}
