const VALID_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** S3's bucket naming rules; the problem, or `undefined` when the name is valid. */
export function bucketNameProblem(name: string): string | undefined {
  if (!VALID_NAME.test(name)) {
    return `BucketName "${name}" must be 3-63 characters of a-z, 0-9, "." and "-", starting and ending with a letter or digit`;
  }
  if (name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name))
    return `BucketName "${name}" is not a valid bucket name`;
  return undefined;
}

/** The attributes `Fn::GetAtt` reads from an `AWS::S3::Bucket`, as AWS answers them. */
export function bucketAttributes(name: string, region: string): Record<string, string> {
  const websiteSeparator = [
    'us-east-1',
    'us-west-1',
    'us-west-2',
    'eu-west-1',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-northeast-1',
    'sa-east-1',
    'us-gov-west-1',
  ].includes(region)
    ? '-'
    : '.';
  return {
    Arn: `arn:aws:s3:::${name}`,
    DomainName: `${name}.s3.amazonaws.com`,
    RegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
    DualStackDomainName: `${name}.s3.dualstack.${region}.amazonaws.com`,
    WebsiteURL: `http://${name}.s3-website${websiteSeparator}${region}.amazonaws.com`,
  };
}
