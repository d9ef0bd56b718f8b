package com.clearskin.booking.engine;

import java.util.Arrays;

/**
 * A set of minutes of a window, as bits: bit i is the minute [origin + i, origin + i + 1). The
 * availability search works on these, so checking a whole treatment with its buffers against
 * every busy time costs a few word operations, not a loop over appointments.
 */
final class MinuteSet {

    private final long[] words;
    private final int size;

    MinuteSet(int size) {
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
    }

    private MinuteSet(long[] words, int size) {
        this.words = words;
        this.size = size;
    }

    int size() {
        return size;
    }

    /** Adds the minutes [from, to), clipped to the window. */
    void add(int from, int to) {
        apply(Math.max(0, from), Math.min(size, to), true);
    }

    /** Removes the minutes [from, to), clipped to the window. */
    void remove(int from, int to) {
        if (from >= 0 && to <= size && to - from <= 64 && from < to) {
            // the common case (an appointment inside the window): one or two words
            int firstWord = from >>> 6;
            int lastWord = (to - 1) >>> 6;
            long firstMask = -1L << from;
            long lastMask = -1L >>> (63 - ((to - 1) & 63));
            if (firstWord == lastWord) {
                words[firstWord] &= ~(firstMask & lastMask);
            } else {
                words[firstWord] &= ~firstMask;
                words[lastWord] &= ~lastMask;
            }
            return;
        }
        apply(Math.max(0, from), Math.min(size, to), false);
    }

    boolean contains(int minute) {
        return minute >= 0 && minute < size && (words[minute >>> 6] & (1L << minute)) != 0;
    }

    boolean isEmpty() {
        for (long w : words) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** The minutes i such that every minute of [i, i + length) is in this set. */
    MinuteSet runsOf(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        long[] run = words.clone();
        int covered = 1;
        while (covered < length) {
            int step = Math.min(covered, length - covered);
            andShiftedDown(run, step);
            covered += step;
        }
        return new MinuteSet(run, size);
    }

    /**
     * In place: bit i &= bit i + k. Reads only words at or after the one written, so one forward
     * pass suffices; empty words (closed hours) stay empty and are skipped.
     */
    private static void andShiftedDown(long[] run, int k) {
        int wordShift = k >>> 6;
        int bitShift = k & 63;
        int n = run.length;
        for (int w = 0; w < n; w++) {
            long current = run[w];
            if (current == 0) {
                continue;
            }
            int from = w + wordShift;
            long low = from < n ? run[from] : 0L;
            long shifted;
            if (bitShift == 0) {
                shifted = low;
            } else {
                long high = from + 1 < n ? run[from + 1] : 0L;
                shifted = (low >>> bitShift) | (high << (64 - bitShift));
            }
            run[w] = current & shifted;
        }
    }

    /** Adds every minute of {@code other} (same window). */
    void addAll(MinuteSet other) {
        for (int w = 0; w < words.length; w++) {
            words[w] |= other.words[w];
        }
    }

    /** Keeps only the minutes also in {@code other} (same window). */
    void retainAll(MinuteSet other) {
        for (int w = 0; w < words.length; w++) {
            words[w] &= other.words[w];
        }
    }

    MinuteSet copy() {
        return new MinuteSet(words.clone(), size);
    }

    private void apply(int from, int to, boolean value) {
        if (from >= to) {
            return;
        }
        int firstWord = from >>> 6;
        int lastWord = (to - 1) >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> (63 - ((to - 1) & 63));
        if (firstWord == lastWord) {
            set(firstWord, firstMask & lastMask, value);
            return;
        }
        set(firstWord, firstMask, value);
        for (int w = firstWord + 1; w < lastWord; w++) {
            words[w] = value ? -1L : 0L;
        }
        set(lastWord, lastMask, value);
    }

    private void set(int word, long mask, boolean value) {
        if (value) {
            words[word] |= mask;
        } else {
            words[word] &= ~mask;
        }
    }

    @Override
    public String toString() {
        return "MinuteSet" + Arrays.toString(words);
    }
}
