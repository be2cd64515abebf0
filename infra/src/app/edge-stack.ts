import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ApiWebAcl } from '../platform/api-web-acl.ts';
import { ApiDistribution } from './api-distribution.ts';

export interface EdgeStackProps extends StackProps {
  /** The HTTP API's endpoint (`https://<id>.execute-api.<region>.amazonaws.com`). */
  readonly apiEndpoint: string;
  readonly wafRateLimitPer5Min: number;
  readonly logRetentionDays: number;
  /** Prefix of the web ACL's metric names, e.g. `stratum-dev`. */
  readonly metricPrefix: string;
}

/**
 * The API's edge: a CloudFront distribution with a WAF web ACL. A CLOUDFRONT-scope web ACL
 * exists only in us-east-1, so this stack is deployed there, whatever the stage's region;
 * the API endpoint reaches it as a cross-region reference (CDK copies it through an SSM
 * parameter in us-east-1; `crossRegionReferences` must be set on both stacks).
 */
export class EdgeStack extends Stack {
  readonly webAcl: ApiWebAcl;
  readonly api: ApiDistribution;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    if (this.region !== 'us-east-1') {
      throw new Error(
        `the edge stack holds a CLOUDFRONT web ACL and must be in us-east-1, not ${this.region}`,
      );
    }
    this.webAcl = new ApiWebAcl(this, 'ApiWebAcl', {
      rateLimitPer5Min: props.wafRateLimitPer5Min,
      metricPrefix: props.metricPrefix,
    });
    this.api = new ApiDistribution(this, 'Api', {
      apiEndpoint: props.apiEndpoint,
      webAclArn: this.webAcl.acl.attrArn,
      logRetentionDays: props.logRetentionDays,
    });
    new CfnOutput(this, 'ApiDistributionDomain', {
      value: this.api.distribution.distributionDomainName,
      description: 'Public host name of the API: https://<this>/graphql',
    });
  }
}
