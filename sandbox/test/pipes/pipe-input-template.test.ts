import { describe, expect, it } from 'vitest';
import { compilePipeTemplate, type PipeTemplateContext, renderPipeTemplate } from '../../src/pipes/index.ts';

const sqsEvent = {
  messageId: 'm-1',
  body: '{"key":"value","items":[{"id":1},{"id":2}]}',
  attributes: { SenderId: 'AIDA123' },
};
const context: PipeTemplateContext = {
  pipeArn: 'arn:aws:pipes:eu-west-1:123456789012:pipe/p',
  pipeName: 'p',
  sourceArn: 'arn:aws:sqs:eu-west-1:123456789012:q',
  targetArn: 'arn:aws:events:eu-west-1:123456789012:event-bus/b',
  ingestionTime: new Date('2026-01-02T03:04:05.000Z'),
  event: sqsEvent,
  eventJson: { ...sqsEvent, body: JSON.parse(sqsEvent.body) },
};
const render = (template: string) => renderPipeTemplate(compilePipeTemplate(template, 'test'), context);

describe('Pipes input templates', () => {
  it('renders the documented forms: static text, a path, a dynamic string, dynamic JSON', () => {
    expect(render('Hello, sender')).toBe('Hello, sender');
    expect(render('<$.attributes.SenderId>')).toBe('AIDA123');
    expect(render('Hello, <$.attributes.SenderId>')).toBe('Hello, AIDA123');
    expect(
      JSON.parse(render('{"key1": "value1", "key2": <$.body.key>, "d": <aws.pipes.event.ingestion-time>}')),
    ).toEqual({
      key1: 'value1',
      key2: 'value',
      d: '2026-01-02T03:04:05.000Z',
    });
  });

  it('parses a JSON SQS body implicitly for paths and aws.pipes.event.json, not for aws.pipes.event', () => {
    expect(JSON.parse(render('{"ids": <$.body.items[*].id>, "second": <$.body.items[1]>}'))).toEqual({
      ids: [1, 2],
      second: { id: 2 },
    });
    expect(JSON.parse(render('{"raw": <aws.pipes.event>, "json": <aws.pipes.event.json>}'))).toEqual({
      raw: sqsEvent,
      json: context.eventJson,
    });
  });

  it('gives the pipe variables, raw inside quotes and JSON outside', () => {
    expect(
      JSON.parse(
        render(
          '{"arn": "<aws.pipes.pipe-arn>", "name": <aws.pipes.pipe-name>, "src": "<aws.pipes.source-arn>"}',
        ),
      ),
    ).toEqual({
      arn: context.pipeArn,
      name: 'p',
      src: context.sourceArn,
    });
    expect(render('"from <aws.pipes.target-arn>"')).toBe(`"from ${context.targetArn}"`);
  });

  it('puts null for a missing path in JSON and nothing in text', () => {
    expect(JSON.parse(render('{"missing": <$.body.nope>}'))).toEqual({ missing: null });
    expect(render('x=<$.body.nope>.')).toBe('x=.');
  });

  it('refuses unknown variables, unsupported paths and raw events inside quotes, all at once', () => {
    expect(() =>
      compilePipeTemplate('{"a": <aws.pipes.nope>, "b": <$..deep>, "c": "<aws.pipes.event>"}', 'Stack/Pipe'),
    ).toThrow(
      /Stack\/Pipe: <aws\.pipes\.nope> is not a Pipes variable.*JSONPath "\$\.\.deep" is not supported.*<aws\.pipes\.event> can only be used as a JSON value/,
    );
  });
});
