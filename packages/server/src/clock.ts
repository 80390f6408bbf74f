/** The server's one source of "now", passed in so tests can move time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
