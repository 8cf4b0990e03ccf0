/** The notifier's backlog in a scan of the table: how far the change feed lags, deliveries not (yet) sent. */
import type { Item } from '../../test/support/invariants.ts';

const NOT_SENT = ['sending', 'failed', 'queued', 'parked'];

export function deliveryBacklog(items: Item[], now = Date.now()) {
  const checkpoint = items.find((i) => i.pk === 'NOTIFY#FEED')?.value as string | undefined;
  const markers = items.filter((i) => String(i.pk).startsWith('NOTIFY#DELIVERY#'));
  return {
    feedLagMs: checkpoint ? now - Date.parse(checkpoint) : undefined,
    deliveries: markers.length,
    notSent: markers.filter((m) => NOT_SENT.includes(m.state)).length,
    items: items.length,
  };
}
