package io.aio4j.testing.internal;

import io.aio4j.LoopOptions;
import io.aio4j.internal.task.VirtualTimeLoop;
import io.aio4j.testing.TestLoop;

/** {@link TestLoop} on the core's {@link VirtualTimeLoop}. Loop thread only. */
public final class TestLoopImpl extends VirtualTimeLoop implements TestLoop {
    /**
     * Creates the loop, autojump on.
     *
     * @param options its options
     */
    public TestLoopImpl(LoopOptions options) {
        super(options, true);
    }
}
