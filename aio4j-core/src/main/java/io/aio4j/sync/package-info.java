/**
 * Synchronisation primitives for tasks of one event loop, asyncio's {@code asyncio.Lock} family:
 * {@link io.aio4j.sync.Lock}, {@link io.aio4j.sync.Event}, {@link io.aio4j.sync.Condition},
 * {@link io.aio4j.sync.Semaphore}, {@link io.aio4j.sync.BoundedSemaphore},
 * {@link io.aio4j.sync.Barrier}. They suspend the calling task, never a thread, and are not
 * thread-safe: use them from the tasks of one loop. Each binds to the loop of its first use.
 *
 * <h2>Names</h2>
 * asyncio's names in camelCase, except where {@link java.lang.Object}'s final {@code wait},
 * {@code notify} and {@code notifyAll} are in the way; there the names of
 * {@code java.util.concurrent} take over:
 * <pre>
 * asyncio                             | aio4j
 * ------------------------------------+-------------------------------------------------
 * asyncio.Lock()                      | Lock.create()
 * async with lock:                    | lock.withLock(body)
 * await lock.acquire() / release()    | lock.acquire() / lock.release()
 * lock.locked()                       | lock.locked()
 * (trio) lock.acquire_nowait()        | lock.tryAcquire()
 * await event.wait()                  | event.await()
 * event.set() / clear() / is_set()    | event.set() / event.clear() / event.isSet()
 * await cond.wait()                   | cond.await()
 * await cond.wait_for(predicate)      | cond.awaitFor(predicate)
 * cond.notify(n) / notify_all()       | cond.signal(n) / cond.signalAll()
 * asyncio.Semaphore(n)                | Semaphore.create(n)
 * async with sem:                     | sem.withPermit(body)
 * asyncio.BoundedSemaphore(n)         | BoundedSemaphore.create(n)
 * await barrier.wait()                | barrier.await()  (returns the arrival index)
 * await barrier.reset() / abort()     | barrier.reset() / barrier.abort()  (do not suspend)
 * barrier.parties / n_waiting / broken| barrier.parties() / nWaiting() / broken()
 * RuntimeError (release unlocked...)  | IllegalStateException
 * ValueError (bad constructor value)  | IllegalArgumentException
 * ValueError (BoundedSemaphore        | IllegalStateException
 *   released too many times)          |
 * BrokenBarrierError                  | BrokenBarrierException
 * </pre>
 * Every primitive also has {@code statistics()} (trio's), a record of its state, and a
 * {@code toString()} like asyncio's repr ({@code <Lock locked waiters=2>}).
 *
 * <h2>Fairness and cancellation</h2>
 * All of them queue waiting tasks in one fair FIFO queue (trio's {@code ParkingLot}). A waiter
 * cancelled before its wake-up is skipped, and one cancelled after it passes the wake-up on, so a
 * release or signal is never lost and never wakes two tasks (ASYNCIO-SEMANTICS §3.7, specs 44–48).
 */
package io.aio4j.sync;
