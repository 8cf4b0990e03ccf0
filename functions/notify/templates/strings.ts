/** Message texts per language. `{name}` placeholders are filled (and escaped for HTML) by the renderer. */
export interface Texts {
  subject: string;
  body: string;
}

export interface Strings {
  greeting: string;
  openTicket: string;
  openSessions: string;
  expertReply: Texts;
  requesterReply: Texts;
  resolved: Texts;
  newTicket: Texts;
  slaWarning: Texts;
  slaBreach: Texts;
  bookingConfirmedRequester: Texts;
  bookingConfirmedExpert: Texts;
  bookingRescheduled: Texts;
  bookingCancelled: Texts;
  reminder24h: Texts;
  reminder1h: Texts;
  reason: string;
  join: string;
  invitationAttached: string;
  firstResponse: string;
  resolution: string;
  priorities: Record<'low' | 'normal' | 'high' | 'urgent', string>;
  footer: string;
  footerMandatory: string;
}

export const LANGUAGES = ['en', 'es', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const en: Strings = {
  greeting: 'Hello {name},',
  openTicket: 'Open the ticket',
  openSessions: 'Your mentoring sessions',
  expertReply: { subject: '[{ref}] {actor} replied: {subject}', body: '{actor} replied to your ticket {ref} “{subject}”.' },
  requesterReply: { subject: '[{ref}] {actor} replied: {subject}', body: '{actor} replied on ticket {ref} “{subject}”, which is assigned to you.' },
  resolved: { subject: '[{ref}] Resolved: {subject}', body: '{actor} marked your ticket {ref} “{subject}” as resolved. If the problem persists, reply to reopen it.' },
  newTicket: { subject: '[{ref}] New ticket in {category}: {subject}', body: '{requester} opened ticket {ref} “{subject}” in {category} (priority {priority}).' },
  slaWarning: { subject: '[{ref}] 75 % of the {target} time used', body: 'Ticket {ref} “{subject}” has used 75 % of its {target} target (priority {priority}). It is due {due}.' },
  slaBreach: { subject: '[{ref}] Target missed: {target}', body: 'Ticket {ref} “{subject}” has passed its {target} target (priority {priority}), which was due {due}.' },
  bookingConfirmedRequester: { subject: 'Mentoring session booked: {when}', body: 'Your mentoring session with {expert} on “{topic}” is booked for {when}.' },
  bookingConfirmedExpert: { subject: 'New mentoring session: {when}', body: '{requester} ({org}) booked a mentoring session with you on “{topic}” for {when}.' },
  bookingRescheduled: { subject: 'Mentoring session moved to {when}', body: 'The mentoring session with {other} on “{topic}” has moved from {from} to {when}.' },
  bookingCancelled: { subject: 'Mentoring session cancelled: {when}', body: 'The mentoring session with {other} on “{topic}” on {when} has been cancelled.' },
  reminder24h: { subject: 'Reminder: mentoring session tomorrow, {when}', body: 'Your mentoring session with {other} on “{topic}” starts in 24 hours, on {when}.' },
  reminder1h: { subject: 'Reminder: mentoring session in one hour', body: 'Your mentoring session with {other} on “{topic}” starts in one hour, on {when}.' },
  reason: 'Reason given: {reason}',
  join: 'Join the call: {link}',
  invitationAttached: 'The calendar invitation is attached.',
  firstResponse: 'first response',
  resolution: 'resolution',
  priorities: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
  footer: 'You receive this e-mail as a user of the HPC AI Support Centre. Choose which e-mails you get: {preferences}',
  footerMandatory: 'This message is always sent: it keeps your calendar and the support centre’s commitments right.',
};

const es: Strings = {
  greeting: 'Hola, {name}:',
  openTicket: 'Abrir la incidencia',
  openSessions: 'Tus sesiones de mentoría',
  expertReply: { subject: '[{ref}] {actor} ha respondido: {subject}', body: '{actor} ha respondido a tu incidencia {ref} «{subject}».' },
  requesterReply: { subject: '[{ref}] {actor} ha respondido: {subject}', body: '{actor} ha respondido en la incidencia {ref} «{subject}», que tienes asignada.' },
  resolved: { subject: '[{ref}] Resuelta: {subject}', body: '{actor} ha marcado tu incidencia {ref} «{subject}» como resuelta. Si el problema continúa, responde para reabrirla.' },
  newTicket: { subject: '[{ref}] Nueva incidencia en {category}: {subject}', body: '{requester} ha abierto la incidencia {ref} «{subject}» en {category} (prioridad {priority}).' },
  slaWarning: { subject: '[{ref}] Se ha consumido el 75 % del plazo de {target}', body: 'La incidencia {ref} «{subject}» ha consumido el 75 % de su plazo de {target} (prioridad {priority}). Vence el {due}.' },
  slaBreach: { subject: '[{ref}] Plazo incumplido: {target}', body: 'La incidencia {ref} «{subject}» ha superado su plazo de {target} (prioridad {priority}), que vencía el {due}.' },
  bookingConfirmedRequester: { subject: 'Sesión de mentoría reservada: {when}', body: 'Tu sesión de mentoría con {expert} sobre «{topic}» está reservada para el {when}.' },
  bookingConfirmedExpert: { subject: 'Nueva sesión de mentoría: {when}', body: '{requester} ({org}) ha reservado contigo una sesión de mentoría sobre «{topic}» para el {when}.' },
  bookingRescheduled: { subject: 'Sesión de mentoría trasladada al {when}', body: 'La sesión de mentoría con {other} sobre «{topic}» se ha trasladado del {from} al {when}.' },
  bookingCancelled: { subject: 'Sesión de mentoría cancelada: {when}', body: 'La sesión de mentoría con {other} sobre «{topic}» del {when} se ha cancelado.' },
  reminder24h: { subject: 'Recordatorio: sesión de mentoría mañana, {when}', body: 'Tu sesión de mentoría con {other} sobre «{topic}» empieza dentro de 24 horas, el {when}.' },
  reminder1h: { subject: 'Recordatorio: sesión de mentoría dentro de una hora', body: 'Tu sesión de mentoría con {other} sobre «{topic}» empieza dentro de una hora, el {when}.' },
  reason: 'Motivo indicado: {reason}',
  join: 'Enlace a la llamada: {link}',
  invitationAttached: 'Se adjunta la invitación de calendario.',
  firstResponse: 'primera respuesta',
  resolution: 'resolución',
  priorities: { low: 'baja', normal: 'normal', high: 'alta', urgent: 'urgente' },
  footer: 'Recibes este correo como usuario del HPC AI Support Centre. Elige qué correos quieres recibir: {preferences}',
  footerMandatory: 'Este mensaje se envía siempre: mantiene al día tu calendario y los compromisos del centro de soporte.',
};

const de: Strings = {
  greeting: 'Hallo {name},',
  openTicket: 'Ticket öffnen',
  openSessions: 'Ihre Mentoring-Termine',
  expertReply: { subject: '[{ref}] Antwort von {actor}: {subject}', body: '{actor} hat auf Ihr Ticket {ref} „{subject}“ geantwortet.' },
  requesterReply: { subject: '[{ref}] Antwort von {actor}: {subject}', body: '{actor} hat auf das Ihnen zugewiesene Ticket {ref} „{subject}“ geantwortet.' },
  resolved: { subject: '[{ref}] Gelöst: {subject}', body: '{actor} hat Ihr Ticket {ref} „{subject}“ als gelöst markiert. Besteht das Problem weiter, antworten Sie, um es wieder zu öffnen.' },
  newTicket: { subject: '[{ref}] Neues Ticket in {category}: {subject}', body: '{requester} hat das Ticket {ref} „{subject}“ in {category} eröffnet (Priorität {priority}).' },
  slaWarning: { subject: '[{ref}] 75 % der Frist für {target} verbraucht', body: 'Das Ticket {ref} „{subject}“ hat 75 % seiner Frist für {target} verbraucht (Priorität {priority}). Sie endet am {due}.' },
  slaBreach: { subject: '[{ref}] Frist verfehlt: {target}', body: 'Das Ticket {ref} „{subject}“ hat seine Frist für {target} überschritten (Priorität {priority}); sie endete am {due}.' },
  bookingConfirmedRequester: { subject: 'Mentoring-Termin gebucht: {when}', body: 'Ihr Mentoring-Termin mit {expert} zum Thema „{topic}“ ist für {when} gebucht.' },
  bookingConfirmedExpert: { subject: 'Neuer Mentoring-Termin: {when}', body: '{requester} ({org}) hat bei Ihnen einen Mentoring-Termin zum Thema „{topic}“ für {when} gebucht.' },
  bookingRescheduled: { subject: 'Mentoring-Termin verschoben auf {when}', body: 'Der Mentoring-Termin mit {other} zum Thema „{topic}“ wurde von {from} auf {when} verschoben.' },
  bookingCancelled: { subject: 'Mentoring-Termin abgesagt: {when}', body: 'Der Mentoring-Termin mit {other} zum Thema „{topic}“ am {when} wurde abgesagt.' },
  reminder24h: { subject: 'Erinnerung: Mentoring-Termin morgen, {when}', body: 'Ihr Mentoring-Termin mit {other} zum Thema „{topic}“ beginnt in 24 Stunden, am {when}.' },
  reminder1h: { subject: 'Erinnerung: Mentoring-Termin in einer Stunde', body: 'Ihr Mentoring-Termin mit {other} zum Thema „{topic}“ beginnt in einer Stunde, am {when}.' },
  reason: 'Angegebener Grund: {reason}',
  join: 'Zum Gespräch: {link}',
  invitationAttached: 'Die Kalendereinladung ist angehängt.',
  firstResponse: 'die erste Antwort',
  resolution: 'die Lösung',
  priorities: { low: 'niedrig', normal: 'normal', high: 'hoch', urgent: 'dringend' },
  footer: 'Sie erhalten diese E-Mail als Nutzer:in des HPC AI Support Centre. Wählen Sie, welche E-Mails Sie erhalten: {preferences}',
  footerMandatory: 'Diese Nachricht wird immer gesendet: Sie hält Ihren Kalender und die Zusagen des Support Centre aktuell.',
};

const fr: Strings = {
  greeting: 'Bonjour {name},',
  openTicket: 'Ouvrir le ticket',
  openSessions: 'Vos séances de mentorat',
  expertReply: { subject: '[{ref}] Réponse de {actor} : {subject}', body: '{actor} a répondu à votre ticket {ref} « {subject} ».' },
  requesterReply: { subject: '[{ref}] Réponse de {actor} : {subject}', body: '{actor} a répondu sur le ticket {ref} « {subject} », qui vous est attribué.' },
  resolved: { subject: '[{ref}] Résolu : {subject}', body: '{actor} a marqué votre ticket {ref} « {subject} » comme résolu. Si le problème persiste, répondez pour le rouvrir.' },
  newTicket: { subject: '[{ref}] Nouveau ticket dans {category} : {subject}', body: '{requester} a ouvert le ticket {ref} « {subject} » dans {category} (priorité {priority}).' },
  slaWarning: { subject: '[{ref}] 75 % du délai de {target} écoulé', body: 'Le ticket {ref} « {subject} » a consommé 75 % de son délai de {target} (priorité {priority}). Échéance : {due}.' },
  slaBreach: { subject: '[{ref}] Délai dépassé : {target}', body: 'Le ticket {ref} « {subject} » a dépassé son délai de {target} (priorité {priority}), dont l’échéance était le {due}.' },
  bookingConfirmedRequester: { subject: 'Séance de mentorat réservée : {when}', body: 'Votre séance de mentorat avec {expert} sur « {topic} » est réservée pour le {when}.' },
  bookingConfirmedExpert: { subject: 'Nouvelle séance de mentorat : {when}', body: '{requester} ({org}) a réservé avec vous une séance de mentorat sur « {topic} » pour le {when}.' },
  bookingRescheduled: { subject: 'Séance de mentorat déplacée au {when}', body: 'La séance de mentorat avec {other} sur « {topic} » a été déplacée du {from} au {when}.' },
  bookingCancelled: { subject: 'Séance de mentorat annulée : {when}', body: 'La séance de mentorat avec {other} sur « {topic} » du {when} a été annulée.' },
  reminder24h: { subject: 'Rappel : séance de mentorat demain, {when}', body: 'Votre séance de mentorat avec {other} sur « {topic} » commence dans 24 heures, le {when}.' },
  reminder1h: { subject: 'Rappel : séance de mentorat dans une heure', body: 'Votre séance de mentorat avec {other} sur « {topic} » commence dans une heure, le {when}.' },
  reason: 'Motif indiqué : {reason}',
  join: 'Rejoindre l’appel : {link}',
  invitationAttached: 'L’invitation de calendrier est jointe.',
  firstResponse: 'première réponse',
  resolution: 'résolution',
  priorities: { low: 'basse', normal: 'normale', high: 'haute', urgent: 'urgente' },
  footer: 'Vous recevez cet e-mail en tant qu’utilisateur du HPC AI Support Centre. Choisissez les e-mails que vous recevez : {preferences}',
  footerMandatory: 'Ce message est toujours envoyé : il tient à jour votre agenda et les engagements du centre de support.',
};

export const STRINGS: Record<Language, Strings> = { en, es, de, fr };

/** The user's language if we write it, else its base language ("es-ES" → es), else English. */
export function languageFor(lang: string | undefined): Language {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? base as Language : 'en';
}
