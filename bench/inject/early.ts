// What the document-start content script does (entrypoints/highlight-sheet.content.ts), evaluated before the page's own code.
import { adoptEarlySheet } from '../../lib/highlight/early-sheet';

adoptEarlySheet(window);
