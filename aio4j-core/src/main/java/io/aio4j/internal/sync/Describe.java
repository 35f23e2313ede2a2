package io.aio4j.internal.sync;

/** Builds the primitives' {@code toString()}, in asyncio's repr order: {@code <Kind state waiters=N>}. */
final class Describe {
    private Describe() {}

    static String of(String kind, String state, ParkingLot lot) {
        int waiting = lot.waiting();
        return waiting == 0 ? "<" + kind + " " + state + ">" : "<" + kind + " " + state + " waiters=" + waiting + ">";
    }
}
