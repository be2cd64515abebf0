import type { EventBusEmulator, TargetDispatcher } from '../events/bus/index.ts';
import type { InvocationRecord } from '../lambda/event-invoke-configs.ts';

/**
 * Sends a Lambda invocation record to its destination, the way Lambda does for asynchronous
 * invocations (EventInvokeConfig `OnSuccess`/`OnFailure`): the record as the message body of a
 * queue or topic, as the event of a function, or as the detail of a `Lambda Function Invocation
 * Result` event on a bus. Uses the same dispatcher as the bus's targets.
 */
export async function deliverInvocationRecord(
  dispatcher: TargetDispatcher,
  bus: EventBusEmulator | undefined,
  destinationArn: string,
  record: InvocationRecord,
): Promise<void> {
  const body = JSON.stringify(record);
  const service = destinationArn.split(':')[2];
  switch (service) {
    case 'sqs':
      return dispatcher.sqs?.({ queueArn: destinationArn, body });
    case 'sns':
      return dispatcher.sns?.({ topicArn: destinationArn, message: body });
    case 'lambda':
      return dispatcher.lambda?.({ functionArn: destinationArn, payload: body });
    case 'events': {
      if (!bus) throw new Error('no event bus emulator to deliver to');
      const outcome = record.requestContext.condition === 'Success' ? 'Success' : 'Failure';
      const result = bus.putEvents([
        {
          EventBusName: destinationArn,
          Source: 'lambda',
          DetailType: `Lambda Function Invocation Result - ${outcome}`,
          Detail: body,
          Resources: [record.requestContext.functionArn],
        },
      ]);
      if (result.FailedEntryCount > 0) throw new Error(JSON.stringify(result.Entries));
      return;
    }
    default:
      throw new Error(`${destinationArn} is not a Lambda destination (SQS, SNS, Lambda or EventBridge)`);
  }
}
