// Stands in for the content script's manifest CSS (wxt.config.ts), evaluated at document start before the page's
// own code: the default ::highlight rules are part of the page's first style pass, as the browser injects them.
import { DEFAULT_HIGHLIGHT_CSS } from '../../lib/shared/highlight-css';

const sheet = new CSSStyleSheet();
sheet.replaceSync(DEFAULT_HIGHLIGHT_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
