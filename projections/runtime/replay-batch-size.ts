/**
 * A replay's default events per read and batch. 5,000 against 2,000: fewer, larger COPYs and
 * reads; a bench-log replay alternating both ways in one process went from 43,000-77,000 to
 * 66,000-87,000 log events/s for orders and from 57,000-93,000 to 104,000-120,000 for the catalog.
 * (10,000 did about as well as 5,000.)
 */
export const REPLAY_BATCH_SIZE = 5000;
