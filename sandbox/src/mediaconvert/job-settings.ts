import * as z from 'zod';
import { MediaConvertBadRequestError } from './mediaconvert-errors.ts';

/**
 * The part of MediaConvert's job settings the emulation runs, in member-name case (as in
 * CloudFormation's `SettingsJson`). Fields it does not read are kept (loose objects) and ignored;
 * values it cannot honour (another codec, a DASH group) are refused by `planJob` with a clear reason.
 */
const h264Settings = z.looseObject({
  RateControlMode: z.enum(['QVBR', 'CBR', 'VBR']).optional(),
  QvbrSettings: z.looseObject({ QvbrQualityLevel: z.number().int().min(1).max(10).optional() }).optional(),
  Bitrate: z.number().int().min(1000).optional(),
  MaxBitrate: z.number().int().min(1000).optional(),
  CodecProfile: z.enum(['BASELINE', 'MAIN', 'HIGH', 'HIGH_10BIT', 'HIGH_422', 'HIGH_422_10BIT']).optional(),
  FramerateControl: z.enum(['INITIALIZE_FROM_SOURCE', 'SPECIFIED']).optional(),
  FramerateNumerator: z.number().int().min(1).optional(),
  FramerateDenominator: z.number().int().min(1).optional(),
});

const frameCaptureSettings = z.looseObject({
  FramerateNumerator: z.number().int().min(1).optional(),
  FramerateDenominator: z.number().int().min(1).optional(),
  MaxCaptures: z.number().int().min(1).max(10_000_000).optional(),
  Quality: z.number().int().min(1).max(100).optional(),
});

const videoDescription = z.looseObject({
  Width: z.number().int().min(32).max(8192).optional(),
  Height: z.number().int().min(32).max(8192).optional(),
  ScalingBehavior: z.enum(['DEFAULT', 'STRETCH_TO_OUTPUT', 'FIT', 'FIT_NO_UPSCALE', 'FILL']).optional(),
  CodecSettings: z.looseObject({
    Codec: z.string(),
    H264Settings: h264Settings.optional(),
    FrameCaptureSettings: frameCaptureSettings.optional(),
  }),
});

const audioDescription = z.looseObject({
  CodecSettings: z.looseObject({
    Codec: z.string(),
    AacSettings: z
      .looseObject({
        Bitrate: z.number().int().min(6000).max(1_024_000).optional(),
        CodingMode: z
          .enum([
            'AD_RECEIVER_MIX',
            'CODING_MODE_1_0',
            'CODING_MODE_1_1',
            'CODING_MODE_2_0',
            'CODING_MODE_5_1',
          ])
          .optional(),
        SampleRate: z.number().int().min(8000).max(96_000).optional(),
      })
      .optional(),
  }),
});

const output = z.looseObject({
  NameModifier: z.string().min(1).max(256).optional(),
  Extension: z.string().min(1).optional(),
  ContainerSettings: z.looseObject({ Container: z.string() }).optional(),
  VideoDescription: videoDescription.optional(),
  AudioDescriptions: z.array(audioDescription).optional(),
});

const destinationSettings = z.looseObject({ Destination: z.string().optional() });

const outputGroup = z.looseObject({
  Name: z.string().optional(),
  OutputGroupSettings: z.looseObject({
    Type: z.string(),
    FileGroupSettings: destinationSettings.optional(),
    HlsGroupSettings: z
      .looseObject({
        Destination: z.string().optional(),
        SegmentLength: z.number().int().min(1).optional(),
        MinSegmentLength: z.number().int().min(0).optional(),
      })
      .optional(),
  }),
  Outputs: z.array(output).min(1),
});

const input = z.looseObject({ FileInput: z.string().min(1) });

export const jobSettingsSchema = z.looseObject({
  Inputs: z.array(input).min(1),
  OutputGroups: z.array(outputGroup).min(1),
});

export type JobSettings = z.output<typeof jobSettingsSchema>;
export type OutputGroupSettings = JobSettings['OutputGroups'][number];
export type OutputSettings = OutputGroupSettings['Outputs'][number];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The job's settings over its template's, as MediaConvert applies them: what the job gives wins,
 * objects merge field by field and lists index by index (the job's second output group refines the
 * template's second), so a job may repeat the template's groups with only `Destination` changed.
 */
export function mergeSettings(template: unknown, job: unknown): unknown {
  if (job === undefined) return template;
  if (Array.isArray(template) && Array.isArray(job)) {
    return job.map((item, index) => mergeSettings(template[index], item));
  }
  if (isObject(template) && isObject(job)) {
    const merged: Json = { ...template };
    for (const [key, value] of Object.entries(job)) merged[key] = mergeSettings(template[key], value);
    return merged;
  }
  return job;
}

/** A path segment as the API's caller wrote it (`OutputGroups` → `outputGroups`). */
const wireName = (segment: PropertyKey) =>
  typeof segment === 'string' ? segment.charAt(0).toLowerCase() + segment.slice(1) : String(segment);

/** Validates merged settings, naming every problem with its path, as one `BadRequestException`. */
export function parseJobSettings(settings: unknown): JobSettings {
  const parsed = jobSettingsSchema.safeParse(settings);
  if (parsed.success) return parsed.data;
  throw new MediaConvertBadRequestError(
    parsed.error.issues.map((issue) => `/settings/${issue.path.map(wireName).join('/')}: ${issue.message}`),
  );
}
