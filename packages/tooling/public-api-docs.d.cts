/** The exports of the TypeScript module `file` (and what they re-export) without an `@example`. */
export declare function undocumentedExports(file: string): string[];
