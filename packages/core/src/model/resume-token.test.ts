import fc from 'fast-check';
import { InvalidInputError, PaginationError } from './errors';
import { decodeResumeToken, encodeResumeToken } from './resume-token';

describe('resume tokens', () => {
  it('round-trips any position', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        fc.nat({ max: 100 }),
        fc.option(fc.integer({ min: 10, max: 100 }), { nil: undefined }),
        (nextToken, skip, pageSize) => {
          const position = {
            ...(nextToken === undefined ? {} : { nextToken }),
            skip,
            ...(pageSize === undefined ? {} : { pageSize }),
          };
          expect(decodeResumeToken(encodeResumeToken(position))).toEqual(position);
        },
      ),
    );
  });

  it('uses the AWS CLI starting-token format', () => {
    const token = encodeResumeToken({ nextToken: 'MTA=', skip: 5 });
    expect(JSON.parse(Buffer.from(token, 'base64').toString('utf8'))).toEqual({
      NextToken: 'MTA=',
      boto_truncate_amount: 5,
    });
    // A token as the AWS CLI prints it decodes too.
    const cliToken = Buffer.from('{"NextToken": "MTA=", "boto_truncate_amount": 5}').toString(
      'base64',
    );
    expect(decodeResumeToken(cliToken)).toEqual({ nextToken: 'MTA=', skip: 5 });
  });

  it.each([
    ['an empty string', ''],
    ['a number', 42],
    ['not base64', '%%%'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64')],
    ['a JSON array', Buffer.from('[1]').toString('base64')],
    ['a negative skip', Buffer.from('{"boto_truncate_amount":-1}').toString('base64')],
    ['a fractional skip', Buffer.from('{"boto_truncate_amount":1.5}').toString('base64')],
    ['an empty NextToken', Buffer.from('{"NextToken":""}').toString('base64')],
    ['a page size of 5', Buffer.from('{"page_size":5}').toString('base64')],
    ['a skip past one page', Buffer.from('{"boto_truncate_amount":101}').toString('base64')],
    [
      'a token over 32,768 characters',
      Buffer.from(JSON.stringify({ NextToken: 'x'.repeat(24_600) })).toString('base64'),
    ],
  ])('rejects %s naming the field', (_name, token) => {
    expect(() => decodeResumeToken(token, 'startingToken')).toThrow(InvalidInputError);
    try {
      decodeResumeToken(token, 'startingToken');
    } catch (error) {
      expect((error as InvalidInputError).field).toBe('startingToken');
    }
  });

  it('issues every token it accepts: a long service token round-trips, a too-long one fails at encode', () => {
    const long = { nextToken: 'A'.repeat(3100), skip: 0 };
    expect(decodeResumeToken(encodeResumeToken(long))).toEqual(long);
    expect(() => encodeResumeToken({ nextToken: 'A'.repeat(24_600), skip: 0 })).toThrow(
      PaginationError,
    );
  });
});
