/**
 * What each API function of the manifest (functions/api-functions.ts) registers and documents. The local
 * server mounts every function from here, the OpenAPI document is their docs, and the tests and the CDK
 * stack check the routes against them. Never imported by a Lambda entry: each one wires only its own
 * function, so no bundle carries another function's code.
 */
import { analyticsDocs } from './analytics/docs.ts';
import { wireAnalytics, type AnalyticsInfrastructure } from './analytics/wiring.ts';
import type { ApiFunctionName } from './api-functions.ts';
import { attachmentDocs } from './attachments/docs.ts';
import { wireAttachments, type AttachmentsInfrastructure } from './attachments/wiring.ts';
import { bookingDocs } from './bookings/docs.ts';
import { wireBookings } from './bookings/wiring.ts';
import type { ApiApp } from './core/http.ts';
import type { RouteDoc } from './core/openapi.ts';
import { notificationDocs } from './notify/docs.ts';
import { wireNotifications, type NotificationsInfrastructure } from './notify/wiring.ts';
import { routingDocs } from './routing/docs.ts';
import { wireRouting } from './routing/wiring.ts';
import { ticketDocs } from './tickets/docs.ts';
import { wireTickets, type TicketsInfrastructure } from './tickets/wiring.ts';

/** Everything any function is wired from: each takes what it needs (the attachments also their blob storage). */
export type ApiWiringInfrastructure = TicketsInfrastructure & AnalyticsInfrastructure & AttachmentsInfrastructure & NotificationsInfrastructure;

export interface ApiFunctionWiring {
  /** Mounts the function's routes on an API app, with its storage on the table. */
  wire(app: ApiApp, infrastructure: ApiWiringInfrastructure): ApiApp;
  /** Its rows of the OpenAPI document. */
  docs: readonly RouteDoc[];
}

export const API_WIRING: Record<ApiFunctionName, ApiFunctionWiring> = {
  tickets: { wire: wireTickets, docs: ticketDocs },
  routing: { wire: wireRouting, docs: routingDocs },
  bookings: { wire: wireBookings, docs: bookingDocs },
  attachments: { wire: wireAttachments, docs: attachmentDocs },
  notifications: { wire: wireNotifications, docs: notificationDocs },
  analytics: { wire: wireAnalytics, docs: analyticsDocs },
};
