// Types for the parts of mark.js 8 the benchmark calls (the package ships none).
declare module 'mark.js/dist/mark.js' {
  interface MarkOptions {
    separateWordSearch?: boolean;
    accuracy?: 'partially' | 'complementary' | 'exactly' | { value: string; limiters: string[] };
    caseSensitive?: boolean;
    diacritics?: boolean;
    acrossElements?: boolean;
    exclude?: string[];
    done?: (total: number) => void;
    /** markRegExp: called per match; false leaves it unmarked. */
    filter?: (node: Text, match: string) => boolean;
  }
  export default class Mark {
    constructor(context: Element | Document);
    mark(terms: string | string[], options?: MarkOptions): this;
    markRegExp(pattern: RegExp, options?: MarkOptions): this;
  }
}
