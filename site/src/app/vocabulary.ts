// The API's enumerations, shared with the server code (plain constant modules: nothing else is bundled).
export { SYSTEMS, TICKET_CATEGORY_LABELS, TICKET_CATEGORIES } from '../../../functions/core/catalog.ts';
export { TICKET_STATUSES, PRIORITIES } from '../../../functions/tickets/domain/model.ts';
export { TOPIC_IDS } from '../../../functions/core/topics.ts';
export { WEEKDAYS, SLOT_MINUTES } from '../../../functions/bookings/domain/model.ts';
