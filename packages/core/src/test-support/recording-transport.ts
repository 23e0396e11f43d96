/**
 * Test support (never exported from an entry): a transport that answers each operation from a
 * function and records every request it was sent.
 */
import { ServiceError } from '../model/errors';
import type { SsmOperation } from '../model/operations';
import type { SsmTransport } from '../transport/types';

export type Answer = Record<string, unknown> | Error;
export type Answers = Partial<
  Record<SsmOperation, (input: Record<string, unknown>) => Answer | Promise<Answer>>
>;

/** A transport that answers from `answers` and records every request. */
export function recordingTransport(answers: Answers): {
  transport: SsmTransport;
  sent: { operation: SsmOperation; input: Record<string, unknown> }[];
} {
  const sent: { operation: SsmOperation; input: Record<string, unknown> }[] = [];
  const transport: SsmTransport = {
    send: async (operation, input, options) => {
      options?.signal?.throwIfAborted();
      sent.push({ operation, input });
      const respond = answers[operation];
      if (respond === undefined) throw new ServiceError(`${operation} not expected`);
      const answer = await respond(input);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { transport, sent };
}
