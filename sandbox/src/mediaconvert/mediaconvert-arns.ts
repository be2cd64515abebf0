/** Where MediaConvert resources live, for their ARNs. */
export interface MediaConvertLocation {
  readonly account: string;
  readonly region: string;
}

const base = ({ account, region }: MediaConvertLocation) => `arn:aws:mediaconvert:${region}:${account}`;

/** `arn:aws:mediaconvert:<region>:<account>:jobTemplates/<name>`, as CloudFormation's `Arn` attribute. */
export const jobTemplateArn = (location: MediaConvertLocation, name: string) =>
  `${base(location)}:jobTemplates/${name}`;

export const jobArn = (location: MediaConvertLocation, id: string) => `${base(location)}:jobs/${id}`;

export const queueArn = (location: MediaConvertLocation, name: string) => `${base(location)}:queues/${name}`;
