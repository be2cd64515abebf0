import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/**
 * Registers the gates every synthesized stage passes (ARCHITECTURE §4): the cdk-nag
 * AwsSolutions and Serverless packs. A finding that is not acknowledged with a reason
 * fails synthesis.
 *
 * The third gate, the CloudFormation validator bundled with aws-cdk-lib, is registered by
 * CDK itself for every stage; the `@aws-cdk/core:validateAgainstDefaultRules` flag (see
 * `STRATUM_CONTEXT`) turns its findings from warnings into synthesis errors.
 *
 * The packs are registered once, on the App: cdk-nag walks the whole construct tree from
 * the app, and validation plugins on the root see the stacks of every nested stage.
 */
export function addSynthGates(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
}
