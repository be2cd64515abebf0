import { resolveStages, type StratumConfig } from '@stratum/config';
import { App, type AppProps } from 'aws-cdk-lib';
import { addSynthGates } from './compliance/synth-gates.ts';
import { ApplicationStage } from './stages/application-stage.ts';

/** Feature flags of the app: the blocking CloudFormation validator and secure defaults. */
export const STRATUM_CONTEXT: Record<string, unknown> = {
  '@aws-cdk/core:validateAgainstDefaultRules': true,
  '@aws-cdk/aws-s3:publicAccessBlockedByDefault': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/aws-lambda:useCdkManagedLogGroup': true,
  '@aws-cdk/core:explicitStackTags': false,
};

export interface StratumAppProps {
  readonly config: StratumConfig;
  /** Pull-request numbers to build `preview-<n>` stages for. */
  readonly previewNumbers?: readonly number[];
  /** Build only these stages; every stage when omitted. */
  readonly onlyStages?: readonly string[];
  /** Passed to the CDK `App` (outdir, extra context). */
  readonly appProps?: AppProps;
}

/**
 * Builds the CDK app: one {@link ApplicationStage} per stage of the configuration.
 *
 * @example
 * ```ts
 * const app = createStratumApp({ config, onlyStages: ['local'] });
 * app.synth();
 * ```
 */
export function createStratumApp(props: StratumAppProps): { app: App; stages: ApplicationStage[] } {
  const app = new App({
    ...props.appProps,
    context: { ...STRATUM_CONTEXT, ...props.appProps?.context },
  });
  const resolved = resolveStages(props.config, { previewNumbers: props.previewNumbers ?? [] });
  const wanted = props.onlyStages?.length ? new Set(props.onlyStages) : undefined;
  if (wanted) {
    const unknown = [...wanted].filter((name) => !resolved.some((stage) => stage.name === name));
    if (unknown.length > 0) {
      const known = resolved.map((stage) => stage.name).join(', ');
      throw new Error(`unknown stage ${unknown.join(', ')}; the configuration has: ${known}`);
    }
  }
  const stages = resolved
    .filter((stage) => !wanted || wanted.has(stage.name))
    .map((stage) => new ApplicationStage(app, { config: props.config, stage }));
  addSynthGates(app);
  return { app, stages };
}
