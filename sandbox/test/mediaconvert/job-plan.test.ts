import { describe, expect, it } from 'vitest';
import {
  crfOfQualityLevel,
  ffmpegArguments,
  jpegQscale,
  scaleFilter,
} from '../../src/mediaconvert/ffmpeg-arguments.ts';
import { baseNameOf, planJob } from '../../src/mediaconvert/job-plan.ts';
import { mergeSettings, parseJobSettings } from '../../src/mediaconvert/job-settings.ts';
import { MediaConvertBadRequestError } from '../../src/mediaconvert/mediaconvert-errors.ts';
import { STRATUM_VIDEO_TEMPLATE } from './video-template-fixture.ts';

const { settings: templateSettings } = STRATUM_VIDEO_TEMPLATE;

/** What the media processor sends: the template's groups, each with its own destination. */
function processorJob(input = 's3://media/tenants/t1/media/m1/original') {
  const groups = (
    templateSettings.OutputGroups as { Name: string; OutputGroupSettings: Record<string, unknown> }[]
  ).map((group) => {
    const type = group.OutputGroupSettings.Type as string;
    const field = type === 'HLS_GROUP_SETTINGS' ? 'HlsGroupSettings' : 'FileGroupSettings';
    const folder = group.Name.toLowerCase();
    return {
      ...group,
      OutputGroupSettings: {
        ...group.OutputGroupSettings,
        [field]: {
          ...(group.OutputGroupSettings[field] as object),
          Destination: `s3://media/tenants/t1/media/m1/renditions/${folder}/`,
        },
      },
    };
  });
  return { Inputs: [{ FileInput: input }], OutputGroups: groups };
}

const planOf = (job: unknown) => planJob(parseJobSettings(mergeSettings(templateSettings, job)));

const expectBadRequest = (run: () => unknown, ...fragments: RegExp[]) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MediaConvertBadRequestError);
    for (const fragment of fragments) expect((error as Error).message).toMatch(fragment);
    return;
  }
  throw new Error('expected a BadRequestException');
};

describe('planJob on Stratum’s video template', () => {
  const plan = planOf(processorJob());

  it('reads the input from S3 and names outputs after it, MediaConvert-style', () => {
    expect(plan.input).toEqual({ bucket: 'media', key: 'tenants/t1/media/m1/original' });
    const [mp4, hls, poster] = plan.groups;
    expect(mp4?.type).toBe('FILE_GROUP');
    expect(mp4?.folder).toEqual({ bucket: 'media', key: 'tenants/t1/media/m1/renditions/mp4/' });
    expect(mp4?.outputs).toMatchObject([{ kind: 'mp4', fileName: 'original-720p.mp4' }]);
    expect(hls).toMatchObject({ type: 'HLS_GROUP', masterPlaylist: 'original.m3u8' });
    expect(hls?.outputs).toMatchObject([
      {
        kind: 'hls-variant',
        playlistName: 'original-360p.m3u8',
        segmentPattern: 'original-360p_%05d.ts',
        segmentSeconds: 6,
      },
      { kind: 'hls-variant', playlistName: 'original-720p.m3u8' },
    ]);
    expect(poster?.outputs).toMatchObject([
      { kind: 'frame-capture', filePattern: 'original-poster.%07d.jpg', maxCaptures: 1, quality: 80 },
    ]);
  });

  it('maps the template’s H.264 QVBR and AAC settings to libx264 and aac', () => {
    const mp4 = plan.groups[0]?.outputs[0];
    if (mp4?.kind !== 'mp4') throw new Error('expected an MP4 output');
    const args = ffmpegArguments(mp4, '/work/input', '/work/out');
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-c:v')).toBe('libx264');
    expect(after('-vf')).toBe('scale=-2:720');
    expect(after('-crf')).toBe('23');
    expect(after('-maxrate')).toBe('5000000');
    expect(after('-bufsize')).toBe('10000000');
    expect(after('-c:a')).toBe('aac');
    expect(after('-b:a')).toBe('96000');
    expect(after('-ar')).toBe('48000');
    expect(after('-ac')).toBe('2');
    expect(after('-map')).toBe('0:v:0');
    expect(args).toContain('0:a:0?');
    expect(args.at(-1)).toBe('/work/out/original-720p.mp4');
  });

  it('segments HLS variants at the template’s segment length, key frames on the boundaries', () => {
    const variant = plan.groups[1]?.outputs[0];
    if (variant?.kind !== 'hls-variant') throw new Error('expected an HLS variant');
    const args = ffmpegArguments(variant, '/in', '/out');
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-f')).toBe('hls');
    expect(after('-hls_time')).toBe('6');
    expect(after('-force_key_frames')).toBe('expr:gte(t,n_forced*6)');
    expect(after('-hls_segment_filename')).toBe('/out/original-360p_%05d.ts');
    expect(after('-start_number')).toBe('1');
    expect(args.at(-1)).toBe('/out/original-360p.m3u8');
  });

  it('captures one poster frame as a JPEG', () => {
    const poster = plan.groups[2]?.outputs[0];
    if (poster?.kind !== 'frame-capture') throw new Error('expected a frame capture');
    const args = ffmpegArguments(poster, '/in', '/out');
    expect(args[args.indexOf('-vf') + 1]).toBe('fps=1/1,scale=-2:720');
    expect(args[args.indexOf('-frames:v') + 1]).toBe('1');
    expect(args[args.indexOf('-q:v') + 1]).toBe(String(jpegQscale(80)));
    expect(args.at(-1)).toBe('/out/original-poster.%07d.jpg');
  });
});

