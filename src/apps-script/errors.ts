/**
 * A stop the product decided on, whose message is already the Vietnamese sentence the clerk should read
 * (what happened and what to press). Google-error helpers pass it through unchanged.
 */
export class ClerkMessage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClerkMessage';
  }
}
