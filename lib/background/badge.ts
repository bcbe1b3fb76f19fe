// The toolbar badge: how many distinct entities the tab's page mentions.
import { toolbarAction } from '../shared/platform';

export async function showCount(tabId: number, distinct: number): Promise<void> {
  const action = toolbarAction();
  await action.setBadgeText({ tabId, text: distinct > 0 ? String(Math.min(distinct, 999)) : '' });
  await action.setBadgeBackgroundColor({ tabId, color: '#3d4b5c' });
}
