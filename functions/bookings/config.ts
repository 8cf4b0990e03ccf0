import { apiConfig, type ApiConfig, type Environment } from '../core/config.ts';

/** The bookings function's settings (API and its sweep): today those every API function shares; its own go here. */
export type BookingsConfig = ApiConfig;

export function bookingsConfig(env: Environment = process.env): BookingsConfig {
  return apiConfig(env);
}
