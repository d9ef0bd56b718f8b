package com.clearskin.resources;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable list of busy times kept as two arrays of epoch minutes (a start rounded down, an
 * end up, as the availability engine counts them anyway), for calendars with many appointments:
 * the engine reads the arrays directly instead of one object per busy time. Built with a
 * {@link Builder}; reads as an ordinary {@code List<Busy>}.
 */
public final class BusyTimes extends AbstractList<Busy> implements RandomAccess {

    private final long[] starts;
    private final long[] ends;
    private final int size;

    private BusyTimes(long[] starts, long[] ends, int size) {
        this.starts = starts;
        this.ends = ends;
        this.size = size;
    }

    @Override
    public Busy get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new Busy(Instant.ofEpochSecond(starts[index] * 60), Instant.ofEpochSecond(ends[index] * 60));
    }

    @Override
    public int size() {
        return size;
    }

    public long[] startMinutes() {
        return starts;
    }

    public long[] endMinutes() {
        return ends;
    }

    /** Collects busy times (whole minutes: a start is rounded down, an end up). */
    public static final class Builder {
        private long[] starts = new long[8];
        private long[] ends = new long[8];
        private int size;

        public Builder add(Instant start, Instant end) {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("Busy time must start before it ends: " + start + "-" + end);
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = Math.floorDiv(start.getEpochSecond(), 60);
            long endSecond = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
            ends[size] = Math.floorDiv(endSecond + 59, 60);
            size++;
            return this;
        }

        public BusyTimes build() {
            return new BusyTimes(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size), size);
        }
    }
}
