// Response shapes, inferred from the API's own zod schemas (type-only imports: nothing is bundled).
import type { z } from 'zod/mini';
import type { FiguresSchema, MeSchema, MessageSchema, TicketSchema, TicketSummarySchema } from '../../../../functions/tickets/responses.ts';
import type { AllowanceSchema, BookingSchema, ExpertSchema, OrganisationListSchema, OwnProfileSchema, SlotListSchema } from '../../../../functions/bookings/responses.ts';
import type { AvailabilityBody, ExpertProfileBody } from '../../../../functions/bookings/schemas.ts';
import type { PersonalSettingsSchema, PreferencesSchema } from '../../../../functions/notify/responses.ts';
import type { PersonalSettingsBody, PreferencesBody } from '../../../../functions/notify/schemas.ts';
import type { AnalyticsReportSchema } from '../../../../functions/analytics/responses.ts';
import type { Problem, ProblemCode } from '../../../../functions/core/problem.ts';
import type { AbsencesSchema, ReassignedSchema, RoutingExpertsSchema, RoutingSettingsSchema, ServiceHoursSchema, SlaPolicySchema, SupportHoursSchema } from '../../../../functions/routing/responses.ts';
import type { WEEKDAYS } from '../../../../functions/core/weekly-hours.ts';
import type { AttachmentSchema, DownloadSchema, UploadSchema } from '../../../../functions/attachments/responses.ts';

export type Me = z.infer<typeof MeSchema>;
export type Role = Me['role'];
export type TicketSummary = z.infer<typeof TicketSummarySchema>;
export type Ticket = z.infer<typeof TicketSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type Figures = z.infer<typeof FiguresSchema>;
export type AnalyticsReport = z.infer<typeof AnalyticsReportSchema>;
export type Expert = z.infer<typeof ExpertSchema>;
export type SlotList = z.infer<typeof SlotListSchema>;
export type Booking = z.infer<typeof BookingSchema>;
export type Allowance = z.infer<typeof AllowanceSchema>;
export type Availability = z.input<typeof AvailabilityBody>;
export type OrganisationAllowance = z.infer<typeof OrganisationListSchema>['items'][number];
export type OwnProfile = z.infer<typeof OwnProfileSchema>;
export type ProfileChange = z.input<typeof ExpertProfileBody>;
export type Preferences = z.infer<typeof PreferencesSchema>;
export type PreferencesChange = z.input<typeof PreferencesBody>;
export type PersonalSettings = z.infer<typeof PersonalSettingsSchema>;
export type PersonalSettingsChange = z.input<typeof PersonalSettingsBody>;
export type TicketEvent = NonNullable<Ticket['events']>[number];
export type Attachment = z.infer<typeof AttachmentSchema>;
export type AttachmentUpload = z.infer<typeof UploadSchema>;
export type AttachmentDownload = z.infer<typeof DownloadSchema>;
export type { Problem, ProblemCode };

export interface Page<T> {
  items: T[];
  cursor?: string;
}

// Issue 13: routing, the service calendar, SLA settings, support hours and absences.
/** The API answers days as strings; the app edits them as the weekdays they are. */
export type WeeklyWindow = { day: (typeof WEEKDAYS)[number]; start: string; end: string };
export type ServiceHours = Omit<z.infer<typeof ServiceHoursSchema>, 'weekly'> & { weekly: WeeklyWindow[] };
export type SupportHours = Omit<z.infer<typeof SupportHoursSchema>, 'weekly'> & { weekly: WeeklyWindow[] };
export type SlaSettings = z.infer<typeof SlaPolicySchema>;
export type SlaTarget = SlaSettings['high']['firstResponse'];
export type SlaClock = SlaTarget['clock'];
export type RoutingSettings = z.infer<typeof RoutingSettingsSchema>;
export type Absences = z.infer<typeof AbsencesSchema>;
export type Absence = Absences['absences'][number];
export type ExpertRoster = z.infer<typeof RoutingExpertsSchema>['experts'][number];
export type Duty = ExpertRoster['duty'];
export type Reassigned = z.infer<typeof ReassignedSchema>;
