import type { ResolvedStage, StratumConfig } from '@stratum/config';
import { Aspects, Stage, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { StageRemovalPolicy } from '../compliance/stage-removal-policy.ts';
import { applyStratumTags } from '../compliance/stratum-tags.ts';
import { MonitoringStack } from '../platform/monitoring-stack.ts';

export interface ApplicationStageProps extends StageProps {
  readonly config: StratumConfig;
  readonly stage: ResolvedStage;
}

/**
 * One deployment of the application stack (ARCHITECTURE §1): `local`, `dev`, `preview-<n>`,
 * `integration`, `staging`, `prod` or `prod-<tenant>`. Every stage is built from the same
 * code; what differs comes from its resolved settings only.
 */
export class ApplicationStage extends Stage {
  readonly monitoring: MonitoringStack;

  constructor(scope: Construct, props: ApplicationStageProps) {
    const { config, stage } = props;
    super(scope, stage.name, {
      ...props,
      env: { account: stage.accountId, region: stage.region },
    });
    const stackName = (part: string) => `${config.project}-${stage.name}-${part}`;

    this.monitoring = new MonitoringStack(this, 'Monitoring', {
      stackName: stackName('monitoring'),
      description: `Stratum ${stage.name}: alarm topic and monitoring backbone`,
      alarmEmails: stage.settings.alarms.emails,
      terminationProtection: stage.settings.deletionProtection,
    });

    applyStratumTags(this, {
      project: config.project,
      stage: stage.name,
      owner: config.owner,
      costCenter: config.costCenter,
    });
    Aspects.of(this).add(new StageRemovalPolicy(stage.settings.removalPolicy));
  }
}
