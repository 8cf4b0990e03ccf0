// The web app's own words in the signed-in person's language (GET /api/me `language`). English is written in the
// code and is the key; each other language is one catalogue (i18n/<lang>.ts), loaded as its own chunk only when
// it is the current one, so a page carries one language's strings at most. Translated: the shell (navigation,
// page titles and headings, sign-out, menu), the pages' shared frames, the preferences page, the ticket list and
// page, the new-ticket form, mentoring and sessions; text a page writes itself and nobody listed here stays English
// until it is added (test/app/i18n.test.ts fails on a translated literal that is not listed).
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../../functions/core/locale.ts';

export const MESSAGES = [
  // navigation and shell
  'My tickets', 'New ticket', 'Mentoring', 'Sessions', 'Notifications', 'Queue', 'My sessions', 'Availability', 'Support hours',
  'Profile', 'Reviews', 'Tickets', 'Service', 'Experts', 'Readers', 'Outbox', 'Guides', 'SME', 'Expert', 'Coordinator', 'Menu',
  'Sign out', 'Signed in as', 'Skip to main content', 'App',
  'HPC AI Support Centre: help for European AI SMEs and start-ups on EuroHPC supercomputers.',
  // page titles and headings
  'Sign in', 'Signing in', 'Ticket', 'File', 'SLA targets', 'Service hours', 'Routing', 'What readers could not find',
  'Expert profile', 'Guide reviews', 'E-mail notifications', 'Ticket queue', 'Your organisation\'s sessions', 'E-mail',
  'Page not found', 'There is no such page in the app.', 'Go to tickets', 'Not available', 'This page is not available for your role.',
  'Something went wrong', 'Loading',
  // settings frames
  'Saving…', 'Discard changes', 'You have changes that are not saved yet. They are kept in this browser until you save them.',
  // the preferences page
  'Choose which e-mails you get from the Support Centre at {email}, in which language, and in which time zone their times are shown.',
  'Language and time zone', 'Language', 'Time zone', 'The language of your e-mails and of this app.',
  'Your organisation\'s language, until you choose one.',
  'Times in your e-mails and in this app are shown in this zone, named (for example Europe/Madrid).',
  'Save language and time zone', 'Your language and time zone are saved.',
  'Your preferences are saved.', 'E-mails', 'Ticket categories you follow',
  'You hear about new tickets in these categories (while “New tickets” is on).', 'Save preferences', 'Always sent',
  'This e-mail cannot be turned off.', 'Loading your preferences',
  'Replies to tickets', 'Someone answered a ticket you take part in.',
  'Resolved tickets', 'Your ticket was marked resolved.',
  'New tickets', 'A ticket was opened in one of the categories you follow.',
  'Mentoring bookings', 'A session was booked, moved or cancelled; carries the calendar invitation.',
  'Session reminders', 'Shortly before a mentoring session.',
  'SLA warnings', 'A ticket is close to its response or resolution target.',
  'SLA breaches', 'A ticket missed its target.',
  'Ticket received', 'Your new ticket arrived: its reference, who looks after it and when to expect a first answer.',
  'Tickets assigned to you', 'A ticket was assigned to you, or moved from you to someone else.',
  'Unassigned tickets', 'Nobody could be assigned a new ticket: everyone who fits is away, or auto-assignment is off.',
  'Tickets at risk', 'A ticket falls due while its assignee is away; it can be reassigned in one action.',
  // reply-by-e-mail addresses (preferences page)
  'Reply-by-e-mail addresses',
  'Each notification e-mail carries a reply address of your own, so that answering the e-mail adds your reply to the ticket.',
  'Withdraw my reply addresses',
  'Withdraw every reply address sent to you so far? Replies to older e-mails will be refused; you can still answer in this app.',
  'Yes, withdraw them', 'Keep them',
  'Done: the reply addresses in e-mails sent until {time} no longer work. E-mails from now on carry new ones.',
  // the ticket list, statuses, priorities, SLA badges
  'in {time}', '{time} ago', 'Please correct the field marked below.',
  'Please correct the {count} fields marked below.', 'SLA breached', 'SLA paused', 'SLA missed', 'SLA met',
  'First response due {when}', 'Resolution due {when}', 'New', 'Open', 'Waiting', 'Resolved', 'Closed', 'Low',
  'Normal', 'High', 'Urgent', '{priority} priority', 'Unassigned', 'last activity {when}', 'No tickets here.',
  'Status', 'Priority', 'Category', 'Organisation', 'System', 'Assignee', 'Requester', 'Last activity', 'Order',
  'Created from', 'Created until', 'Due first', 'Newest first', 'Latest activity first', 'Filter tickets', 'Find',
  'HD-1005 or words of the subject', 'Whose tickets', 'Mine', 'My organisation\'s', 'Open (new, open, waiting)', 'All',
  'More filters and order', 'Any priority', 'Any category', 'Any system', 'Other', 'Anyone', 'Me',
  'Tickets you opened', '{organisation}\'s tickets', 'Your organisation\'s tickets',
  '{tickets} with their status and service level.', 'The SLA time due first comes first.',
  'These are the first {count} in this order: narrow the list with the filters to see others.', 'Clear 1 filter',
  'Clear {count} filters', 'Loading…', 'Load more tickets', 'Loading tickets',
  // the ticket page
  'Conversation', 'Message from {name}', 'Internal note from {name}', 'Internal note',
  'Internal note (not shown to the requester)', 'This ticket is closed. Open a new ticket if you need more help.',
  'Reply or add a note', 'Reply', 'Visibility', 'Public reply (the requester sees it)', 'Internal note (staff only)',
  'Note', 'Message', 'Add internal note', 'Send reply', 'another expert', 'Release it', 'Take this ticket',
  'Assigned to {name}.', '{name} has this ticket. Take it from {name}? They will be told it is yours now.',
  'Yes, take it from {name}', 'Cancel', 'Handle this ticket', 'Save changes', 'Your ticket', 'Reopen ticket',
  'Close ticket', 'First response due', 'Resolution due', 'Service level', 'Project', 'Job', 'Opened', 'History',
  'Saved.', 'Posted.',
  'Someone else changed this ticket while you were looking at it. It has been reloaded: check the current state and make your change again.',
  'Loading the ticket', 'Back to tickets', 'Ticket details',
  // priorities with their targets
  '{priority}: answer within {time}', '{priority}: within {time}', '{priority}: first answer within {first}, resolved within {resolved}',
  '1 business hour', '{count} business hours',
  // the new-ticket form, ticket categories
  'Access and allocations', 'Accounts and login', 'Jobs and scheduling', 'Software and containers',
  'AI training and inference', 'Data and storage', 'Performance', 'These guides may answer your question',
  'Guide suggestions',
  'Describe what you are trying to do and what happens. An expert answers within the service level of the priority you choose.',
  'You have an unsent draft (“{subject}”); the link you followed brings an estimate.', 'no subject',
  'Replace it with the estimate', 'Keep my draft',
  'You have an unsent draft (“{subject}”); the link you followed brings the subject “{linked}” from a search.',
  'Use the subject from the search',
  'You came from the guide {guide}; it will be linked in your ticket.', 'Subject', 'Description',
  'What you ran, what you expected, what happened (error messages, job output).', 'System (optional)',
  'Not specific to a system', 'Topic (optional)', 'Helps us pick the expert who knows it best.', 'Not sure',
  'In {category}', 'Other topics', 'Project (optional)', 'Job id (optional)',
  'Asking for compute time? {link} and attach the estimate here.', 'Estimate the hours',
  'Your ticket {reference} was opened; a file did not upload. Send again, remove it, or {link}.', 'open the ticket',
  'Uploading files…', 'Submitting…', 'Send the files again', 'Submit ticket',
  // the sessions page
  'Upcoming', 'Past', 'Cancelled', 'No upcoming sessions.', 'No past sessions.', 'No cancelled sessions.',
  'The invitation could not be downloaded', 'Reschedule {topic}', 'Move the session', 'Keep the current time',
  'Cancelled “{topic}”.', '{requester} ({organisation}) with {expert}', 'With {name}', 'Booked by {name}',
  'Meeting link:', 'Download .ics', 'Reschedule', 'Cancel session', 'Cancel {topic}',
  'Reason (optional, shared with the other side)', 'Confirm cancellation', 'Keep the session',
  'Moved “{topic}” to {when}.', 'Book a session', 'Which sessions', 'Loading sessions',
  // booking: the mentoring page and the slot picker
  'Times are shown in your time zone, {zone}.', '{name} works in the same zone.', '{name} works in {zone}.',
  'Sessions last {minutes} minutes.', '{name} can be booked up to {day}.', 'Choose the week', 'Previous week',
  'Next week', 'Go to a date', 'No free times in this week.', 'Go to the next free day, {day}',
  '{time} {name}\'s time', 'Filter experts', 'Topic', 'Any topic', 'Any language',
  'Your tickets could not be loaded; you can book without one.', 'Your organisation has no open tickets.',
  'Related ticket (optional)', 'None', 'Choose a time', 'Choose one of the free times above.', 'Book {name}',
  'What would you like to work on?', 'Notes for the expert (optional)',
  'Your setup, what you tried, links to code or logs.',
  'Planning a compute request? {link}: paste its link or its paragraph into the notes.', 'Attach an estimate',
  'Not specific', 'Topics', 'Skills', 'Languages', 'Systems', 'See free times with {name}',
  'Not taking bookings at the moment.', 'Your organisation has {left} of mentoring left in {quarter}.',
  '{remaining} of {minutes} minutes',
  'Book a session with an expert: pick someone who knows your topic, language and system, then a free time.',
  'Booked: “{topic}” with {name} on {when}.', 'See my sessions', 'No expert matches these filters.',
  'Show every expert', 'Booking…', 'Book this session', 'Loading free times', 'Loading experts',
  // the message editor and file picker
  'Attach files',
  'Or drop files here. Up to {file} per file, {count} files and {ticket} per ticket. Logs and text, PNG, JPEG, WebP, PDF, zip and tar.',
  'Files to send', 'Upload of {name}', 'Uploaded', 'Cancel upload of {name}', 'Remove {name}', '{count} characters',
  'This is longer than a message can be.', 'Move the long text into {file}', 'Write', 'Preview', '{label} preview',
  'Nothing to preview.', 'Markdown: **bold**, `code`, ``` for blocks, - lists, [links](https://…).',
  // durations
  '{count} d', 'under 1 min',
] as const;

