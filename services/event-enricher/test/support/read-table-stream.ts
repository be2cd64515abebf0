/**
 * Reads every record of a table's stream from DynamoDB Local with the Streams JSON API (there is
 * no SDK client for it in this repository; DynamoDB Local does not check signatures). What comes
 * back is the record shape Pipes and Lambda deliver.
 */
async function call(endpoint: string, operation: string, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${operation}`,
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20300101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${operation} failed: ${JSON.stringify(json)}`);
  return json;
}

export async function readTableStream(endpoint: string, tableName: string): Promise<unknown[]> {
  const { Streams } = (await call(endpoint, 'ListStreams', { TableName: tableName })) as {
    Streams: { StreamArn: string }[];
  };
  const records: unknown[] = [];
  for (const { StreamArn } of Streams) {
    const { StreamDescription } = (await call(endpoint, 'DescribeStream', { StreamArn })) as {
      StreamDescription: { Shards: { ShardId: string }[] };
    };
    for (const { ShardId } of StreamDescription.Shards) {
      const { ShardIterator } = (await call(endpoint, 'GetShardIterator', {
        StreamArn,
        ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      })) as { ShardIterator?: string };
      let iterator = ShardIterator;
      while (iterator) {
        const page = (await call(endpoint, 'GetRecords', { ShardIterator: iterator })) as {
          Records: unknown[];
          NextShardIterator?: string;
        };
        records.push(...page.Records);
        // An open shard always returns a next iterator: stop at the first empty page.
        iterator = page.Records.length > 0 ? page.NextShardIterator : undefined;
      }
    }
  }
  return records;
}
