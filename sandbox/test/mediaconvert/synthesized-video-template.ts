import { App, Stack } from 'aws-cdk-lib';
import { VideoJobTemplate } from '../../../infra/src/app/video-job-template.ts';

/**
 * The `SettingsJson` and name of Stratum's own video job template, synthesized from the construct
 * the media stack uses (in a stack named `media`). Loading the CDK takes seconds, so only the drift
 * test calls this; the other tests read `fixtures/stratum-video-template.json`.
 */
export function synthesizedVideoTemplate(): { name: string; settings: Record<string, unknown> } {
  const app = new App();
  const stack = new Stack(app, 'media', { env: { account: '123456789012', region: 'eu-west-1' } });
  const construct = new VideoJobTemplate(stack, 'Video');
  const template = app.synth().getStackByName('media').template as {
    Resources: Record<
      string,
      { Type: string; Properties: { Name: string; SettingsJson: Record<string, unknown> } }
    >;
  };
  const resource = Object.values(template.Resources).find((r) => r.Type === 'AWS::MediaConvert::JobTemplate');
  if (!resource) throw new Error('the VideoJobTemplate construct synthesized no job template');
  return { name: construct.name, settings: resource.Properties.SettingsJson };
}
