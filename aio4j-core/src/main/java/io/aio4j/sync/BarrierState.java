package io.aio4j.sync;

/** The lifecycle of a {@link Barrier}; its javadoc has the state table. asyncio's {@code _BarrierState}. */
public enum BarrierState {
    /** Tasks arrive and wait for the round to fill. */
    FILLING,
    /** The round is complete; its tasks are leaving, and new arrivals wait until they have. */
    DRAINING,
    /** {@link Barrier#reset()} was called with tasks inside; they leave with an error, new arrivals wait. */
    RESETTING,
    /** {@link Barrier#abort()} was called: every wait fails until {@link Barrier#reset()}. */
    BROKEN;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
