import { CfnOutput, CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { type WebAppName, webAppDist } from './web-app-assets.ts';
import { acknowledgeBucketDeploymentHandler } from './web-deployment-handler.ts';
import { WebEdgeGuard } from './web-edge-guard.ts';
import { WebSite } from './web-site.ts';

/**
 * Name of the template parameter that holds the Cognito endpoint the app signs in against. Its
 * default is Cognito's regional endpoint; the offline sandbox passes its own AWS endpoint.
 */
export const COGNITO_ENDPOINT_PARAMETER = 'CognitoEndpoint';

export interface WebAppStackProps extends StackProps {
  /** `app` (the public app) or `internal` (the staff app, guarded at the edge). */
  readonly app: WebAppName;
  /** The stage's name, shown by the app (`config.json` `stage`). */
  readonly stageName: string;
  /** The user pool the app signs in to, and the region it lives in. */
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
  readonly userPoolRegion: string;
  /** `https://<id>.execute-api.<region>.amazonaws.com`: `/graphql` is routed there. */
  readonly apiEndpoint: string;
  /** The CLOUDFRONT-scope web ACL of the edge stack. */
  readonly webAclArn: string;
  readonly logRetentionDays: number;
  /** Extra origins for the Content Security Policy (the sandbox's loopback endpoints). @default none */
  readonly extraSources?: readonly string[];
  /** Where `web/<app>/dist` is looked for. @default the repository root */
  readonly repositoryRoot?: string;
}

const LABELS: Record<WebAppName, { comment: string; output: string }> = {
  app: { comment: 'Stratum public web app', output: 'WebAppDomainName' },
  internal: { comment: 'Stratum internal staff app', output: 'InternalAppDomainName' },
};

/**
 * One single-page app (`web/app` or `web/internal`) on S3 and CloudFront, with its runtime
 * configuration generated at deploy time as `/config.json`, so one build serves every stage.
 * Deployed in us-east-1 like the edge stack: the internal app's Lambda@Edge guard must live
 * there, and the distribution shares the edge stack's CLOUDFRONT web ACL.
 */
export class WebAppStack extends Stack {
  readonly site: WebSite;
  readonly guard?: WebEdgeGuard;

  constructor(scope: Construct, id: string, props: WebAppStackProps) {
    super(scope, id, props);
    const assetsDir = webAppDist(props.app, props.repositoryRoot);
    const regionalCognito = `https://cognito-idp.${props.userPoolRegion}.amazonaws.com`;
    const cognitoEndpoint = new CfnParameter(this, COGNITO_ENDPOINT_PARAMETER, {
      type: 'String',
      default: `${regionalCognito}/`,
      allowedPattern: '^https?://[^/]+/$',
      description: 'Cognito endpoint the app signs in against (the offline sandbox passes its own)',
    });
    if (props.app === 'internal') this.guard = new WebEdgeGuard(this, 'EdgeGuard');
    const labels = LABELS[props.app];
    this.site = new WebSite(this, 'Site', {
      comment: labels.comment,
      assetsDir,
      config: {
        region: props.userPoolRegion,
        userPoolId: props.userPool.userPoolId,
        userPoolClientId: props.userPoolClient.userPoolClientId,
        cognitoEndpoint: cognitoEndpoint.valueAsString,
        graphqlUrl: '/graphql',
        stage: props.stageName,
      },
      apiEndpoint: props.apiEndpoint,
      webAclArn: props.webAclArn,
      externalSources: [
        regionalCognito,
        `https://*.s3.${props.userPoolRegion}.amazonaws.com`,
        'https://*.s3.amazonaws.com',
        ...(props.extraSources ?? []),
      ],
      logRetentionDays: props.logRetentionDays,
      ...(this.guard && { viewerRequestGuard: this.guard.version }),
    });
    acknowledgeBucketDeploymentHandler(this, this.site.bucket);
    new CfnOutput(this, labels.output, {
      value: this.site.distribution.distributionDomainName,
      description: `Host name of the ${labels.comment}: https://<this>/`,
    });
  }
}
