import { Stack } from 'aws-cdk-lib';
import * as mediaconvert from 'aws-cdk-lib/aws-mediaconvert';
import { Construct } from 'constructs';

/** H.264 at a quality level (QVBR), capped bitrate; the height fixed, the width following the aspect ratio. */
const h264 = (height: number, maxBitrate: number) => ({
  Height: height,
  ScalingBehavior: 'DEFAULT',
  CodecSettings: {
    Codec: 'H_264',
    H264Settings: { RateControlMode: 'QVBR', QvbrSettings: { QvbrQualityLevel: 7 }, MaxBitrate: maxBitrate },
  },
});

const aac = {
  AudioDescriptions: [
    {
      CodecSettings: {
        Codec: 'AAC',
        AacSettings: { Bitrate: 96_000, CodingMode: 'CODING_MODE_2_0', SampleRate: 48_000 },
      },
    },
  ],
};

/** Placeholder destination: the media processor replaces it per job with the item's `renditions/<group>/`. */
const DESTINATION = 's3://replaced-per-job/';

/**
 * The MediaConvert job template the media processor reads (`MEDIACONVERT_JOB_TEMPLATE`): three
 * named output groups whose names become folders under `renditions/`: `MP4` (720p H.264/AAC),
 * `HLS` (360p and 720p ladder, 6 s segments) and `Poster` (one JPEG frame). The sandbox runs
 * the same template with ffmpeg (sandbox/src/mediaconvert).
 */
export class VideoJobTemplate extends Construct {
  readonly template: mediaconvert.CfnJobTemplate;
  readonly name: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.name = `${Stack.of(this).stackName}-video`;
    this.template = new mediaconvert.CfnJobTemplate(this, 'Template', {
      name: this.name,
      description: 'Stratum media: MP4, HLS and a poster frame of an uploaded video',
      settingsJson: {
        Inputs: [{ AudioSelectors: { 'Audio Selector 1': { DefaultSelection: 'DEFAULT' } } }],
        OutputGroups: [
          {
            Name: 'MP4',
            OutputGroupSettings: {
              Type: 'FILE_GROUP_SETTINGS',
              FileGroupSettings: { Destination: DESTINATION },
            },
            Outputs: [
              {
                NameModifier: '-720p',
                ContainerSettings: { Container: 'MP4' },
                VideoDescription: h264(720, 5_000_000),
                ...aac,
              },
            ],
          },
          {
            Name: 'HLS',
            OutputGroupSettings: {
              Type: 'HLS_GROUP_SETTINGS',
              HlsGroupSettings: { Destination: DESTINATION, SegmentLength: 6, MinSegmentLength: 0 },
            },
            Outputs: [360, 720].map((height) => ({
              NameModifier: `-${height}p`,
              ContainerSettings: { Container: 'M3U8' },
              VideoDescription: h264(height, height === 720 ? 5_000_000 : 1_200_000),
              ...aac,
            })),
          },
          {
            Name: 'Poster',
            OutputGroupSettings: {
              Type: 'FILE_GROUP_SETTINGS',
              FileGroupSettings: { Destination: DESTINATION },
            },
            Outputs: [
              {
                NameModifier: '-poster',
                ContainerSettings: { Container: 'RAW' },
                VideoDescription: {
                  Height: 720,
                  CodecSettings: {
                    Codec: 'FRAME_CAPTURE',
                    FrameCaptureSettings: {
                      FramerateNumerator: 1,
                      FramerateDenominator: 1,
                      MaxCaptures: 1,
                      Quality: 80,
                    },
                  },
                },
              },
            ],
          },
        ],
      },
    });
  }
}
