/** The e-mail channel's storage port (the DynamoDB adapter in AWS and locally): its bookkeeping, nothing else. */
export interface InboundStore {
  /**
   * Takes a received mail (by its Message-ID's digest) for processing: false when it was processed already, or is
   * being processed and its lease has not run out (a crash mid-way lets a later delivery take over).
   */
  claimMail(digest: string, at: Date, leaseUntil: Date, expiresAt: number): Promise<boolean>;
  /** Records how a claimed mail ended; from then on every delivery of it is a duplicate. */
  finishMail(digest: string, outcome: string, at: Date): Promise<void>;
  /** Counts one mail of `address` in `hour`; false (and not counted) when `limit` mails were counted already. */
  countSender(address: string, hour: string, limit: number, expiresAt: number): Promise<boolean>;
  /** Takes the day's one answer to a refused mail of `address`: false when it was given already. */
  claimRefusalAnswer(address: string, day: string, expiresAt: number): Promise<boolean>;
  /** The instant (ISO) before which the user's reply addresses are void, if they were ever withdrawn. */
  tokensNotBefore(userId: string): Promise<string | undefined>;
  /** Withdraws every reply address of the user issued until `at`. */
  withdrawTokens(userId: string, at: Date): Promise<void>;
}
