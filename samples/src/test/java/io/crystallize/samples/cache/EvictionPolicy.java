package io.crystallize.samples.cache;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;

/** Three classic eviction policies over a cache of fixed capacity; each counts its hits. */
enum EvictionPolicy {
    LRU, FIFO, LFU;

    /** The fraction of requests served from a cache of {@code capacity} keys, in percent. */
    double hitRatePercent(int[] requests, int capacity) {
        int hits = switch (this) {
            case LRU -> linked(requests, capacity, true);
            case FIFO -> linked(requests, capacity, false);
            case LFU -> leastFrequentlyUsed(requests, capacity);
        };
        return 100.0 * hits / requests.length;
    }

    private static int linked(int[] requests, int capacity, boolean accessOrder) {
        Map<Integer, Boolean> cache = new LinkedHashMap<>(capacity * 2, 0.75f, accessOrder) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                return size() > capacity;
            }
        };
        int hits = 0;
        for (int key : requests) {
            if (cache.get(key) != null) {
                hits++;
            } else {
                cache.put(key, Boolean.TRUE);
            }
        }
        return hits;
    }

    /** Perfect LFU: request counts are kept for every key seen, so a returning hot key is recognised. */
    private static int leastFrequentlyUsed(int[] requests, int capacity) {
        Map<Integer, Integer> frequency = new HashMap<>();
        Set<Integer> cache = new HashSet<>();
        int hits = 0;
        for (int key : requests) {
            frequency.merge(key, 1, Integer::sum);
            if (cache.contains(key)) {
                hits++;
                continue;
            }
            if (cache.size() == capacity) {
                int victim = -1;
                int fewest = Integer.MAX_VALUE;
                for (int cached : cache) {
                    int f = frequency.get(cached);
                    if (f < fewest || (f == fewest && cached > victim)) {
                        fewest = f;
                        victim = cached;
                    }
                }
                cache.remove(victim);
            }
            cache.add(key);
        }
        return hits;
    }
}
