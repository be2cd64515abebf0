import { Template } from 'aws-cdk-lib/assertions';
import config from '../../../stratum.config.ts';
import type { ApplicationStage } from '../../src/stages/application-stage.ts';
import { createStratumApp } from '../../src/stratum-app.ts';
import { temporaryOutdir } from './temporary-outdir.ts';

/** The stacks of one stage as templates, synthesized once per test file. */
export interface StageTemplates {
  readonly stage: ApplicationStage;
  readonly data: Template;
  readonly auth: Template;
  readonly api: Template;
  readonly edge: Template;
  readonly media: Template;
  readonly events: Template;
  readonly notifications: Template;
}

/**
 * Builds the real app for the given stages with bundling switched off
 * (`aws:cdk:bundling-stacks: []`): these tests check the templates, not the handlers, and
 * esbuild would cost seconds per function. The whole-app test bundles for real.
 */
export function synthesizeStages(names: readonly string[]): Map<string, StageTemplates> {
  const { stages } = createStratumApp({
    config,
    onlyStages: names,
    appProps: {
      outdir: temporaryOutdir('stratum-app-tests'),
      context: { 'aws:cdk:bundling-stacks': [] },
    },
  });
  return new Map(
    stages.map((stage) => [
      stage.stageName,
      {
        stage,
        data: Template.fromStack(stage.data),
        auth: Template.fromStack(stage.auth),
        api: Template.fromStack(stage.api),
        edge: Template.fromStack(stage.edge),
        media: Template.fromStack(stage.media),
        events: Template.fromStack(stage.events),
        notifications: Template.fromStack(stage.notifications),
      },
    ]),
  );
}

export function stageOf(templates: Map<string, StageTemplates>, name: string): StageTemplates {
  const found = templates.get(name);
  if (!found) throw new Error(`stage ${name} was not synthesized`);
  return found;
}

/** The properties of the one resource of `type` matching `props`; throws unless exactly one does. */
export function onlyResourceProperties<T>(
  template: Template,
  type: string,
  props?: Record<string, unknown>,
): T {
  const found = Object.values(template.findResources(type, props));
  const [resource] = found;
  if (found.length !== 1 || !resource) {
    throw new Error(`expected exactly one ${type} matching, found ${found.length}`);
  }
  return resource.Properties as T;
}
