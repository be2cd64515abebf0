import { createHash } from 'node:crypto';
import {
  CreateJobCommand,
  GetJobTemplateCommand,
  type Input,
  type MediaConvertClient,
  type OutputGroup,
} from '@aws-sdk/client-mediaconvert';
import { MEDIA_OBJECT_KEYS, type Media } from '@stratum/data';
import { MediaRejectedError } from './errors.ts';

/** Starts the transcoding of a video original; returns the job id. */
export interface Transcoder {
  start(media: Media, eTag: string): Promise<string>;
}

export interface MediaConvertTranscoderOptions {
  readonly client: MediaConvertClient;
  readonly bucket: string;
  /** The job template of the stack (MP4 + HLS + poster frame). */
  readonly jobTemplate: string;
  /** The role MediaConvert assumes to read the original and write the renditions. */
  readonly roleArn: string;
}

/** The settings' fields that hold where each kind of output group writes. */
const DESTINATION_FIELD = {
  FILE_GROUP_SETTINGS: 'FileGroupSettings',
  HLS_GROUP_SETTINGS: 'HlsGroupSettings',
  DASH_ISO_GROUP_SETTINGS: 'DashIsoGroupSettings',
  CMAF_GROUP_SETTINGS: 'CmafGroupSettings',
  MS_SMOOTH_GROUP_SETTINGS: 'MsSmoothGroupSettings',
} as const;

const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Each output group of the template, writing into its own folder under the item's
 * `renditions/` prefix (`renditions/<group name>/`), so that groups never overwrite each other's
 * files and every output stays under the tenant's prefix.
 */
export function withDestinations(groups: readonly OutputGroup[], renditionsUri: string): OutputGroup[] {
  return groups.map((group, index) => {
    const settings = group.OutputGroupSettings;
    const type = settings?.Type;
    const field = type ? DESTINATION_FIELD[type as keyof typeof DESTINATION_FIELD] : undefined;
    if (!settings || !field) {
      throw new Error(`Output group ${index} of the job template has no supported type (${type ?? 'none'}).`);
    }
    const folder = slug(group.Name ?? '') || `group-${index + 1}`;
    return {
      ...group,
      OutputGroupSettings: {
        ...settings,
        [field]: { ...settings[field], Destination: `${renditionsUri}${folder}/` },
      },
    };
  });
}

/**
 * MediaConvert jobs from the stack's job template. A template fixes its output destinations, but
 * ours differ per media item (under the tenant's prefix), so the job repeats the template's
 * output groups with the destinations set — the pattern of AWS's Video on Demand solution. The
 * template is read once per execution environment.
 *
 * Idempotent: the client request token is derived from the media id and the original's ETag, so
 * a redelivered event for the same original gets the same job instead of a second one.
 */
export function createMediaConvertTranscoder(options: MediaConvertTranscoderOptions): Transcoder {
  const { client, bucket, jobTemplate, roleArn } = options;
  let template: Promise<{ groups: OutputGroup[]; input: Input }> | undefined;

  function loadTemplate() {
    template ??= client.send(new GetJobTemplateCommand({ Name: jobTemplate })).then((response) => {
      const settings = response.JobTemplate?.Settings;
      if (!settings?.OutputGroups?.length) {
        throw new Error(`Job template ${jobTemplate} has no output groups.`);
      }
      return { groups: settings.OutputGroups, input: (settings.Inputs?.[0] ?? {}) as Input };
    });
    // A failed read is retried by the next invocation rather than cached.
    template.catch(() => {
      template = undefined;
    });
    return template;
  }

  return {
    async start(media, eTag) {
      const { groups, input } = await loadTemplate();
      const renditionsUri = `s3://${bucket}/${MEDIA_OBJECT_KEYS.renditionsPrefix(media.tenantId, media.mediaId)}`;
      const token = createHash('sha256').update(`${media.tenantId}/${media.mediaId}/${eTag}`).digest('hex');
      try {
        const response = await client.send(
          new CreateJobCommand({
            JobTemplate: jobTemplate,
            Role: roleArn,
            ClientRequestToken: token,
            UserMetadata: { tenantId: media.tenantId, mediaId: media.mediaId, eTag },
            Settings: {
              Inputs: [{ ...input, FileInput: `s3://${bucket}/${media.originalKey}` }],
              OutputGroups: withDestinations(groups, renditionsUri),
            },
          }),
        );
        const jobId = response.Job?.Id;
        if (!jobId) throw new Error('MediaConvert returned no job id.');
        return jobId;
      } catch (error) {
        // A request MediaConvert refuses will be refused again: fail the item, do not retry.
        if (error instanceof Error && error.name === 'BadRequestException') {
          throw new MediaRejectedError(`the video could not be submitted for transcoding: ${error.message}`, {
            cause: error,
          });
        }
        throw error;
      }
    },
  };
}
