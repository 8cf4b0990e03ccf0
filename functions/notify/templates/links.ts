/**
 * Every address a mail links to in the web app, in one place: test/notify/links.test.ts resolves each against the
 * app's own route list (site/src/app/routes.ts) and the recipient's role, so a link cannot land on a page that
 * does not exist or that the recipient may not open.
 */
export function appLinks(publicUrl: string) {
  const base = `${publicUrl.replace(/\/+$/, '')}/app`;
  const ticket = (ticketId: string) => `${base}/tickets/${encodeURIComponent(ticketId)}`;
  return {
    ticket,
    /** A text file opens in the log viewer; any other file is listed on the ticket's page. */
    file: (ticketId: string, fileId: string, text: boolean) => (text ? `${ticket(ticketId)}/attachments/${encodeURIComponent(fileId)}` : ticket(ticketId)),
    /** Both sides' sessions (requesters and experts): the mentoring page books, it is not where sessions are. */
    sessions: `${base}/sessions/`,
    preferences: `${base}/notifications/`,
  };
}
