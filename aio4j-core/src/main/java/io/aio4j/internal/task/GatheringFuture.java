package io.aio4j.internal.task;

import io.aio4j.CancelledError;
import io.aio4j.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * asyncio's {@code _GatheringFuture}: done when every child is done, with their results in
 * argument order. Loop thread only.
 *
 * <p>Without {@code returnExceptions}, the first child that fails (or is cancelled) fails the
 * gather at once with that exception (a {@link CancelledError} for a cancelled child, which makes
 * the gather done but not cancelled); the other children keep running. Cancelling the gather
 * cancels every child not yet done; it then ends cancelled: at the first child that ends
 * cancelled, or with {@code returnExceptions} once they all are done. (CPython ends such a gather
 * with a {@code CancelledError} exception instead; either way its awaiter gets a
 * {@code CancelledError}, and a {@code cancel()} that returned true leaves it cancelled here.)
 *
 * @param <T> the children's result type
 */
final class GatheringFuture<T> extends FutureImpl<List<T>> {
    private final FutureImpl<? extends T>[] children;
    private final boolean returnExceptions;
    private int finished;
    /** Set when {@link #cancel} reached a child: the gather ends cancelled, whatever they do. */
    private boolean cancelRequested;
    private String cancelRequestMessage;

    @SuppressWarnings("unchecked")
    GatheringFuture(TaskLoop loop, List<? extends Future<? extends T>> futures, boolean returnExceptions) {
        super(loop);
        this.returnExceptions = returnExceptions;
        this.children = futures.stream().map(f -> Combinators.own(loop, f)).toArray(FutureImpl[]::new);
        if (children.length == 0) {
            finishWithResult(List.of());
            return;
        }
        // The same future given twice is one child with two places (CPython: arg_to_fut): one
        // callback per distinct child. Each child is marked as it is seen, so a repeat is found
        // without a map (an IdentityHashMap of 100,000 tasks cost a fifth of a cold spawn's time);
        // the marks are taken off again, so a child kept alive does not keep the gathering.
        boolean repeats = false;
        for (FutureImpl<?> child : children) {
            if (child.gatheredBy == this) {
                repeats = true;
                break;
            }
            child.gatheredBy = this;
        }
        for (FutureImpl<?> child : children) {
            child.gatheredBy = null;
            if (!repeats) {
                child.addDoneCallback(f -> childDone(child, 1));
            }
        }
        if (!repeats) {
            return;
        }
        Map<FutureImpl<?>, Integer> places = new IdentityHashMap<>();
        for (FutureImpl<?> child : children) {
            places.merge(child, 1, Integer::sum);
        }
        for (FutureImpl<?> child : children) {
            Integer n = places.remove(child); // first place only
            if (n != null) {
                child.addDoneCallback(f -> childDone(child, n));
            }
        }
    }

    private void childDone(FutureImpl<?> child, int places) {
        finished += places;
        if (done()) {
            if (!child.cancelled()) {
                child.exception(); // retrieved: a late failure is ignored, not reported as lost
            }
            return;
        }
        if (!returnExceptions) {
            if (child.cancelled()) {
                if (cancelRequested) {
                    cancelFuture(child.cancelMessage()); // our own cancel() came back: end cancelled
                } else {
                    finishWithException(new CancelledError(child.cancelMessage()));
                }
                return;
            }
            Throwable e = child.exception();
            if (e != null) {
                finishWithException(e);
                return;
            }
        }
        if (finished == children.length) {
            complete();
        }
    }

    @SuppressWarnings("unchecked")
    private void complete() {
        List<Object> results = new ArrayList<>(children.length);
        String cancelledMessage = null;
        boolean anyCancelled = false;
        for (FutureImpl<? extends T> c : children) {
            if (c.cancelled()) {
                anyCancelled = true;
                cancelledMessage = c.cancelMessage();
                results.add(new CancelledError(c.cancelMessage()));
            } else {
                Throwable e = c.exception();
                results.add(e != null ? e : c.result());
            }
        }
        if (cancelRequested) {
            cancelFuture(anyCancelled ? cancelledMessage : cancelRequestMessage);
        } else {
            finishWithResult((List<T>) java.util.Collections.unmodifiableList(results));
        }
    }

    /** Cancels every child not yet done; the gather ends cancelled when they all are. */
    @Override
    public boolean cancel(String message) {
        loop.checkThread();
        if (done()) {
            return false;
        }
        boolean any = false;
        for (FutureImpl<? extends T> c : children) {
            if (c.cancel(message)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
            cancelRequestMessage = message;
        }
        return any;
    }

    @Override
    public String toString() {
        return "<GatheringFuture " + describeState() + " children=" + children.length + " finished=" + finished + ">";
    }
}
