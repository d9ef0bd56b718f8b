package com.clearskin.scheduling;

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
        long[] shifted = new long[words.length];
        while (covered < length) {
            int step = Math.min(covered, length - covered);
            shiftDown(run, step, shifted);
            for (int w = 0; w < run.length; w++) {
                run[w] &= shifted[w];
            }
            covered += step;
        }
        return new MinuteSet(run, size);
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

    /** target bit i = source bit i + k (bits past the end read as 0). */
    private static void shiftDown(long[] source, int k, long[] target) {
        int wordShift = k >>> 6;
        int bitShift = k & 63;
        int n = source.length;
        for (int w = 0; w < n; w++) {
            int from = w + wordShift;
            long low = from < n ? source[from] : 0L;
            if (bitShift == 0) {
                target[w] = low;
            } else {
                long high = from + 1 < n ? source[from + 1] : 0L;
                target[w] = (low >>> bitShift) | (high << (64 - bitShift));
            }
        }
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
