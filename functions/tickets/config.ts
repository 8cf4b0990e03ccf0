import { apiConfig, type ApiConfig, type Environment } from '../core/config.ts';

/** The tickets function's settings: today those every API function shares; its own (e.g. an attachments bucket) go here. */
export type TicketsConfig = ApiConfig;

export function ticketsConfig(env: Environment = process.env): TicketsConfig {
  return apiConfig(env);
}
