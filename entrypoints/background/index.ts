// Background: owns the knowledge base and settings, answers the extension's own pages and tabs.
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  console.info('[backstory] background ready');
});
