package io.aio4j.internal.task;

import java.lang.reflect.Constructor;
import io.aio4j.internal.loop.Log;
import java.lang.reflect.Field;
import java.util.concurrent.Executor;

/**
 * The reflective door to a virtual thread with a scheduler of our choosing: the package-private
 * constructor {@code java.lang.ThreadBuilders$VirtualThreadBuilder(Executor)}, the same one
 * Micronaut 4.9 uses. JDK 21 to 25 offer no public API for it. Opening it needs
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED} (or {@code =io.aio4j} on the module path).
 * Thread-safe; resolved once.
 */
final class SchedulerAccess {

    private static final Constructor<?> BUILDER;
    private static final Field RUN_CONTINUATION;
    /** {@code Thread.currentCarrierThread()}, an intrinsic: the platform thread a virtual thread runs on. */
    private static final java.lang.invoke.MethodHandle CURRENT_CARRIER;
    /** Why the fast path is unavailable, or {@code null}. */
    static final String UNAVAILABLE;

    static {
        Constructor<?> ctor = null;
        Field cont = null;
        String why = null;
        if ("baton".equalsIgnoreCase(System.getProperty("aio4j.scheduler"))) {
            why = "system property aio4j.scheduler=baton";
        } else {
            try {
                ctor = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder").getDeclaredConstructor(Executor.class);
                ctor.setAccessible(true);
                try {
                    cont = Class.forName("java.lang.VirtualThread").getDeclaredField("runContinuation");
                    cont.setAccessible(true);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    cont = null; // only the watchdog's task lookup needs it
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                ctor = null;
                String target = SchedulerAccess.class.getModule().isNamed() ? SchedulerAccess.class.getModule().getName() : "ALL-UNNAMED";
                why = "java.lang is not open to aio4j (" + e.getClass().getSimpleName() + ")";
                Log.LOGGER.log(System.Logger.Level.INFO, "aio4j runs tasks in the portable BATON mode: " + why
                        + "; add --add-opens java.base/java.lang=" + target + " to the java command for the faster"
                        + " LOOP_SCHEDULER mode");
            }
        }
        java.lang.invoke.MethodHandle carrier = null;
        if (ctor != null) {
            try {
                carrier = java.lang.invoke.MethodHandles.privateLookupIn(Thread.class, java.lang.invoke.MethodHandles.lookup())
                        .findStatic(Thread.class, "currentCarrierThread", java.lang.invoke.MethodType.methodType(Thread.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                ctor = null;
                why = "Thread.currentCarrierThread() is not reachable (" + e + ")";
            }
        }
        CURRENT_CARRIER = carrier;
        BUILDER = ctor;
        RUN_CONTINUATION = cont;
        UNAVAILABLE = why;
    }

    private SchedulerAccess() {}

    static boolean available() {
        return BUILDER != null;
    }

    /** The calling thread's carrier (itself for a platform thread). Only when {@link #available()}. */
    static Thread currentCarrier() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("Thread.currentCarrierThread() failed", t);
        }
    }

    /** A virtual-thread builder whose threads run on {@code scheduler}. */
    static Thread.Builder.OfVirtual builder(Executor scheduler) {
        try {
            return (Thread.Builder.OfVirtual) BUILDER.newInstance(scheduler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a loop-scheduled virtual thread builder", e);
        }
    }

    /** The continuation runnable a virtual thread hands its scheduler, or {@code null}. */
    static Object continuationOf(Thread vthread) {
        if (RUN_CONTINUATION == null) {
            return null;
        }
        try {
            return RUN_CONTINUATION.get(vthread);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
