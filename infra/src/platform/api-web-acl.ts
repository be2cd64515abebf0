import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface ApiWebAclProps {
  /** Requests from one IP address per 5 minutes before the rate rule blocks it (100 or more). */
  readonly rateLimitPer5Min: number;
  /** Prefix of the CloudWatch metric names of the ACL and its rules. */
  readonly metricPrefix: string;
}

/**
 * The web ACL in front of the API's CloudFront distribution. Scope CLOUDFRONT, so the stack
 * holding it must be deployed in us-east-1. Rules, in order: AWS managed Common rule set
 * (OWASP top-10 style), Known bad inputs (Log4Shell, host-header tricks, ...), and a
 * per-IP rate limit. Every rule emits CloudWatch metrics and keeps sampled requests.
 */
export class ApiWebAcl extends Construct {
  readonly acl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiWebAclProps) {
    super(scope, id);
    if (!Number.isInteger(props.rateLimitPer5Min) || props.rateLimitPer5Min < 100) {
      throw new Error(
        `wafRateLimitPer5Min must be an integer of at least 100, got ${props.rateLimitPer5Min}`,
      );
    }
    const visibility = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${props.metricPrefix}-${name}`,
    });
    const managed = (name: string, priority: number): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      overrideAction: { none: {} },
      visibilityConfig: visibility(name),
    });
    this.acl = new wafv2.CfnWebACL(this, 'Acl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Protects the GraphQL API distribution',
      visibilityConfig: visibility('api'),
      rules: [
        managed('AWSManagedRulesCommonRuleSet', 0),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 1),
        {
          name: 'RateLimitPerIp',
          priority: 2,
          statement: {
            rateBasedStatement: {
              limit: props.rateLimitPer5Min,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
            },
          },
          action: { block: {} },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
      ],
    });
  }
}
