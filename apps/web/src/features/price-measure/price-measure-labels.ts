import type { PriceDeliveryStatus } from '@taotai/shared';

export const DELIVERY_STATUS_COLORS: Record<PriceDeliveryStatus, string> = { sent: 'orange', acknowledged: 'blue', applied: 'red', removed: 'default' };
