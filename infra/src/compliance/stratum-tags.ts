import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The tags every resource carries: who owns it, who pays, which stage it belongs to. */
export interface StratumTagsProps {
  readonly project: string;
  readonly stage: string;
  readonly owner: string;
  readonly costCenter: string;
}

/**
 * Tags every taggable resource under `scope`. CDK's tag aspect reaches resources that
 * constructs create internally (custom-resource roles, log groups), which per-resource
 * tagging would miss.
 */
export function applyStratumTags(scope: IConstruct, props: StratumTagsProps): void {
  const tags = Tags.of(scope);
  tags.add('project', props.project);
  tags.add('stage', props.stage);
  tags.add('owner', props.owner);
  tags.add('cost-center', props.costCenter);
}