describe('settings mapping', () => {
  it('turns QVBR levels and JPEG quality into ffmpeg scales in the right direction', () => {
    expect(crfOfQualityLevel(7)).toBe(23);
    expect(crfOfQualityLevel(10)).toBeLessThan(crfOfQualityLevel(1));
    expect(jpegQscale(100)).toBe(2);
    expect(jpegQscale(1)).toBe(31);
  });

  it('scales like MediaConvert: height alone keeps the aspect ratio, a box letterboxes or stretches', () => {
    expect(scaleFilter({ height: 361, stretch: false })).toBe('scale=-2:360');
    expect(scaleFilter({ width: 640, stretch: false })).toBe('scale=640:-2');
    expect(scaleFilter({ width: 640, height: 360, stretch: true })).toBe('scale=640:360');
    expect(scaleFilter({ width: 640, height: 360, stretch: false })).toMatch(
      /force_original_aspect_ratio=decrease.*pad=640:360/,
    );
    expect(scaleFilter({ stretch: false })).toBe('scale=trunc(iw/2)*2:trunc(ih/2)*2');
  });

  it('uses CBR and VBR bitrates when the output asks for them', () => {
    const output = (rate: Record<string, unknown>) => ({
      Inputs: [{ FileInput: 's3://bkt/in.mov' }],
      OutputGroups: [
        {
          OutputGroupSettings: {
            Type: 'FILE_GROUP_SETTINGS',
            FileGroupSettings: { Destination: 's3://bkt/out/clip' },
          },
          Outputs: [{ VideoDescription: { CodecSettings: { Codec: 'H_264', H264Settings: rate } } }],
        },
      ],
    });
    const cbr = planJob(parseJobSettings(output({ RateControlMode: 'CBR', Bitrate: 2_000_000 }))).groups[0]
      ?.outputs[0];
    if (cbr?.kind !== 'mp4') throw new Error('expected an MP4 output');
    expect(cbr.fileName).toBe('clip.mp4');
    const args = ffmpegArguments(cbr, 'in', 'out');
    expect(args.slice(args.indexOf('-b:v'), args.indexOf('-b:v') + 8)).toEqual([
      '-b:v',
      '2000000',
      '-minrate',
      '2000000',
      '-maxrate',
      '2000000',
      '-bufsize',
      '4000000',
    ]);
    expect(args).toContain('-an');
    expectBadRequest(
      () => planJob(parseJobSettings(output({ RateControlMode: 'VBR' }))),
      /h264Settings\/bitrate: required with VBR/,
    );
  });

  it('merges job settings over the template’s, lists index by index', () => {
    expect(
      mergeSettings(
        { Inputs: [{ AudioSelectors: { a: 1 } }], OutputGroups: [{ Name: 'MP4', X: 1 }, { Name: 'HLS' }] },
        { Inputs: [{ FileInput: 's3://bkt/k' }], OutputGroups: [{ X: 2 }] },
      ),
    ).toEqual({
      Inputs: [{ AudioSelectors: { a: 1 }, FileInput: 's3://bkt/k' }],
      OutputGroups: [{ Name: 'MP4', X: 2 }],
    });
  });

  it('names the input’s file without its extension', () => {
    expect(baseNameOf('a/b/clip.final.mov')).toBe('clip.final');
    expect(baseNameOf('a/original')).toBe('original');
  });
});

describe('what the emulation refuses, all problems at once', () => {
  it('refuses inputs that are not S3 objects and groups it does not emulate', () => {
    const job = processorJob('https://example.com/video.mp4');
    const groups = job.OutputGroups as Record<string, unknown>[];
    groups.push({ OutputGroupSettings: { Type: 'DASH_ISO_GROUP_SETTINGS' }, Outputs: [{}] });
    expectBadRequest(
      () => planOf(job),
      /inputs\/0\/fileInput: expected s3:\/\/bucket\/key/,
      /outputGroups\/3\/outputGroupSettings\/type: .* not DASH_ISO_GROUP_SETTINGS/,
    );
  });

  it('refuses other codecs, a missing destination and clashing name modifiers', () => {
    const settings: { Inputs: unknown[]; OutputGroups: unknown[] } = {
      Inputs: [{ FileInput: 's3://bkt/in.mp4' }],
      OutputGroups: [
        {
          OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS', FileGroupSettings: {} },
          Outputs: [
            { NameModifier: '-a', VideoDescription: { CodecSettings: { Codec: 'H_265' } } },
            { NameModifier: '-a', VideoDescription: { CodecSettings: { Codec: 'H_264' } } },
          ],
        },
        {
          OutputGroupSettings: {
            Type: 'FILE_GROUP_SETTINGS',
            FileGroupSettings: { Destination: 's3://bkt/o/' },
          },
          Outputs: [{ VideoDescription: { CodecSettings: { Codec: 'VP9' } } }],
        },
      ],
    };
    expectBadRequest(
      () => planJob(parseJobSettings(settings)),
      /outputGroups\/0\/outputGroupSettings: a Destination/,
      /outputGroups\/1\/outputs\/0\/videoDescription\/codecSettings\/codec: the sandbox encodes H_264, not VP9/,
    );
    settings.OutputGroups[0] = {
      OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS', FileGroupSettings: { Destination: 's3://bkt/o/' } },
      Outputs: [
        { NameModifier: '-a', VideoDescription: { CodecSettings: { Codec: 'H_264' } } },
        { NameModifier: '-a', VideoDescription: { CodecSettings: { Codec: 'H_264' } } },
      ],
    };
    expectBadRequest(() => planJob(parseJobSettings(settings)), /its own nameModifier/);
  });

  it('reports schema problems with their wire paths', () => {
    expectBadRequest(
      () => parseJobSettings({ Inputs: [], OutputGroups: [{ Outputs: [] }] }),
      /\/settings\/inputs/,
    );
  });
});
