import { readFileSync } from 'node:fs';

/**
 * Stratum's video job template (`infra/src/app/video-job-template.ts`) as it synthesizes for a
 * stack named `media`. Kept as JSON so tests need not load the CDK; `video-template-drift.test.ts`
 * fails when the construct changes and this copy does not.
 */
export const STRATUM_VIDEO_TEMPLATE = JSON.parse(
  readFileSync(new URL('./fixtures/stratum-video-template.json', import.meta.url), 'utf8'),
) as { readonly name: string; readonly settings: Record<string, unknown> };
