// Minimal typings for the two SPDX libraries (they ship none).
declare module 'spdx-expression-parse' {
  export interface SpdxLicense {
    license: string;
    plus?: true;
    exception?: string;
  }
  export interface SpdxConjunction {
    left: SpdxNode;
    conjunction: 'and' | 'or';
    right: SpdxNode;
  }
  export type SpdxNode = SpdxLicense | SpdxConjunction;
  function parse(expression: string): SpdxNode;
  export default parse;
}

declare module 'spdx-satisfies' {
  function satisfies(expression: string, approved: string[]): boolean;
  export default satisfies;
}
