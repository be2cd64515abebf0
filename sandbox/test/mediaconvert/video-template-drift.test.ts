import { describe, expect, it } from 'vitest';
import { synthesizedVideoTemplate } from './synthesized-video-template.ts';
import { STRATUM_VIDEO_TEMPLATE } from './video-template-fixture.ts';

describe('the video job template fixture', () => {
  it('is what the VideoJobTemplate construct synthesizes (regenerate the fixture when this fails)', () => {
    expect(synthesizedVideoTemplate()).toEqual(STRATUM_VIDEO_TEMPLATE);
  });
});
