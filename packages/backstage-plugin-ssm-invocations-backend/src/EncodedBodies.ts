import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

/**
 * Sends JSON responses, remembering the encoded bodies (plain and gzip) of objects sent more than
 * once. The service hands out the same response object while an entity's reports are unchanged,
 * so a cached report costs neither `JSON.stringify` nor compression after its second viewer.
 * Objects seen once are sent as usual (compressed by Backstage's middleware if asked).
 *
 * @example
 * ```ts
 * const bodies = new EncodedBodies();
 * bodies.send(req, res, await service.getEntityReport(entity));
 * ```
 */
export class EncodedBodies {
  readonly #bodies = new WeakMap<object, { json?: Buffer; gzip?: Buffer }>();

  send(req: Request, res: Response, value: object): void {
    const bodies = this.#bodies.get(value);
    if (!bodies) {
      this.#bodies.set(value, {});
      res.json(value);
      return;
    }
    bodies.json ??= Buffer.from(JSON.stringify(value));
    res.type('application/json');
    res.vary('Accept-Encoding');
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      bodies.gzip ??= gzipSync(bodies.json);
      // An encoded body is left alone by the compression middleware.
      res.setHeader('Content-Encoding', 'gzip');
      res.send(bodies.gzip);
      return;
    }
    res.send(bodies.json);
  }
}
