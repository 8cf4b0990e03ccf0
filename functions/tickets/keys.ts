/** Where a ticket lives in the table: shared by the tickets store and the narrow lookups other functions make. */
export const ticketKey = (id: string) => ({ pk: `TICKET#${id}`, sk: 'TICKET' });