export type Message = (typeof MESSAGES)[number];
/** One language's words for every message: a catalogue that misses one does not typecheck. */
export type Catalogue = Record<Message, string>;

/** Each language by its own name, as a person looks for it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', it: 'Italiano' };

let current: Language = DEFAULT_LANGUAGE;
let words: Partial<Record<string, string>> = {};

/** A message in the current language; `{name}` placeholders filled. Text that is not a message comes back as it is. */
export function t(text: Message | (string & {}), values: Record<string, string> = {}): string {
  return (words[text] ?? text).replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * A message with parts that are not text (a link) in their place: "See {link}." → ['See ', link, '.']. A sentence
 * stays whole for the translator, who may put the part anywhere.
 */
export function tParts<Part>(text: Message, parts: Record<string, Part>, values: Record<string, string> = {}): Array<string | Part> {
  return t(text, values).split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in parts ? parts[name]! : piece;
  }).filter((piece) => piece !== '');
}

export const currentLanguage = (): Language => current;

/** Loads a language's catalogue (its own chunk) and makes it current; English needs none. */
export async function setLanguage(language: string | undefined): Promise<void> {
  const next = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  if (next === current) return;
  words = next === DEFAULT_LANGUAGE ? {} : ((await import(`./i18n/${next}.ts`)) as { default: Catalogue }).default;
  current = next;
  document.documentElement.lang = next;
}
