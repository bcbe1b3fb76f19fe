// The card's WXT and Preact side, handed to the controller (lib/content/card/controller.ts): its shadow-root UI and
// the render of components/Card into it.
import './card.css';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Card } from '../../components/Card';
import type { HoverCardDeps } from '../../lib/content/card/controller';
import { CARD_HOST_TAG } from '../../lib/content/card/host';

export function cardUi(ctx: ContentScriptContext): Pick<HoverCardDeps, 'createUi' | 'render'> {
  return {
    createUi: () =>
      createShadowRootUi<void>(ctx, {
        name: CARD_HOST_TAG,
        // Closed: the card says what the reader looks up, which is none of the page's business. A page script gets
        // null for host.shadowRoot, and the card's text, nodes and buttons are out of its reach.
        mode: 'closed',
        // Overlay, and card.css pins the host as a zero-size fixed box with !important: the page's layout never moves.
        position: 'overlay',
        // Beside <body>, not inside it: a transformed or filtered body would otherwise capture the fixed card.
        anchor: () => document.documentElement,
        append: 'last',
        // Keys typed in the card (Esc, Enter, Tab) must not trigger the page's own shortcuts.
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount: () => {},
      }),
    render: (view, container) =>
      render(view ? <Card key={view.data.entityId} {...view} /> : null, container),
  };
}
